// The pipeline in one readable function: bytes -> decode -> parse -> clean -> score -> assemble -> meta.
// Each stage lives in its own folder; this file only wires them and owns the per-thread buffers.
#include "lede/extract.h"

#include <algorithm>
#include <chrono>

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
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
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

  // The time budget (Options::max_milliseconds): the parser gets a thirty-second, because the stages after
  // it cost ten to twenty times the parse of the same tree (a 60 MB page: 140 ms to parse, 2.7 s after);
  // the metadata stage, which can cost as much as the body, is skipped when half the budget is spent
  // before it (docs/robustness.md).
  Clock::time_point metadata_deadline = Clock::time_point::max();
  parse::ParseLimits limits{options.max_nodes, options.max_depth};
  if (options.max_milliseconds > 0) {
    constexpr std::size_t kDay = 86'400'000;  // a longer budget is none (and cannot overflow the clock)
    std::chrono::milliseconds budget(std::min(options.max_milliseconds, kDay));
    metadata_deadline = start + budget / 2;
    limits.deadline = start + budget / 32;
  }
  parse::ParseResult parsed = parse::parse_html(decoded.utf8, limits, &state_->dom);
  article->truncated = parsed.truncated;

  clean::mark(state_->dom, &state_->marks);
  score::select_content(state_->dom, state_->marks, &state_->selection);

  article->title = assemble::find_title(state_->dom, state_->selection);
  assemble::build_blocks(state_->dom, state_->selection, options, article);
  bool out_of_time = Clock::now() >= metadata_deadline;
  article->truncated = article->truncated || out_of_time;
  if (options.include_metadata && !out_of_time) {
    meta::extract_metadata(state_->dom, state_->selection, options, &state_->meta, article);
    assemble::drop_repeated_headline(article);
    assemble::drop_author_bio(article);
  }
  assemble::find_quotes(article);
  return Status::Ok();
}

Status extract(std::string_view bytes, const Options& options, Article* article) {
  Extractor extractor;
  return extractor.extract(bytes, options, article);
}

const char* version() { return LEDE_VERSION; }

}  // namespace lede
