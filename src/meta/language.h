// Language identification for the metadata stage (CLD2 over the text, checked against declarations).
#pragma once

#include <string>
#include <string_view>

namespace lede::meta {

struct LanguageChoice {
  std::string tag;         // BCP 47; empty when neither the text nor the page says
  const char* source = "";  // "text", or the declared tag's source
};

// `declared_tag` must already be normalized (normalize_language_tag); `text` is the extracted text.
LanguageChoice choose_language(std::string_view text, const std::string& declared_tag, const char* declared_source);

// "en_us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW"; empty for what is not a language tag.
std::string normalize_language_tag(std::string_view declared);

}  // namespace lede::meta
