// The pipeline in one readable function: bytes -> decode -> parse -> clean -> score -> assemble -> meta.
// Each stage lives in its own folder; this file only wires them and owns the per-thread buffers.
#include "lede/extract.h"

#include "assemble/assemble.h"
#include "clean/clean.h"
#include "decode/decode.h"
#include "meta/meta.h"
#include "parse/html_parser.h"
#include "score/select.h"

namespace lede {

struct Extractor::State {
  parse::Dom dom;
  clean::Marks marks;
  score::Selection selection;
  meta::Workspace meta;
};

Extractor::Extractor() : state_(std::make_unique<State>()) {}
Extractor::~Extractor() = default;

namespace {

bool only_space(std::string_view bytes) {
  for (char c : bytes) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

Status Extractor::extract(std::string_view bytes, const Options& options, Article* article) {
  *article = Article{};
  if (bytes.empty() || only_space(bytes)) return {StatusCode::empty_input, "the page is empty"};
  if (bytes.size() > options.max_input_bytes) {
    return {StatusCode::too_large, "the page has " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                                       std::to_string(options.max_input_bytes)};
  }

  decode::Decoded decoded = decode::to_utf8(bytes, options.content_type, options.charset);
  article->url = options.url;
  article->encoding = decoded.encoding;
  article->encoding_source = decoded.source;

  parse::ParseLimits limits{options.max_nodes, options.max_depth};
  parse::ParseResult parsed = parse::parse_html(decoded.utf8, limits, &state_->dom);
  article->truncated = parsed.truncated;

  clean::mark(state_->dom, &state_->marks);
  score::select_content(state_->dom, state_->marks, &state_->selection);

  article->title = assemble::find_title(state_->dom, state_->selection);
  assemble::build_blocks(state_->dom, state_->selection, options, article);
  if (options.include_metadata) meta::extract_metadata(state_->dom, state_->selection, options, &state_->meta, article);
  return Status::Ok();
}

Status extract(std::string_view bytes, const Options& options, Article* article) {
  Extractor extractor;
  return extractor.extract(bytes, options, article);
}

const char* version() { return LEDE_VERSION; }

}  // namespace lede
