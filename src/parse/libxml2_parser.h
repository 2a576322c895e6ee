// The former parser, libxml2's HTML parser in SAX mode, kept selectable (LEDE_PARSER=libxml2) while lede's
// own tokenizer and tree builder are compared against it. Same contract as parse_html.
#pragma once

#include <string_view>

#include "parse/html_parser.h"

namespace lede::parse {

ParseResult parse_html_libxml2(std::string_view utf8, const ParseLimits& limits, Dom* dom);

}  // namespace lede::parse
