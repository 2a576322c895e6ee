// `lede`: the command line. Parses flags with CLI11, hands them to one command, returns its exit code.
// The library never prints; this file and the commands beside it do.
#include <CLI/CLI.hpp>

#include <iostream>

#include "bench_command.h"
#include "extract_command.h"
#include "serve_command.h"
#include "lede/extract.h"

int main(int argc, char** argv) {
  CLI::App app{"lede: the article in a web page — its text and parts, without the page around it"};
  app.set_version_flag("--version", std::string("lede ") + lede::version());
  app.require_subcommand(1);

  lede::cli::ExtractArgs extract;
  CLI::App* cmd = app.add_subcommand("extract", "Extract the article from HTML pages (files, folders, URLs, - for stdin)");
  cmd->add_option("inputs", extract.inputs,
                  "HTML files, folders of them, http(s) URLs to fetch, - for standard input, or WARC archives");
  cmd->add_option("--input-list", extract.input_list,
                  "Also read inputs from this file, one a line (- for standard input; blank lines and # comments "
                  "skipped)");
  cmd->add_option("-f,--format", extract.format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", extract.output_dir,
                  "Write NAME.txt / NAME.md / NAME.html / NAME.json for each NAME.html (or URL) here; for WARC "
                  "inputs (.warc, .warc.gz, .warc.zst) the JSON Lines file (.jsonl, .jsonl.gz, .jsonl.zst)");
  cmd->add_option("-u,--url", extract.url, "The page's URL (resolves links and images)");
  cmd->add_option("--charset", extract.charset, "Decode the page with this encoding, whatever it declares");
  cmd->add_option("--content-type", extract.content_type, "The HTTP Content-Type header the page was served with");
  cmd->add_option("-j,--threads", extract.threads, "Worker threads (default: all cores)");
  cmd->add_flag("--links", extract.links, "Markdown and HTML: keep links (HTML: http(s) only)");
  cmd->add_flag("--images", extract.images, "Markdown and HTML: keep images (HTML: http(s) only)");
  cmd->add_flag("--comments", extract.comments, "Also extract user comments (JSON: \"comments\")");
  cmd->add_flag("--metadata", extract.metadata_block,
                "Markdown: a YAML front matter block; text: a \"Key: value\" header (JSON always has them)");
  cmd->add_flag("--no-metadata", extract.no_metadata, "Skip authors, dates, language and the other metadata");
  cmd->add_option("--reference-date", extract.reference_date,
                  "The day the pages were fetched (YYYY-MM-DD): reads \"yesterday\", \"вчера\", \"3 hours ago\" "
                  "(URLs: today)");
  cmd->add_option("--fetch-timeout-ms", extract.fetch_timeout_ms, "URLs: time for one fetch, redirects included")
      ->capture_default_str();
  cmd->add_option("--max-redirects", extract.max_redirects, "URLs: redirects followed by a fetch")->capture_default_str();
  cmd->add_flag("--allow-private", extract.allow_private,
                "URLs: let fetches reach loopback, private and link-local addresses (off: refused, as by lede serve)");

  lede::cli::BenchArgs bench;
  CLI::App* bench_cmd = app.add_subcommand("bench", "Time extraction over folders of pages (speed, memory; bench/run scores)");
  bench_cmd->add_option("dirs", bench.dirs, "Folders of <id>.html pages, one a set (the ../shared/bench layout), or WARC archives")
      ->required();
  bench_cmd->add_option("-o,--output", bench.output_dir, "Write the predictions to OUTPUT/<set>/<id>.json (not timed)");
  bench_cmd->add_option("--json", bench.json_path, "Also write the results to this file as JSON");
  bench_cmd->add_option("-r,--repeat", bench.repeat, "Timed passes over each set")->capture_default_str();
  bench_cmd->add_option("-j,--threads", bench.threads, "Worker threads, one Extractor each (0: all cores)")
      ->capture_default_str();
  bench_cmd->add_flag("--no-metadata", bench.no_metadata, "Skip the metadata stage (measures what it costs)");
  bench_cmd->add_option("--max-ms", bench.max_milliseconds,
                        "Time budget a page, in milliseconds (0: none; under a profiler, 0 counts every page whole)")
      ->capture_default_str();

  lede::cli::ServeArgs serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Serve the HTTP API (POST /v1/extract) and the reader page (docs/serve.md)");
  serve_cmd->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_cmd->add_option("-p,--port", serve.port, "Port to listen on (0: any free port)")->capture_default_str();
  serve_cmd->add_option("-j,--workers", serve.workers, "Concurrent extractions, one Extractor each (0: all cores)")
      ->capture_default_str();
  serve_cmd->add_option("--max-connections", serve.max_connections, "Connections served at once")->capture_default_str();
  serve_cmd->add_option("--max-queue", serve.max_queue, "Extractions waiting for a worker before 503")->capture_default_str();
  serve_cmd->add_option("--max-body-mb", serve.max_body_mb, "Largest request body, MiB (413 past it)")->capture_default_str();
  serve_cmd->add_option("--timeout-ms", serve.request_timeout_ms, "Time for one request, arrival to answer")
      ->capture_default_str();
  serve_cmd->add_option("--max-fetches", serve.max_fetches, "Concurrent fetch=URL requests before 503")->capture_default_str();
  serve_cmd->add_option("--fetch-timeout-ms", serve.fetch_timeout_ms, "Time for one fetch, redirects included")
      ->capture_default_str();
  serve_cmd->add_option("--fetch-max-mb", serve.fetch_max_mb, "Largest fetched page, MiB")->capture_default_str();
  serve_cmd->add_option("--max-redirects", serve.max_redirects, "Redirects followed by a fetch")->capture_default_str();
  serve_cmd->add_flag("--allow-private", serve.allow_private,
                      "Let fetches reach loopback, private and link-local addresses (off: SSRF guard)");
  serve_cmd->add_option("--testing-allow-origin", serve.testing_allow_origin)->group("");  // tests only

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (cmd->parsed()) return lede::cli::run_extract(extract);
  if (bench_cmd->parsed()) return lede::cli::run_bench(bench);
  if (serve_cmd->parsed()) return lede::cli::run_serve(serve);
  return 2;
}
