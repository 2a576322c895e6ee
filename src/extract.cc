// The pipeline in one readable function: bytes -> decode -> parse -> clean -> score -> assemble -> meta.
// Each stage lives in its own folder; this file only wires them and owns the per-thread buffers.
#include "lede/extract.h"

#include <algorithm>
#include <chrono>

#include "assemble/assemble.h"
#include "assemble/script_article.h"
#include "clean/clean.h"
#include "decode/decode.h"
#include "meta/meta.h"
#include "parse/html_parser.h"
#include "score/select.h"

namespace lede {

namespace {

// The buffers of a second pass over the article's HTML found in a script's data (read_script_article).
struct ScriptPass {
  std::string html;
  parse::Dom dom;
  clean::Marks marks;
  score::Selection selection;
};

}  // namespace

struct Extractor::State {
  parse::Dom dom;
  clean::Marks marks;
  score::Selection selection;
  meta::Workspace meta;
  ScriptPass script;
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

std::size_t text_bytes(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const Block& b : blocks) n += b.kind == BlockKind::figure ? 0 : b.text.size();
  return n;
}

// Less body text than this from the page's own tree: a page built by its scripts, maybe.
constexpr std::size_t kScriptShellBytes = 200;

// A page built by its scripts: an empty shell, the article's HTML a string in a script's data. When the
// page's own tree gave next to no text (`have` bytes) and such a string reads as more, its blocks are the body.
void read_script_article(std::string_view utf8, const Options& options, const parse::ParseLimits& limits,
                         std::size_t have, ScriptPass* pass, Article* article) {
  if (!assemble::find_script_article(utf8, &pass->html)) return;
  parse::ParseResult parsed = parse::parse_html(pass->html, limits, &pass->dom);
  clean::mark(pass->dom, &pass->marks);
  score::select_content(pass->dom, pass->marks, &pass->selection);
  Article found;
  found.title = article->title;
  assemble::build_blocks(pass->dom, pass->selection, options, &found);
  const std::size_t would = text_bytes(found.blocks);
  if (would < 2 * kScriptShellBytes || would < 2 * have) return;
  article->blocks = std::move(found.blocks);
  article->truncated = article->truncated || parsed.truncated;
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
  assemble::drop_repeated_runs(article);
  // On a discussion the comments are the content (score::Shape); elsewhere an unnamed comment section
  // ends the story at its heading, unless the caller asked for comments.
  if (!options.include_comments && state_->selection.shape != score::Shape::discussion)
    assemble::cut_at_comment_heading(article);
  if (const std::size_t have = text_bytes(article->blocks); have < kScriptShellBytes)
    read_script_article(decoded.utf8, options, limits, have, &state_->script, article);
  // Nothing came out of the chosen part (a notice beside a copyright line that outweighed it): the page's
  // body, its chrome still left out, rather than an empty article for a page that shows text.
  if (text_bytes(article->blocks) == 0 && score::select_whole_page(state_->dom, &state_->selection)) {
    assemble::build_blocks(state_->dom, state_->selection, options, article);
    assemble::drop_repeated_runs(article);
  }
  bool out_of_time = Clock::now() >= metadata_deadline;
  article->truncated = article->truncated || out_of_time;
  if (options.include_metadata && !out_of_time) {
    meta::extract_metadata(state_->dom, state_->selection, options, &state_->meta, article);
    assemble::drop_repeated_headline(article);
    assemble::drop_author_bio(article);
    assemble::drop_signature(article);
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
