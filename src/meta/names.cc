// Author-name cleaning (names.h). The vocabularies below are the data: lead-ins that open a byline, words
// that join names, roles and prompts that are not names. It must not guess names from prose.
#include "meta/names.h"

#include <algorithm>

#include "meta/text.h"

namespace lede::meta {
namespace {

// Lower case, longest first where one is a prefix of another. A lead-in must be followed by a space or
// end in ':'.
constexpr std::string_view kLeadIns[] = {
    "written by", "posted by", "reported by", "story by", "words by", "text by", "article by", "published by",
    "geschrieben von", "ein beitrag von", "ein kommentar von", "publié par", "escrito por", "publicado por",
    "scritto da", "napisane przez", "опубликовал", "автор текста:", "автор:", "авторы:", "автори:",
    "автор", "автори", "авторы", "текст:", "текст", "від", "author:", "authors:", "autor:", "autorin:",
    "autoren:", "autor", "auteur:", "auteurs:", "autore:", "autori:", "text:", "texte:", "tekst:", "by:",
    "by", "von", "par", "por", "di", "door", "av", "af", "przez", "от",
};

// Words that join two names.
constexpr std::string_view kJoiners[] = {"and", "&", "und", "et", "y", "e", "i", "и", "та", "і", "й", "og",
                                         "och", "en", "ve", "a"};

// A piece made only of these is a role, not a name.
constexpr std::string_view kRoles[] = {
    "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "senior", "chief", "staff",
    "writer", "writers", "contributor", "contributors", "columnist", "contributing", "associate", "deputy",
    "managing", "executive", "political", "business", "news", "sports", "photographer", "producer", "analyst",
    "journalist", "freelance", "special", "guest", "author", "authors", "redakteur", "redakteurin",
    "korrespondent", "korrespondentin", "journaliste", "rédacteur", "rédactrice", "corresponsal", "redactor",
    "redactora", "giornalista", "редактор", "корреспондент", "журналист", "обозреватель", "кореспондент",
    "журналіст", "журналістка", "оглядач", "international", "national", "digital", "online", "desk", "team",
    "contributing", "feature", "features", "science", "health", "technology", "tech", "culture", "global",
    "economics", "economy", "politics", "investigative", "local", "global", "breaking", "weekend", "opinion",
};

// A piece holding one of these is a prompt or label, not a name.
constexpr std::string_view kNotNames[] = {
    "email the author", "e-mail the author", "email", "e-mail", "follow", "view all", "more by", "more from",
    "all posts", "all articles", "contact", "twitter", "facebook", "linkedin", "instagram", "subscribe",
    "read more", "share", "comments", "comment", "updated", "published", "minute read", "min read",
    "reading time", "photo", "photos", "image", "getty", "фото", "поделиться", "читать", "подписаться",
    "anonymous", "unknown", "admin", "administrator", "guest author", "no author", "n/a", "null", "none",
    "undefined",
};

bool is_role_word(std::string_view w) {
  return std::find(std::begin(kRoles), std::end(kRoles), w) != std::end(kRoles);
}

// Removes a lead-in at the start of s (after lower-casing); true when one was removed.
bool strip_lead_in(std::string* s) {
  const std::string low = lower(*s);
  for (std::string_view lead : kLeadIns) {
    if (low.compare(0, lead.size(), lead) != 0) continue;
    const bool colon = lead.back() == ':';
    if (!colon) {
      if (low.size() == lead.size()) continue;
      const char next = low[lead.size()];
      if (next != ' ' && next != ':') continue;
    }
    std::size_t cut = lead.size();
    while (cut < s->size() && ((*s)[cut] == ' ' || (*s)[cut] == ':')) ++cut;
    s->erase(0, cut);
    return true;
  }
  return false;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string strip_punct(std::string_view s) {
  auto edge = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '|' || c == '"' || c == '\'' ||
           c == '(' || c == ')' || c == '[' || c == ']' || c == '*' || c == '/' || c == '.' || c == '>';
  };
  while (!s.empty() && edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && edge(s.back()) && !(s.back() == '.' && s.size() >= 2 && s[s.size() - 2] != ' ' &&
                                           s.size() >= 3 && s[s.size() - 3] == ' '))
    s.remove_suffix(1);
  // Curly quotes and guillemets at the ends.
  for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x94", "\xE2\x80\x93"}) {
    if (s.substr(0, q.size()) == q) s.remove_prefix(q.size());
    if (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) s.remove_suffix(q.size());
  }
  return std::string(trim(s));
}

void add_piece(std::string piece, std::vector<std::string>* out) {
  // Roles after a dash: "Jane Doe - Staff Writer", "Jane Doe — BBC News".
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::size_t at = piece.find(dash);
    if (at != std::string::npos) piece.erase(at);
  }
  while (strip_lead_in(&piece)) {
  }
  piece = strip_punct(piece);
  if (piece.empty() || piece.size() > 70) return;
  const std::string low = lower(piece);
  for (std::string_view bad : kNotNames) {
    const std::size_t at = low.find(bad);
    if (at == std::string::npos) continue;
    // Only whole words: "email" must not reject "Emaily".
    const bool start = at == 0 || low[at - 1] == ' ';
    const bool end = at + bad.size() == low.size() || low[at + bad.size()] == ' ';
    if (start && end) return;
  }
  std::vector<std::string> words = words_of(piece);
  std::vector<std::string> low_words = words_of(low);
  // Leading roles: "Senior Correspondent Jane Doe".
  std::size_t first = 0;
  while (first < low_words.size() && is_role_word(strip_punct(low_words[first]))) ++first;
  if (first == low_words.size()) return;
  if (first > 0) {
    std::string rest;
    for (std::size_t i = first; i < words.size(); ++i) rest += (rest.empty() ? "" : " ") + words[i];
    piece = rest;
    words = words_of(piece);
  }
  if (words.size() > 6) return;
  for (char c : piece)
    if (is_ascii_digit(c) || c == '@' || c == '=' || c == '{' || c == '<') return;
  if (piece.find("http") != std::string::npos || piece.find("www.") != std::string::npos) return;
  for (const std::string& have : *out)
    if (lower(have) == lower(piece)) return;
  if (out->size() < 12) out->push_back(std::move(piece));
}

}  // namespace

bool starts_with_byline_prefix(std::string_view text) {
  std::string s = fold_space(text.substr(0, 80));
  return strip_lead_in(&s) && !s.empty();
}

void clean_authors(std::string_view raw, std::vector<std::string>* out) {
  std::string s = fold_space(raw.substr(0, 600));
  // Nothing after a date, a digit or an e-mail prompt is a name: "By Jane Doe22 Dec 2016", "Jane Doe 3 hours ago".
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_ascii_digit(s[i])) {
      s.erase(i);
      break;
    }
  }
  while (strip_lead_in(&s)) {
  }
  // E-mail addresses and URLs go word by word.
  {
    std::vector<std::string> words = words_of(s);
    std::string kept;
    for (const std::string& w : words) {
      if (w.find('@') != std::string::npos || w.rfind("http", 0) == 0 || w.rfind("www.", 0) == 0) continue;
      kept += (kept.empty() ? "" : " ") + w;
    }
    s = kept;
  }
  // Split at list punctuation, then at joining words.
  std::vector<std::string> pieces;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    const char32_t c = code_point_at(s, i, &len);
    const bool sep = c == ',' || c == ';' || c == '|' || c == '/' || c == 0xB7 || c == 0x2022 || c == '\n' ||
                     c == 0x3001 || c == 0xFF0C;
    if (sep) {
      pieces.push_back(cur);
      cur.clear();
    } else {
      cur.append(s, i, len);
    }
    i += len;
  }
  pieces.push_back(cur);
  for (const std::string& piece : pieces) {
    std::vector<std::string> words = words_of(piece);
    std::string name;
    for (const std::string& w : words) {
      const std::string lw = lower(w);
      if (std::find(std::begin(kJoiners), std::end(kJoiners), lw) != std::end(kJoiners) && !name.empty()) {
        add_piece(name, out);
        name.clear();
        continue;
      }
      name += (name.empty() ? "" : " ") + w;
    }
    if (!name.empty()) add_piece(name, out);
  }
}

}  // namespace lede::meta
