// The libxml2 adapter: SAX callbacks that build lede's Dom directly, so the page is parsed once and
// no intermediate libxml2 tree is allocated. Must not interpret content beyond what to store.
#include "parse/libxml2_parser.h"

#include "parse/attribute_guard.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <chrono>
#include <climits>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace lede::parse {
namespace {

struct Builder {
  Dom* dom;
  ParseLimits limits;
  // Open start tags, each with the `current` to restore at its end tag (O(1) per end tag, however deep).
  struct Open {
    NodeId restore;
  };
  std::vector<Open> open;
  NodeId current = 0;  // where children go: the innermost open element that was created
  int raw_text_depth = 0;  // > 0 inside <script>/<style> whose text is dropped
  bool keep_script_text = false;
  bool truncated = false;
  bool out_of_time = false;
  unsigned events = 0;  // parser events since the start; the clock is read every kClockEvery of them

  static constexpr unsigned kClockEvery = 16;

  // Stops libxml2 once the deadline has passed. Called from every SAX callback and from the error
  // callback: libxml2's slow paths (an end tag matched against a 100,000-deep stack of open elements)
  // report an error for each tag even when they deliver no element, so every unit of work is seen here.
  // xmlStopParser is libxml2's own way to halt from a callback: later events are not delivered.
  void tick(void* ctx) {
    if (out_of_time || ++events % kClockEvery != 0) return;
    if (std::chrono::steady_clock::now() < limits.deadline) return;
    out_of_time = true;
    truncated = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
  }

  static Builder* from(void* ctx) {
    auto* parser = static_cast<xmlParserCtxtPtr>(ctx);
    return static_cast<Builder*>(parser->_private);
  }
};

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_json_ld(const xmlChar** attrs) {
  if (!attrs) return false;
  for (int i = 0; attrs[i]; i += 2) {
    if (sv(attrs[i]) == "type" && sv(attrs[i + 1]).find("ld+json") != std::string_view::npos) return true;
  }
  return false;
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  Builder* b = Builder::from(ctx);
  b->tick(ctx);
  Tag tag = tag_from_name(sv(name));
  bool raw = tag == Tag::script || tag == Tag::style;
  if (raw) {
    b->raw_text_depth++;
    b->keep_script_text = tag == Tag::script && is_json_ld(attrs);
  }
  b->open.push_back({b->current});
  if (b->open.size() > b->limits.max_depth || b->dom->size() >= b->limits.max_nodes) {
    b->truncated = true;  // flattened: its content goes to the current element
    return;
  }
  NodeId id = b->dom->add_element(b->current, tag, sv(name));
  if (attrs) {
    for (int i = 0; attrs[i]; i += 2) b->dom->add_attr(id, sv(attrs[i]), sv(attrs[i + 1]));
  }
  b->current = id;
}

void on_end(void* ctx, const xmlChar* name) {
  Builder* b = Builder::from(ctx);
  b->tick(ctx);
  Tag tag = tag_from_name(sv(name));
  if ((tag == Tag::script || tag == Tag::style) && b->raw_text_depth > 0) {
    b->raw_text_depth--;
    b->keep_script_text = false;
  }
  if (b->open.empty()) return;
  b->current = b->open.back().restore;
  b->open.pop_back();
}

void on_text(void* ctx, const xmlChar* chars, int len) {
  Builder* b = Builder::from(ctx);
  b->tick(ctx);
  if (b->raw_text_depth > 0 && !b->keep_script_text) return;
  b->dom->add_text(b->current, std::string_view(reinterpret_cast<const char*>(chars), len));
}

// The structured error callback: errors are not reported (the parser recovers), only counted as work.
void on_error(void* ctx, xmlErrorPtr) { Builder::from(ctx)->tick(ctx); }

htmlSAXHandler make_handler() {
  htmlSAXHandler h;
  std::memset(&h, 0, sizeof h);
  // libxml2 calls `serror` only for a handler marked as SAX2; the HTML parser reads no other SAX2 field.
  h.initialized = XML_SAX2_MAGIC;
  h.serror = on_error;
  h.startElement = on_start;
  h.endElement = on_end;
  h.characters = on_text;
  h.ignorableWhitespace = on_text;
  h.cdataBlock = on_text;
  return h;
}

void silence(void*, const char*, ...) {}

// libxml2 sets up its globals (mutexes, dictionaries) on first use; two threads parsing their first page at
// once both set them up and one copy leaks. Done once, before any parse, whatever thread gets here first.
void init_libxml2_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

ParseResult parse_html_libxml2(std::string_view utf8, const ParseLimits& limits, Dom* dom) {
  init_libxml2_once();
  dom->clear();
  ParseResult result;
  if (utf8.empty()) return result;

  // A tag with too many attributes would hold libxml2 for minutes where no callback can stop it.
  std::string guarded;
  if (limit_attributes(utf8, limits.max_attributes, &guarded)) {
    utf8 = guarded;
    result.truncated = true;
  }

  Builder builder{dom, limits, {}, 0, 0, false, false, false, 0};
  builder.open.reserve(64);
  static const htmlSAXHandler handler = make_handler();

  // libxml2 takes an int length; larger inputs are cut (the caller's byte limit is far below this).
  int length = utf8.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(utf8.size());
  if (length != static_cast<int>(utf8.size())) result.truncated = true;

  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) return result;
  // Replace the tree-building SAX handler with ours; libxml2 frees ctxt->sax with the context.
  std::memcpy(ctxt->sax, &handler, sizeof handler);
  ctxt->_private = &builder;
  ctxt->vctxt.error = silence;
  ctxt->vctxt.warning = silence;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8.data(), length, nullptr, "UTF-8", options);
  if (doc) xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  result.truncated = result.truncated || builder.truncated;
  result.out_of_time = builder.out_of_time;
  return result;
}

}  // namespace lede::parse
