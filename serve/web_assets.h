// The reader page's files (serve/web/*), embedded into the binary at build time by embed_web.cmake,
// which writes web_assets.cc in the build folder. Lookup only; serving them is server.cc's job.
#pragma once

#include <string_view>

namespace lede::serve {

struct WebAsset {
  std::string_view path;          // "/", "/reader.css", "/reader.js"
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view body;
};

// The asset served at `path`, or nullptr. "/" is index.html.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace lede::serve
