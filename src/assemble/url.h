// Resolving a link or image reference against the page's URL (RFC 3986, the common cases).
// Pure string work: no network, no normalisation beyond what resolution needs.
#pragma once

#include <string>
#include <string_view>

namespace lede::assemble {

// `ref` resolved against `base`; `ref` unchanged (trimmed) when base is empty or ref is absolute.
// Returns empty for javascript:, data: (except images when allow_data) and empty references.
std::string resolve_url(std::string_view base, std::string_view ref, bool allow_data = false);

}  // namespace lede::assemble
