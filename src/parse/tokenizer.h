// The HTML tokenizer (WHATWG HTML, "Tokenization"): UTF-8 bytes -> text runs, start tags and end tags.
// Comments, DOCTYPEs, CDATA sections and processing instructions are read and skipped. No allocation per
// token: text is a view of the input where it needs no decoding, names and attribute values live in
// buffers reused from tag to tag. Knows nothing of the tree; the tree builder switches the text mode after
// the start tags that need one, as the spec's tree construction does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede::parse {

enum class TokenKind : std::uint8_t { text, start_tag, end_tag, eof };

// How the characters after a start tag are read (the spec's RCDATA, RAWTEXT, script data, PLAINTEXT states).
enum class TextMode : std::uint8_t {
  data,
  rcdata,       // title, textarea: character references, no tags until the matching end tag
  rawtext,      // style, xmp, iframe, noembed, noframes: no references, no tags
  script_data,  // script: as rawtext (the escaped "<!--" states are not followed)
  plaintext,    // everything to the end is text
};

class Tokenizer {
 public:
  // `max_attributes`: a start tag keeps at most this many (distinct) attributes; the rest are read and dropped.
  Tokenizer(std::string_view input, std::size_t max_attributes);

  TokenKind next();

  // The current token. Views stay valid until the next call to next().
  std::string_view text() const { return text_; }
  std::string_view name() const { return name_; }  // lower-case
  bool self_closing() const { return self_closing_; }
  std::size_t attr_count() const { return attrs_.size(); }
  std::string_view attr_name(std::size_t i) const { return {buffer_.data() + attrs_[i].name_begin, attrs_[i].name_len}; }
  std::string_view attr_value(std::size_t i) const { return {buffer_.data() + attrs_[i].value_begin, attrs_[i].value_len}; }
  // Some start tag so far had attributes beyond max_attributes.
  bool dropped_attributes() const { return dropped_attributes_; }

  // After a start tag: read what follows in `mode` until the end tag named like that start tag.
  void set_text_mode(TextMode mode);
  TextMode text_mode() const { return mode_; }

 private:
  struct Attr {
    std::uint32_t name_begin, name_len, value_begin, value_len;  // into buffer_
  };

  TokenKind data();
  TokenKind raw_text();
  // The text run [start, p) as the token, reading on from p; eof when the run is empty.
  TokenKind text_run(const char* start, const char* p);
  // A character reference at the '&' at p as the token; false when it is a literal '&'.
  bool char_ref(const char* p);
  bool tag(TokenKind* kind);  // at '<': a tag, or a skipped comment/doctype; false: the '<' is text
  bool read_tag(bool end);    // after "<" or "</" and a letter; false: the input ended inside the tag
  bool read_attributes(bool keep);
  void read_attribute_value(char quote);
  void skip_to_gt();  // a bogus comment or a DOCTYPE: to the next '>'
  void skip_comment();

  const char* pos_;
  const char* end_;
  std::size_t max_attributes_;
  TextMode mode_ = TextMode::data;
  std::string raw_end_name_;  // the start tag that began the current text mode

  std::string_view text_;
  std::string_view name_;
  bool self_closing_ = false;
  bool dropped_attributes_ = false;
  char ref_text_[8];       // a decoded character reference, as a text token
  std::string name_buffer_;
  std::string buffer_;     // attribute names and values of the current tag
  std::vector<Attr> attrs_;
  std::vector<std::uint32_t> hash_slots_;  // attribute index + 1 by name hash, for tags with many attributes
};

}  // namespace lede::parse
