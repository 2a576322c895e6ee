// The HTTP routes of `lede serve` (server.h) over cpp-httplib: every answer is either the article in the
// asked format or a JSON error with a stable code. Bounds every request (body, queue, time) before work
// starts; must never let a request take the process down, and never prints.
#include "server.h"

#include <httplib.h>
#include <simdjson.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <thread>

#include "connection_pool.h"
#include "extraction_pool.h"
#include "http_connection.h"
#include "lede/extract.h"
#include "lede/render.h"
#include "metrics.h"
#include "web_assets.h"

namespace lede::serve {
namespace {

using Clock = std::chrono::steady_clock;
using net::FetchError;
using net::FetchResult;
constexpr const char* kExtractPath = "/v1/extract";
constexpr int kListenBacklog = 1024;

// What the current thread's request needs after routing (one connection's requests run on one thread).
struct RequestContext {
  Clock::time_point started{};
  std::string error_code;
};
thread_local RequestContext current_request;

struct ApiError {
  int status = 0;
  std::string code;
  std::string message;
};

using lede::Format;

// A page to extract, built from the request: bytes in hand, or a URL to fetch first.
struct PageInput {
  std::string bytes;  // from a JSON body, a fetch, or a chunked or encoded body
  RawBody raw;        // or the request's body itself, as read from the socket (not copied again)
  std::string fetch_url;
  lede::Options options;

  std::string_view page() const { return raw.data ? raw.view() : std::string_view(bytes); }
};

std::string json_string(std::string_view text) {
  std::string out;
  lede::append_json_string(&out, text);
  return out;
}

std::string error_json(const std::string& code, const std::string& message) {
  return "{\"error\":{\"code\":" + json_string(code) + ",\"message\":" + json_string(message) + "}}\n";
}

void reply_error(httplib::Response& res, const ApiError& error) {
  res.status = error.status;
  res.set_content(error_json(error.code, error.message), "application/json");
  current_request.error_code = error.code;
}

ApiError api_error(int status, std::string code, std::string message) {
  return ApiError{status, std::move(code), std::move(message)};
}

// The route label for metrics: known paths by name, everything else as "other" (bounded cardinality).
std::string route_label(const std::string& path) {
  for (const char* known : {"/", "/reader.css", "/reader.js", "/healthz", "/metrics", kExtractPath}) {
    if (path == known) return path;
  }
  return "other";
}

bool is_known_path(const std::string& path) { return route_label(path) != "other"; }

std::string default_error_code(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "body_too_large";
    case 414: return "uri_too_long";
    case 500: return "internal";
    default: return "http_" + std::to_string(status);
  }
}

// Content-Length, when the request has one that parses; 0 otherwise (chunked or no body).
std::uint64_t declared_length(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return 0;
  return std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
}

bool is_chunked(const httplib::Request& req) {
  std::string value = req.get_header_value("Transfer-Encoding");
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
  return value.find("chunked") != std::string::npos;
}

bool parse_format(const httplib::Request& req, Format* format, ApiError* error) {
  const std::string name = req.has_param("format") ? req.get_param_value("format") : "json";
  if (!lede::format_named(name, format)) {
    *error = api_error(400, "invalid_format", "format must be json, markdown, text or html, not '" + name + "'");
    return false;
  }
  return true;
}

bool query_flag(const httplib::Request& req, const char* name, bool fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  return value == "1" || value == "true" || value == "yes" || value.empty();
}

// Reads the request body through httplib's receiver, stopping (not buffering) past max_bytes, and
// giving up on a sender too slow to finish before the request's deadline.
bool read_body(const httplib::ContentReader& reader, std::size_t max_bytes, Clock::time_point deadline,
               std::string* body, ApiError* error) {
  bool over_limit = false, too_slow = false;
  const bool complete = reader([&](const char* data, std::size_t length) {
    if (body->size() + length > max_bytes) {
      over_limit = true;
      return false;
    }
    if (Clock::now() > deadline) {
      too_slow = true;
      return false;
    }
    body->append(data, length);
    return true;
  });
  if (over_limit) {
    *error = api_error(413, "body_too_large", "the request body is larger than " + std::to_string(max_bytes) + " bytes");
    return false;
  }
  if (too_slow) {
    *error = api_error(408, "request_timeout", "the request body did not arrive within the request's time limit");
    return false;
  }
  if (!complete) {
    *error = api_error(400, "body_unreadable", "the request body could not be read to its end");
    return false;
  }
  return true;
}

bool is_json_request(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  return type.rfind("application/json", 0) == 0;
}

// {"html": "...", "url": "..."}: html is text (already UTF-8), so it is decoded as UTF-8 whatever its
// <meta charset> says; url alone asks for a fetch.
bool parse_json_input(std::string_view body, PageInput* input, ApiError* error) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS || !root.is_object()) {
    *error = api_error(400, "invalid_json", "the body is not a JSON object");
    return false;
  }
  std::string_view html, url;
  const auto html_field = root["html"];
  const auto url_field = root["url"];
  if ((html_field.error() == simdjson::SUCCESS && html_field.get(html) != simdjson::SUCCESS) ||
      (url_field.error() == simdjson::SUCCESS && url_field.get(url) != simdjson::SUCCESS)) {
    *error = api_error(400, "invalid_json", "\"html\" and \"url\" must be strings");
    return false;
  }
  if (html_field.error() == simdjson::SUCCESS) {
    input->bytes.assign(html);
    input->options.url.assign(url);
    input->options.charset = "utf-8";
  } else if (!url.empty()) {
    input->fetch_url.assign(url);
  } else {
    *error = api_error(400, "missing_input", "give \"html\" (with an optional \"url\") or \"url\" alone");
    return false;
  }
  return true;
}

// The page to extract: a JSON body, a raw page body (its Content-Type and X-Url passed on), or fetch=URL.
// The body is either `raw` (read from the socket) or `body` (read through httplib).
bool build_input(const httplib::Request& req, std::string body, RawBody raw, PageInput* input, ApiError* error) {
  const std::string fetch = req.has_param("fetch") ? req.get_param_value("fetch") : "";
  const std::string_view received = raw.data ? raw.view() : std::string_view(body);
  if (!fetch.empty()) {
    if (!received.empty()) {
      *error = api_error(400, "conflicting_input", "give either a body or fetch=URL, not both");
      return false;
    }
    input->fetch_url = fetch;
    return true;
  }
  if (is_json_request(req)) return parse_json_input(received, input, error);
  if (received.empty()) {
    *error = api_error(400, "missing_input", "POST the page as the body, a JSON {\"html\", \"url\"}, or use ?fetch=URL");
    return false;
  }
  if (raw.data) input->raw = std::move(raw);
  else input->bytes = std::move(body);
  input->options.content_type = req.get_header_value("Content-Type");
  input->options.url = req.has_header("X-Url") ? req.get_header_value("X-Url") : req.get_param_value("url");
  return true;
}

void apply_query_options(const httplib::Request& req, lede::Options* options) {
  if (req.has_param("charset")) options->charset = req.get_param_value("charset");
  if (req.has_param("reference_date")) options->reference_date = req.get_param_value("reference_date");
  options->include_comments = query_flag(req, "comments", false);
  options->include_metadata = query_flag(req, "metadata", true);
}

int fetch_error_status(FetchError error) {
  switch (error) {
    case FetchError::invalid_url:
    case FetchError::unsupported_scheme: return 400;
    case FetchError::forbidden_address: return 403;
    case FetchError::timeout: return 504;
    default: return 502;
  }
}

ApiError extract_error(const lede::Status& status) {
  switch (status.code()) {
    case lede::StatusCode::too_large: return api_error(413, status.code_name(), status.message());
    case lede::StatusCode::invalid_argument: return api_error(400, status.code_name(), status.message());
    case lede::StatusCode::empty_input:
    case lede::StatusCode::parse_error: return api_error(422, status.code_name(), status.message());
    default: return api_error(500, status.code_name(), status.message());
  }
}

// The same rendering as `lede extract --format ...` (cli/extract_command.cc) with its default flags.
std::string render(const lede::Article& article, Format format, const httplib::Request& req) {
  lede::RenderOptions options;
  options.links = query_flag(req, "links", false);
  options.images = query_flag(req, "images", false);
  return lede::render(article, format, options);
}

const char* content_type_of(Format format) {
  switch (format) {
    case Format::json: return "application/json";
    case Format::markdown: return "text/markdown; charset=utf-8";
    case Format::text: return "text/plain; charset=utf-8";
    case Format::html: return "text/html; charset=utf-8";
  }
  return "application/json";
}

long milliseconds_until(Clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
}

// Counts concurrent fetches; refuses past the cap instead of waiting.
class FetchSlot {
 public:
  FetchSlot(std::atomic<std::size_t>* in_use, std::size_t cap) : in_use_(in_use) {
    acquired_ = in_use_->fetch_add(1) < cap;
  }
  ~FetchSlot() { in_use_->fetch_sub(1); }
  bool acquired() const { return acquired_; }

 private:
  std::atomic<std::size_t>* in_use_;
  bool acquired_ = false;
};

}  // namespace

struct Server::Impl {
  explicit Impl(ServeConfig config_in)
      : config(std::move(config_in)),
        pool(config.workers == 0 ? std::max(1u, std::thread::hardware_concurrency()) : config.workers,
             config.max_queue) {}

  ServeConfig config;
  Metrics metrics;
  ExtractionPool pool;
  HttpServer http;
  std::atomic<std::size_t> fetches_in_use{0};

  void configure();
  void install_routes();
  httplib::Server::HandlerResponse before_routing(const httplib::Request& req, httplib::Response& res);
  void after_response(const httplib::Request& req, const httplib::Response& res);
  void handle_extract(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
  bool fetch_input(PageInput* input, Clock::time_point deadline, ApiError* error);
  void extract_and_reply(const httplib::Request& req, httplib::Response& res, PageInput& input, Format format,
                         Clock::time_point deadline);
};

void Server::Impl::configure() {
  const std::size_t max_connections = config.max_connections;
  http.new_task_queue = [max_connections] { return new ConnectionPool(max_connections); };
  http.set_keep_alive_max_count(config.keep_alive_max_requests);
  http.set_keep_alive_timeout(config.keep_alive_timeout_s);
  http.set_read_timeout(config.read_timeout_s, 0);
  http.set_write_timeout(config.read_timeout_s, 0);
  http.set_payload_max_length(config.max_body_bytes);
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([this](const auto& req, auto& res) { return before_routing(req, res); });
  http.set_logger([this](const auto& req, const auto& res) { after_response(req, res); });
  // A 100-continue client with too large a body gets its 413 before it sends a byte of it.
  http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (declared_length(req) <= config.max_body_bytes) return 100;
    reply_error(res, api_error(413, "body_too_large",
                               "the request body is larger than " + std::to_string(config.max_body_bytes) + " bytes"));
    close_after_response();
    return 413;
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // already a JSON error
    if (res.status == 404 && is_known_path(req.path)) res.status = 405;
    reply_error(res, api_error(res.status, default_error_code(res.status),
                               res.status == 405 ? req.method + " is not allowed on " + req.path
                                                 : "HTTP " + std::to_string(res.status)));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    std::string what = "unexpected error";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    reply_error(res, api_error(500, "internal", what));
  });
}

httplib::Server::HandlerResponse Server::Impl::before_routing(const httplib::Request& req, httplib::Response& res) {
  current_request = RequestContext{Clock::now(), {}};
  metrics.add_in_flight(1);
  res.set_header("X-Content-Type-Options", "nosniff");
  // Refused here, before httplib reads any of the body: too long a declared body, anywhere.
  if (declared_length(req) > config.max_body_bytes) {
    reply_error(res, api_error(413, "body_too_large",
                               "the request body is larger than " + std::to_string(config.max_body_bytes) + " bytes"));
    res.set_header("Connection", "close");
    close_after_response();
    return httplib::Server::HandlerResponse::Handled;
  }
  // Only the extract route reads a body through a capped receiver; elsewhere a streamed body is refused.
  const bool extract_route = req.method == "POST" && req.path == kExtractPath;
  if (!extract_route && (is_chunked(req) || req.has_header("Content-Encoding"))) {
    reply_error(res, api_error(400, "unexpected_body", "this route takes no chunked or encoded body"));
    res.set_header("Connection", "close");
    close_after_response();
    return httplib::Server::HandlerResponse::Handled;
  }
  // The body may now be read: its limit, plus room for chunk framing (the receiver enforces the limit).
  allow_request_body(config.max_body_bytes + config.max_body_bytes / 8 + 64 * 1024);
  return httplib::Server::HandlerResponse::Unhandled;
}

void Server::Impl::after_response(const httplib::Request& req, const httplib::Response& res) {
  RequestContext& context = current_request;
  double seconds = 0;
  if (context.started != Clock::time_point{}) {
    seconds = std::chrono::duration<double>(Clock::now() - context.started).count();
    metrics.add_in_flight(-1);
  }
  metrics.record_request(route_label(req.path), res.status, seconds);
  if (res.status >= 400) metrics.record_error(context.error_code.empty() ? default_error_code(res.status) : context.error_code);
  metrics.set_queue_depth(pool.queue_depth());
  context = RequestContext{};
}

void Server::Impl::install_routes() {
  for (const char* path : {"/", "/reader.css", "/reader.js"}) {
    http.Get(path, [](const httplib::Request& req, httplib::Response& res) {
      const WebAsset* asset = find_web_asset(req.path);
      if (asset == nullptr) return reply_error(res, api_error(404, "not_found", "no such file"));
      res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src * data:; style-src 'self'; script-src 'self'; "
                     "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
      res.set_header("Referrer-Policy", "no-referrer");
    });
  }
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string("{\"status\":\"ok\",\"version\":") + json_string(lede::version()) + "}\n",
                    "application/json");
  });
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    metrics.set_queue_depth(pool.queue_depth());
    res.set_content(metrics.render_prometheus(), "text/plain; version=0.0.4; charset=utf-8");
  });
  http.Post(kExtractPath, [this](const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) { handle_extract(req, res, &reader); });
  http.Post(kExtractPath,
            [this](const httplib::Request& req, httplib::Response& res) { handle_extract(req, res, nullptr); });
}

void Server::Impl::handle_extract(const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader* reader) {
  res.set_header("Cache-Control", "no-store");
  const Clock::time_point deadline = current_request.started + std::chrono::milliseconds(config.request_timeout_ms);
  ApiError error;
  Format format = Format::json;
  if (!parse_format(req, &format, &error)) return reply_error(res, error);
  std::string body;
  RawBody raw;
  const std::uint64_t length = declared_length(req);
  const bool chunked = is_chunked(req);
  const bool has_body = length > 0 || chunked;  // else httplib would read to EOF
  bool body_read = true;
  if (reader != nullptr && has_body && !chunked && !req.has_header("Content-Encoding")) {
    // The common case: a Content-Length body (under the limit: before_routing refused larger ones) read
    // from the socket straight into memory of its size, which the job then reads in place.
    switch (read_request_body(static_cast<std::size_t>(length), deadline, &raw)) {
      case BodyRead::ok: break;
      case BodyRead::timeout:
        error = api_error(408, "request_timeout", "the request body did not arrive within the request's time limit");
        body_read = false;
        break;
      case BodyRead::closed:
        error = api_error(400, "body_unreadable", "the request body could not be read to its end");
        body_read = false;
        break;
    }
  } else if (reader != nullptr && has_body) {
    body_read = read_body(*reader, config.max_body_bytes, deadline, &body, &error);  // chunked or encoded
  }
  if (!body_read) {
    res.set_header("Connection", "close");
    close_after_response();
    return reply_error(res, error);
  }
  if (reader == nullptr) body = req.body;
  PageInput input;
  if (!build_input(req, std::move(body), std::move(raw), &input, &error)) return reply_error(res, error);
  if (!input.fetch_url.empty() && !fetch_input(&input, deadline, &error)) return reply_error(res, error);
  apply_query_options(req, &input.options);
  extract_and_reply(req, res, input, format, deadline);
}

bool Server::Impl::fetch_input(PageInput* input, Clock::time_point deadline, ApiError* error) {
  FetchSlot slot(&fetches_in_use, config.max_fetches);
  if (!slot.acquired()) {
    *error = api_error(503, "overloaded", "too many fetches at once; retry later");
    return false;
  }
  net::FetchOptions fetch = config.fetch;
  fetch.timeout_ms = std::min(fetch.timeout_ms, milliseconds_until(deadline));
  fetch.user_agent = "lede-serve/1 (+article extraction)";
  FetchResult fetched = net::fetch_page(input->fetch_url, fetch);
  if (fetched.error != FetchError::none) {
    *error = api_error(fetch_error_status(fetched.error), net::fetch_error_name(fetched.error), fetched.message);
    return false;
  }
  input->bytes = std::move(fetched.body);
  input->options.content_type = fetched.content_type;
  input->options.url = fetched.final_url;
  return true;
}

void Server::Impl::extract_and_reply(const httplib::Request& req, httplib::Response& res, PageInput& input,
                                     Format format, Clock::time_point deadline) {
  lede::Status status;
  std::string rendered;
  bool abandoned = false;
  const ClientCheck client = current_client();
  const ExtractionPool::Work work = [&](lede::Extractor& extractor) {
    // A client that closed its connection while this waited (it timed out, or gave up) gets no answer:
    // extracting for it would only delay the requests queued behind.
    if (client.gone()) {
      abandoned = true;
      return;
    }
    const long left = milliseconds_until(deadline);
    input.options.max_milliseconds = std::clamp<long>(left, 1, static_cast<long>(input.options.max_milliseconds));
    lede::Article article;
    status = extractor.extract(input.page(), input.options, &article);
    if (status.ok()) rendered = render(article, format, req);
  };
  switch (pool.run(work, deadline)) {
    case ExtractionPool::Outcome::ran: break;
    case ExtractionPool::Outcome::queue_full:
      return reply_error(res, api_error(503, "overloaded", "too many extractions waiting; retry later"));
    case ExtractionPool::Outcome::expired:
      return reply_error(res, api_error(503, "timeout", "no worker was free before the request's time limit"));
    case ExtractionPool::Outcome::stopped:
      return reply_error(res, api_error(503, "shutting_down", "the server is stopping"));
    case ExtractionPool::Outcome::failed:
      return reply_error(res, api_error(500, "internal", "extraction failed unexpectedly"));
  }
  if (abandoned) {
    close_after_response();
    return reply_error(res, api_error(499, "client_closed", "the client closed the connection before a worker was free"));
  }
  if (!status.ok()) return reply_error(res, extract_error(status));
  metrics.record_page(input.page().size());
  res.body = std::move(rendered);
  res.set_header("Content-Type", content_type_of(format));
}

Server::Server(ServeConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
  impl_->configure();
  impl_->install_routes();
}

Server::~Server() = default;

int Server::bind() {
  int port = impl_->config.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(impl_->config.host);
  } else if (!impl_->http.bind_to_port(impl_->config.host, port)) {
    port = -1;
  }
  if (port > 0) impl_->http.widen_backlog(kListenBacklog);
  return port;
}

bool Server::listen() { return impl_->http.listen_after_bind(); }

void Server::stop() {
  impl_->http.stop();
  impl_->http.stop_connections();
}

}  // namespace lede::serve
