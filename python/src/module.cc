// lede._lede: the native half of the Python package — extract(), extract_as() and a WARC page iterator over
// the same library call as the CLI. Returns the JSON document as a string (lede/__init__.py makes it a dict),
// or the text, Markdown or HTML rendering.
// The GIL is released while reading and extracting; one Extractor a thread is reused across calls.
#include <nanobind/nanobind.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>

#include <string>

#include "lede/extract.h"
#include "lede/render.h"
#include "lede/warc.h"

namespace nb = nanobind;

namespace {

lede::Extractor& thread_extractor() {
  thread_local lede::Extractor extractor;
  return extractor;
}

lede::Options make_options(const std::string& url, const std::string& content_type, const std::string& charset,
                           const std::string& reference_date, bool include_comments, bool include_links,
                           bool include_images, bool include_metadata, std::size_t max_input_bytes,
                           std::size_t max_nodes, std::size_t max_depth, std::size_t max_milliseconds) {
  lede::Options options;
  options.url = url;
  options.content_type = content_type;
  options.charset = charset;
  options.reference_date = reference_date;
  options.include_comments = include_comments;
  options.include_links = include_links;
  options.include_images = include_images;
  options.include_metadata = include_metadata;
  options.max_input_bytes = max_input_bytes;
  options.max_nodes = max_nodes;
  options.max_depth = max_depth;
  options.max_milliseconds = max_milliseconds;
  return options;
}

// Extracts with the GIL released and renders with `render`: (code name, rendering or message), code "ok"
// carrying the rendering.
template <typename Render>
std::tuple<std::string, std::string> extract_and_render(nb::bytes html, const lede::Options& options,
                                                        Render render) {
  std::string_view bytes(html.c_str(), html.size());
  lede::Article article;
  lede::Status status;
  std::string out;
  {
    nb::gil_scoped_release release;
    status = thread_extractor().extract(bytes, options, &article);
    if (status.ok()) out = render(article);
  }
  if (!status.ok()) return {status.code_name(), status.message()};
  return {"ok", std::move(out)};
}

// The JSON document.
std::tuple<std::string, std::string> extract_json(nb::bytes html, const lede::Options& options) {
  return extract_and_render(html, options, [](const lede::Article& article) { return lede::to_json(article); });
}

// The rendering in format "text", "markdown" or "html", as `lede extract --format` writes it.
std::tuple<std::string, std::string> extract_rendered(nb::bytes html, const lede::Options& options,
                                                      const std::string& format, bool links, bool images,
                                                      bool metadata) {
  lede::Format named = lede::Format::text;  // lede/__init__.py checks the name
  lede::format_named(format, &named);
  lede::RenderOptions render;
  render.links = links;
  render.images = images;
  render.front_matter = metadata;
  render.header = metadata;
  return extract_and_render(html, options,
                            [&](const lede::Article& article) { return lede::render(article, named, render); });
}

// Pages of one WARC: next() gives ("page", json, uri, date, record id), ("error", message, "", "", "") or
// ("end", ...). Extraction failures come as ("failed", "code: message", uri, date, record id).
class WarcPages {
 public:
  WarcPages(const std::string& path, const lede::Options& options) : options_(options) {
    lede::WarcOptions warc;
    warc.max_record_bytes = options.max_input_bytes;
    warc.max_payload_bytes = options.max_input_bytes;
    open_status_ = reader_.open(path, warc);
  }

  std::tuple<std::string, std::string, std::string, std::string, std::string> next() {
    if (!open_status_.ok()) {
      std::string message = open_status_.message();
      open_status_ = lede::Status::Ok();
      done_ = true;
      return {"error", message, "", "", ""};
    }
    if (done_) return {"end", "", "", "", ""};
    nb::gil_scoped_release release;
    while (true) {
      lede::WarcNext next = reader_.next(&record_);
      if (next.event == lede::WarcEvent::end) {
        done_ = true;
        return {"end", "", "", "", ""};
      }
      if (next.event == lede::WarcEvent::skipped) continue;
      if (next.event == lede::WarcEvent::error) return {"error", next.reason, "", "", ""};
      lede::Options options = options_;
      options.url = record_.target_uri;
      options.content_type = record_.content_type;
      if (options.reference_date.empty() && record_.date.size() >= 10) options.reference_date = record_.date.substr(0, 10);
      lede::Status status = thread_extractor().extract(record_.payload, options, &article_);
      if (!status.ok()) {
        return {"failed", std::string(status.code_name()) + ": " + status.message(), record_.target_uri, record_.date,
                record_.record_id};
      }
      return {"page", lede::to_json(article_), record_.target_uri, record_.date, record_.record_id};
    }
  }

 private:
  lede::Options options_;
  lede::WarcReader reader_;
  lede::Status open_status_;
  lede::WarcRecord record_;
  lede::Article article_;
  bool done_ = false;
};

}  // namespace

NB_MODULE(_lede, m) {
  m.doc() = "lede's native extension: use the lede package, not this module";
  m.def("version", &lede::version);
  m.def("options", &make_options, nb::arg("url"), nb::arg("content_type"), nb::arg("charset"),
        nb::arg("reference_date"), nb::arg("include_comments"), nb::arg("include_links"), nb::arg("include_images"),
        nb::arg("include_metadata"), nb::arg("max_input_bytes"), nb::arg("max_nodes"), nb::arg("max_depth"),
        nb::arg("max_milliseconds"));
  nb::class_<lede::Options>(m, "Options");
  m.def("extract_json", &extract_json, nb::arg("html"), nb::arg("options"));
  m.def("extract_rendered", &extract_rendered, nb::arg("html"), nb::arg("options"), nb::arg("format"),
        nb::arg("links"), nb::arg("images"), nb::arg("metadata"));
  nb::class_<WarcPages>(m, "WarcPages")
      .def(nb::init<const std::string&, const lede::Options&>(), nb::arg("path"), nb::arg("options"))
      .def("next", &WarcPages::next);
}
