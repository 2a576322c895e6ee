// The formats by name, and a page rendered in one of them (render.h): the one dispatch the CLI, the server
// and the Python package share.
#include <string>
#include <string_view>

#include "lede/render.h"

namespace lede {

bool format_named(std::string_view name, Format* format) {
  if (name == "text") *format = Format::text;
  else if (name == "markdown") *format = Format::markdown;
  else if (name == "html") *format = Format::html;
  else if (name == "json") *format = Format::json;
  else return false;
  return true;
}

std::string render(const Article& article, Format format, RenderOptions options) {
  switch (format) {
    case Format::text: return to_text(article, options);
    case Format::markdown:
      options.title = true;
      return to_markdown(article, options);
    case Format::html: return to_html(article, options);
    case Format::json: return to_json(article) + "\n";
  }
  return to_text(article, options);
}

}  // namespace lede
