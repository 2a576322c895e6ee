// HTML element names lede distinguishes, as a compact enum, and what each kind of element is.
// Data only: the vocabulary of tags; no parsing and no scoring here.
#pragma once

#include <cstdint>
#include <string_view>

namespace lede::parse {

#define LEDE_TAGS(X)                                                                                 \
  X(a) X(abbr) X(address) X(article) X(aside) X(audio) X(b) X(bdi) X(bdo) X(big) X(blockquote)      \
  X(body) X(br) X(button) X(canvas) X(caption) X(center) X(cite) X(code) X(col) X(colgroup) X(dd)   \
  X(del) X(details) X(dfn) X(dialog) X(div) X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption)    \
  X(figure) X(font) X(footer) X(form) X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6)      \
  X(head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe) X(img) X(input) X(ins) X(kbd) X(label)   \
  X(legend) X(li) X(link) X(main) X(map) X(mark) X(math) X(menu) X(meta) X(nav) X(noscript)         \
  X(object) X(ol) X(optgroup) X(option) X(output) X(p) X(param) X(picture) X(pre) X(progress) X(q)  \
  X(rp) X(rt) X(ruby) X(s) X(samp) X(script) X(section) X(select) X(slot) X(small) X(source)        \
  X(span) X(strike) X(strong) X(style) X(sub) X(summary) X(sup) X(svg) X(table) X(tbody) X(td)      \
  X(template_) X(textarea) X(tfoot) X(th) X(thead) X(time) X(title) X(tr) X(track) X(tt) X(u) X(ul) \
  X(var) X(video) X(wbr) X(xmp) X(noembed) X(noframes) X(marquee) X(base)  \
  X(area) X(plaintext) X(listing) X(dir) X(applet) X(keygen) X(basefont) X(bgsound) X(search) X(rb) X(rtc) X(nobr)

enum class Tag : std::uint8_t {
  unknown = 0,
  text,  // a text node, not an element
#define LEDE_TAG_ENUM(name) name,
  LEDE_TAGS(LEDE_TAG_ENUM)
#undef LEDE_TAG_ENUM
      count_
};

// Lower-case element name -> Tag (Tag::unknown for custom elements and anything else).
Tag tag_from_name(std::string_view name);
std::string_view tag_name(Tag tag);

// Elements whose content is never text a reader sees.
bool is_never_content(Tag tag);
// Block-level elements: they end a line of text in the rendered page.
bool is_block(Tag tag);
inline bool is_heading(Tag t) { return t >= Tag::h1 && t <= Tag::h6; }
inline int heading_level(Tag t) { return static_cast<int>(t) - static_cast<int>(Tag::h1) + 1; }

}  // namespace lede::parse
