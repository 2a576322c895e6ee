// The extract command's wiring: expand inputs, run a pool of workers (one Extractor each) that read or
// fetch each page and extract it, write results in input order to stdout or one file a page to --output,
// report failures and go on.
#include "extract_command.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "fetch.h"
#include "inputs.h"
#include "lede/extract.h"
#include "lede/render.h"
#include "warc_command.h"

namespace lede::cli {
namespace {

struct Outcome {
  bool ok = false;
  std::string data;   // rendered page, or the error message
};

std::string extension_for(const std::string& format) {
  if (format == "json") return ".json";
  if (format == "markdown") return ".md";
  if (format == "html") return ".html";
  return ".txt";
}

std::string render(const Article& article, const ExtractArgs& args) {
  Format format = Format::text;  // the format's name was checked when the arguments were read
  format_named(args.format, &format);
  RenderOptions options;
  options.links = args.links;
  options.images = args.images;
  options.front_matter = args.metadata_block;
  options.header = args.metadata_block;
  return lede::render(article, format, options);
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm day{};
  gmtime_r(&now, &day);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

// A URL input's page, fetched now. What the fetch tells about the page fills the options the user left
// empty: its URL after redirects, the Content-Type it was served with (its charset decodes the page), and
// today as the day "yesterday" and "3 hours ago" count from.
bool fetch_input(const Input& input, const ExtractArgs& args, std::string* bytes, Options* options,
                 std::string* error) {
  net::FetchOptions fetch;
  fetch.max_bytes = options->max_input_bytes;
  fetch.timeout_ms = args.fetch_timeout_ms;
  fetch.max_redirects = args.max_redirects;
  fetch.allow_private = args.allow_private;
  fetch.user_agent = std::string("lede/") + version() + " (+article extraction)";
  net::FetchResult page = net::fetch_page(input.path, fetch);
  if (page.error != net::FetchError::none) {
    *error = page.message;
    if (page.error == net::FetchError::forbidden_address) *error += " (--allow-private lifts this)";
    return false;
  }
  *bytes = std::move(page.body);
  if (options->url.empty()) options->url = page.final_url;
  if (options->content_type.empty()) options->content_type = page.content_type;
  if (options->reference_date.empty()) options->reference_date = today_utc();
  return true;
}

Outcome process(Extractor& extractor, const Input& input, const ExtractArgs& args) {
  Outcome outcome;
  Options options;
  options.url = args.url;
  options.charset = args.charset;
  options.content_type = args.content_type;
  options.include_comments = args.comments;
  options.include_metadata = !args.no_metadata;
  options.reference_date = args.reference_date;
  std::string bytes, error;
  const bool read =
      input.is_url ? fetch_input(input, args, &bytes, &options, &error) : read_input(input, &bytes, &error);
  if (!read) {
    // A fetch's message usually names its URL already.
    outcome.data = error.rfind(input.path, 0) == 0 ? error : input.path + ": " + error;
    return outcome;
  }
  Article article;
  Status status = extractor.extract(bytes, options, &article);
  if (!status.ok()) {
    outcome.data = input.path + ": " + status.message();
    return outcome;
  }
  outcome.data = render(article, args);
  if (!args.output_dir.empty()) {
    std::string path = (std::filesystem::path(args.output_dir) / (input.name + extension_for(args.format))).string();
    // NAME.html written beside NAME.html: the page itself would be replaced by its article.
    std::error_code same_error;
    if (!input.is_url && std::filesystem::equivalent(input.path, path, same_error)) {
      outcome.data = path + ": is the input page itself; write the output to another folder";
      return outcome;
    }
    if (!write_file_atomic(path, outcome.data, &error)) {
      outcome.data = path + ": " + error;
      return outcome;
    }
    outcome.data.clear();
  }
  outcome.ok = true;
  return outcome;
}

}  // namespace

int run_extract(const ExtractArgs& given) {
  ExtractArgs args = given;
  if (!args.input_list.empty()) {
    if (args.input_list == "-" && std::count(args.inputs.begin(), args.inputs.end(), "-") > 0) {
      std::cerr << "lede: standard input cannot be both the input list and a page\n";
      return 2;
    }
    std::string error;
    if (!read_input_list(args.input_list, &args.inputs, &error)) {
      std::cerr << "lede: " << args.input_list << ": " << error << "\n";
      return 1;
    }
  }
  if (args.inputs.empty()) {
    std::cerr << "lede: no inputs (give files, folders, URLs, - for standard input, or --input-list FILE)\n";
    return given.input_list.empty() ? 2 : 1;
  }
  // WARC archives go through their own pipeline (warc_command.cc), whose output is JSON Lines.
  std::size_t warcs = std::count_if(args.inputs.begin(), args.inputs.end(),
                                   [](const std::string& p) { return !is_url_argument(p) && is_warc_path(p); });
  if (warcs > 0) {
    if (warcs == args.inputs.size()) return run_warc_extract(args);
    std::cerr << "lede: give either WARC archives or HTML pages, not both in one run\n";
    return 2;
  }
  std::vector<std::string> errors;
  std::vector<Input> inputs = expand_inputs(args.inputs, &errors);
  for (const std::string& e : errors) std::cerr << "lede: " << e << "\n";
  bool failed = !errors.empty();
  if (inputs.empty()) {
    if (!failed) std::cerr << "lede: no pages to extract (give files, folders, URLs or - for standard input)\n";
    return failed ? 1 : 2;
  }
  if (std::any_of(inputs.begin(), inputs.end(), [](const Input& input) { return input.is_url; }))
    net::init_fetching();  // before the workers start: curl's global set-up is not thread-safe
  if (!args.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.output_dir, ec);
    if (ec) {
      std::cerr << "lede: " << args.output_dir << ": " << ec.message() << "\n";
      return 1;
    }
  }

  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(inputs.size()));
  std::vector<std::optional<Outcome>> outcomes(inputs.size());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable ready;

  auto worker = [&] {
    Extractor extractor;
    for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      Outcome outcome = process(extractor, inputs[i], args);
      std::lock_guard lock(mutex);
      outcomes[i] = std::move(outcome);
      ready.notify_all();
    }
  };
  // With one thread the calling thread extracts; with more, `threads` workers extract and the calling thread
  // only writes their results in input order as they finish (it mostly waits: writing was never the work).
  std::vector<std::thread> pool;
  if (threads > 1)
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  else
    worker();
  bool many = inputs.size() > 1;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Outcome outcome;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return outcomes[i].has_value(); });
      outcome = std::move(*outcomes[i]);
      outcomes[i].reset();
    }
    if (!outcome.ok) {
      std::cerr << "lede: " << outcome.data << "\n";
      failed = true;
      continue;
    }
    if (outcome.data.empty()) continue;
    if (many && args.format != "json") std::cout << "==> " << inputs[i].path << " <==\n";
    std::cout << outcome.data;
    if (many && args.format != "json") std::cout << "\n";
  }
  for (std::thread& t : pool) t.join();
  std::cout.flush();
  return failed ? 1 : 0;
}

}  // namespace lede::cli
