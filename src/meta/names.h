// Author names from what pages write around them: "By Jane Doe and John Roe", "Автор: Иван Петров",
// "Von Anna Fink, Berlin", "jane@example.com", "Email the author". Text work only; the vocabulary (byline
// lead-ins, roles, conjunctions) is data in names.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede::meta {

// How much to trust that a text names people: a declaration (JSON-LD, meta) says so; a visible line near
// the headline only might, so its pieces must also be written like names (capitalised words).
enum class NameEvidence { declared, visible };

// Appends the names found in `raw` to *out (no duplicates, at most a dozen): the byline lead-in, e-mail
// addresses, URLs, dates, roles and "Email the author"-style prompts removed, lists split.
void clean_authors(std::string_view raw, std::vector<std::string>* out, NameEvidence evidence = NameEvidence::declared);

// True when `text` starts with a byline lead-in ("By", "Von", "Par", "Por", "Автор:", "Текст:", ...).
bool starts_with_byline_prefix(std::string_view text);
// What follows that lead-in ("Written by Jane Doe" -> "Jane Doe"), of the first 80 bytes; empty without one.
std::string after_byline_prefix(std::string_view text);

// True when the first word of `text` is the first word of a lead-in: a cheap filter, no folding.
bool opens_with_lead_in_word(std::string_view text);

// True when `text` is a lead-in alone ("Written by", "Автор:", "By"): the name follows on the next line.
bool is_byline_label(std::string_view text);

}  // namespace lede::meta
