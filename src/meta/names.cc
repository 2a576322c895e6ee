// Author-name cleaning (names.h). The vocabularies below are the data: lead-ins that open a byline, words
// that join names, roles and prompts that are not names. It must not guess names from prose.
#include "meta/names.h"

#include <algorithm>
#include <vector>

#include "decode/utf8.h"
#include "meta/dates.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

// Lower case, longest first where one is a prefix of another. A lead-in must be followed by a space or
// end in ':'.
constexpr std::string_view kLeadIns[] = {
    "written by", "posted by", "reported by", "story by", "words by", "text by", "article by", "published by",
    "geschrieben von", "ein beitrag von", "ein kommentar von", "publié par", "escrito por", "publicado por",
    "scritto da", "a cura di", "napisane przez", "материал подготовила", "материал подготовил", "матеріал підготувала",
    "матеріал підготував", "подготовила", "подготовил", "підготувала", "підготував", "опубликовал",
    "автор текста:", "автор:", "авторы:", "автори:",
    "автор", "автори", "авторы", "текст:", "текст", "від", "author:", "authors:", "authors", "author", "autor:", "autorin:",
    "autoren:", "autor", "auteur:", "auteurs:", "autore:", "autori:", "autora:", "yazar:", "text:", "texte:",
    "tekst:", "συντάκτης:", "γράφει:", "γράφει", "بقلم:", "بقلم", "كتب:", "كتبت:", "מאת:", "מאת", "लेखक:",
    "by:",
    "by", "von", "par", "por", "di", "door", "av", "af", "przez", "от",
};

// Words that join two names.
constexpr std::string_view kJoiners[] = {"and", "&", "und", "et", "y", "e", "i", "и", "та", "і", "й", "og",
                                         "och", "en", "ve", "a"};

// A piece made only of these is a role, not a name.
constexpr std::string_view kRoles[] = {
    "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "senior", "chief", "staff",
    "writer", "writers", "contributor", "contributors", "columnist", "contributing", "associate", "deputy",
    "managing", "executive", "political", "business", "sports", "photographer", "producer", "analyst",
    "journalist", "freelance", "special", "guest", "author", "authors", "our", "foreign", "wire", "wires",
    "기자", "特派員", "記者", "撰稿", "编辑", "記", "redakteur", "redakteurin",
    "korrespondent", "korrespondentin", "journaliste", "rédacteur", "rédactrice", "corresponsal", "redactor",
    "redactora", "giornalista", "редактор", "корреспондент", "журналист", "обозреватель", "кореспондент",
    "журналіст", "журналістка", "оглядач", "international", "national", "digital", "contributing", "feature", "features",
    "science", "health", "technology", "tech", "culture", "global", "economics", "economy", "politics",
    "investigative", "local", "breaking", "weekend", "opinion",
};

// Roles written after a name.
constexpr std::string_view kTrailingRoles[] = {"기자", "특파원", "記者", "特派員", "撰稿", "编辑", "报道"};

// A piece holding one of these is a prompt or label, not a name.
constexpr std::string_view kNotNames[] = {
    "email the author", "e-mail the author", "email", "e-mail", "follow", "view all", "more by", "more from",
    "all posts", "all articles", "contact", "twitter", "facebook", "linkedin", "instagram", "subscribe",
    "read more", "share", "comments", "comment", "updated", "published", "minute read", "min read",
    "reading time", "photo", "photos", "image", "getty", "фото", "поделиться", "читать", "подписаться",
    "anonymous", "unknown", "admin", "administrator", "full bio", "bio", "see full bio", "about the author", "guest author", "no author", "n/a", "null", "none",
    "undefined",
};

bool is_role_word(std::string_view w) {
  return std::find(std::begin(kRoles), std::end(kRoles), w) != std::end(kRoles);
}

bool is_trailing_role(std::string_view w) {
  return std::find(std::begin(kTrailingRoles), std::end(kTrailingRoles), w) != std::end(kTrailingRoles);
}

// Removes a lead-in at the start of s (after lower-casing); true when one was removed.
bool strip_lead_in(std::string* s) {
  const std::string low = decode::lower(*s);
  for (std::string_view lead : kLeadIns) {
    if (low.compare(0, lead.size(), lead) != 0) continue;
    const bool colon = lead.back() == ':';
    if (!colon) {
      if (low.size() == lead.size()) continue;
      const char next = low[lead.size()];
      // "AuthorJane Doe": a long lead-in glued to a capitalised name by a template.
      const char written = (*s)[lead.size()];
      const bool glued = lead.size() >= 5 && written >= 'A' && written <= 'Z';
      if (next != ' ' && next != ':' && !glued) continue;
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

// Written like a name: in scripts with capitals, most words start with one ("Vincent van Gogh" passes,
// "Après trois ans de croissance" does not).
bool capitalised(const std::vector<std::string>& words) {
  int cased = 0, upper = 0;
  for (const std::string& w : words) {
    const auto [c, len, valid] = decode::utf8_at(w, 0);
    const std::string first(w, 0, len);
    const std::string low = decode::lower(first);
    // Latin, Greek and Cyrillic have capitals; CJK, Arabic, Hebrew and the rest do not.
    const bool cased_script = c < 0x250 || (c >= 0x370 && c < 0x530);
    if (!is_letter(c) || !cased_script) continue;
    ++cased;
    upper += low != first;
  }
  return cased == 0 || upper * 2 >= cased + (cased > 2 ? 1 : 0);
}

// "Roy, Aniruddha" -> "Aniruddha Roy": a name written surname first, one comma between a surname of at most
// `max_last` words and given names of at most `max_first`; empty when `one` is not written so.
std::string reading_order(std::string_view one, std::size_t max_last, std::size_t max_first) {
  const std::size_t comma = one.find(',');
  if (comma == std::string_view::npos) return {};
  const std::string_view last = trim(one.substr(0, comma)), first = trim(one.substr(comma + 1));
  if (last.empty() || first.empty() || first.find(',') != std::string_view::npos) return {};
  if (words_of(last).size() > max_last || words_of(first).size() > max_first) return {};
  return std::string(first) + " " + std::string(last);
}

// Degrees and credentials written after a name ("Dylan Bailey, MS, RD, FAND"): no author of their own.
constexpr std::string_view kCredentials[] = {
    "md", "m.d", "phd", "ph.d", "rd", "rdn", "rn", "ms", "ma", "ba", "bs", "bsc", "msc", "mba", "mph", "cpa",
    "cfa", "cfp", "jd", "esq", "dds", "dmd", "do", "np", "pa-c", "psyd", "pharmd", "lcsw", "lmft", "facp",
    "faan", "fand", "faclm", "foma", "dabom", "cscs", "cdces", "ibclc", "e-ryt", "ryt", "sr", "jr"};

// A newsroom's collective signature ends in one of these: "The Currency editors", "Tech staff".
bool collective(std::string_view lower_word) {
  static constexpr std::string_view kCollective[] = {"editors", "staff", "team", "desk", "newsroom", "reporters",
                                                     "writers", "editorial"};
  return std::find(std::begin(kCollective), std::end(kCollective), lower_word) != std::end(kCollective);
}

void add_piece(std::string piece, std::vector<std::string>* out, NameEvidence evidence) {
  // "BySummer Swann", "VonBR": the lead-in glued to the name by a template.
  for (std::string_view glued : {"By", "Von", "Par", "Por"}) {
    if (piece.size() > glued.size() + 1 && piece.starts_with(glued) && piece[glued.size()] >= 'A' &&
        piece[glued.size()] <= 'Z') {
      piece.erase(0, glued.size());
      break;
    }
  }
  // Roles after a dash: "Jane Doe - Staff Writer", "Jane Doe — BBC News".
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::size_t at = piece.find(dash);
    if (at != std::string::npos) piece.erase(at);
  }
  while (strip_lead_in(&piece)) {
  }
  piece = strip_punct(piece);
  if (piece.empty() || piece.size() > 70) return;
  const std::string low = decode::lower(piece);
  {
    std::string bare = low;
    while (!bare.empty() && bare.back() == '.') bare.pop_back();
    if (std::find(std::begin(kCredentials), std::end(kCredentials), bare) != std::end(kCredentials)) return;
  }
  std::vector<std::string> words = words_of(piece);
  std::vector<std::string> low_words = words_of(low);
  // A job title, not a name: "Sr. Director of Operations", "CEO of CaseBasix", "Software Engineer on Google
  // Play" (a title's word, then "of", "at", "for" or "on"; "Organization for Transformative Works" is an author).
  {
    static constexpr std::string_view kTitleWords[] = {
        "director", "head", "ceo", "cto", "cfo", "coo", "manager", "president", "officer", "chief", "founder",
        "vp", "editor", "professor", "chair", "dean", "lead", "partner", "analyst", "specialist", "consultant",
        "engineer", "expert", "representative", "candidate", "member", "fellow", "researcher", "student"};
    bool title_word = false;
    for (std::size_t i = 0; i + 1 < low_words.size(); ++i) {
      const std::string w = strip_punct(low_words[i]);
      title_word |= std::find(std::begin(kTitleWords), std::end(kTitleWords), w) != std::end(kTitleWords);
      if (title_word && i > 0 && (w == "of" || w == "at" || w == "for" || w == "on")) return;
    }
  }
  for (std::string_view bad : kNotNames) {
    const std::size_t at = low.find(bad);
    if (at == std::string::npos) continue;
    // Only whole words: "email" must not reject "Emaily".
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
    const bool start = at == 0 || !letter(low[at - 1]);
    const bool end = at + bad.size() == low.size() || !letter(low[at + bad.size()]);
    if (start && end) return;
  }
  // Leading roles: "Senior Correspondent Jane Doe" (not "Contributors to Wikimedia projects").
  std::size_t first = 0;
  while (first < low_words.size() && is_role_word(strip_punct(low_words[first]))) ++first;
  if (first == low_words.size()) return;
  // Trailing roles in the languages that write them after the name: "신현주 기자", "松岡大地 記者".
  std::size_t end = low_words.size();
  while (end > first + 1 && is_trailing_role(strip_punct(low_words[end - 1]))) --end;
  if ((first > 0 && words[first] != low_words[first]) || end < low_words.size()) {
    if (!(first > 0 && words[first] != low_words[first])) first = 0;
    std::string rest;
    for (std::size_t i = first; i < end; ++i) rest += (rest.empty() ? "" : " ") + words[i];
    piece = strip_punct(rest);
    words = words_of(piece);
  }
  // A visible name ends in a capitalised word ("Vincent van Gogh"): not "Insights from", "Content writer"; a
  // newsroom signs with a collective word ("The Currency editors").
  if (evidence == NameEvidence::visible &&
      (!capitalised(words) || !(capitalised({words.back()}) || collective(decode::lower(words.back())))))
    return;
  if (words.size() > 6 || code_points(piece) <= 2) return;
  // A lead-in left alone ("By" in its own element).
  {
    std::string probe = piece + " X";
    if (strip_lead_in(&probe) && probe == "X") return;
  }
  for (char c : piece)
    if (is_ascii_digit(c) || c == '@' || c == '=' || c == '{' || c == '<') return;
  if (piece.find("http") != std::string::npos || piece.find("www.") != std::string::npos) return;
  for (const std::string& have : *out)
    if (decode::lower(have) == decode::lower(piece)) return;
  if (out->size() < 12) out->push_back(std::move(piece));
}

}  // namespace

bool is_byline_label(std::string_view text) {
  if (text.size() > 40) return false;
  std::string s = fold_space(text);
  // A label is a lead-in alone, so it opens with a lead-in's first word (the cheap test first).
  if (!opens_with_lead_in_word(s)) return false;
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
  if (s.empty()) return false;
  s += " X";
  return strip_lead_in(&s) && s == "X";
}

bool opens_with_lead_in_word(std::string_view text) {
  // The first word of every lead-in, lower case, by its length in bytes: a cheap test before the text is
  // folded and matched whole.
  constexpr std::size_t kLongest = 40;
  struct FirstWords {
    std::vector<std::string_view> by_length[kLongest];
    FirstWords() {
      for (std::string_view lead : kLeadIns) {
        const std::string_view first = lead.substr(0, lead.find_first_of(" :"));
        std::vector<std::string_view>& same = by_length[first.size()];
        if (std::find(same.begin(), same.end(), first) == same.end()) same.push_back(first);
      }
    }
  };
  static const FirstWords kFirstWords;
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
  std::size_t j = i;
  while (j < text.size() && j - i < kLongest && text[j] != ' ' && text[j] != ':' && text[j] != '\n' &&
         text[j] != '\t' && text[j] != '\r' && static_cast<unsigned char>(text[j]) != 0xC2)
    ++j;
  if (j == i || j - i >= kLongest) return false;
  // The word lower-cased; reused from call to call, so that the search allocates nothing.
  thread_local std::string word;
  decode::lower_into(text.substr(i, j - i), &word);
  if (word.size() < kLongest) {
    const std::vector<std::string_view>& same = kFirstWords.by_length[word.size()];
    if (std::find(same.begin(), same.end(), word) != same.end()) return true;
  }
  // "AuthorJane Doe": a long lead-in glued to the name.
  for (std::string_view lead : {"author", "autor", "written"})
    if (word.size() > lead.size() && word.compare(0, lead.size(), lead) == 0) return true;
  return false;
}

std::string after_byline_prefix(std::string_view text) {
  if (!opens_with_lead_in_word(text)) return {};
  std::string s = fold_space(text.substr(0, 80));
  if (!strip_lead_in(&s)) return {};
  return s;
}

bool starts_with_byline_prefix(std::string_view text) { return !after_byline_prefix(text).empty(); }

void clean_authors(std::string_view raw, std::vector<std::string>* out, NameEvidence evidence) {
  std::string s = fold_space(raw.substr(0, 600));
  // A line that opens with a date label or a reviewer is not a byline: "Last updated: ...", "Reviewed by ...".
  {
    const std::string low = decode::lower(s.substr(0, 40));
    for (std::string_view label : {"last updated", "updated", "published", "posted on", "aktualisiert", "veröffentlicht",
                                   "обновлено", "опубликовано", "оновлено", "опубліковано", "mis à jour", "publié le",
                                   "actualizado", "publicado el", "reviewed by", "medically reviewed", "edited by",
                                   "fact checked", "photo", "foto", "фото", "image", "bild:", "source:", "quelle:"})
      if (low.compare(0, label.size(), label) == 0) return;
  }
  // Parenthesised asides ("(http://ebb.org/bkuhn/)", "(@handle)") are not names.
  for (std::size_t open = s.find('('); open != std::string::npos; open = s.find('(', open)) {
    const std::size_t close = s.find(')', open);
    if (close == std::string::npos) break;
    const std::string_view inside = std::string_view(s).substr(open, close - open);
    // URLs, handles and initials ("(obe)"); a parenthesised middle name ("Bruno (Henrique) Rodrigues") stays.
    const bool has_upper = inside.size() > 1 && inside[1] >= 'A' && inside[1] <= 'Z';
    if (inside.find("://") != std::string_view::npos || inside.find('@') != std::string_view::npos ||
        inside.find("www.") != std::string_view::npos || inside.find('.') != std::string_view::npos ||
        (inside.find(' ') == std::string_view::npos && !has_upper))
      s.erase(open, close - open + 1);
    else
      open = close;
  }
  // Nothing after a date, a digit or an e-mail prompt is a name: "By Jane Doe22 Dec 2016", "Jane Doe 3 hours ago".
  bool dated = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_ascii_digit(s[i])) {
      s.erase(i);
      dated = true;
      break;
    }
  }
  // Editors, reviewers and photographers named after the author are not authors, nor where the author writes
  // from.
  {
    const std::string low = decode::lower(s);
    std::size_t cut = std::string::npos;
    for (std::string_view marker : {"edited by", "reviewed by", "photos by", "photo by", "photography by",
                                    "illustrations by", "illustration by", "fact checked by", "fact-checked by",
                                    "additional reporting", "with reporting by", "updated by", "translated by",
                                    "redigiert von", "fotos von", "foto:", "фото:", "редактор:",
                                    // Where the author writes from: "Jane Doe reporting from Kyiv".
                                    " reporting from", " reports from", " writes from", " skrifar frá",
                                    " berichtet aus", " rapporterar från", " rapporterer fra", " melder fra"}) {
      const std::size_t at = low.find(marker);
      if (at != std::string::npos && at < cut) cut = at;
    }
    if (cut != std::string::npos) s.erase(cut);
  }
  // A date cut at its first digit leaves its month, weekday or label behind: "Jane Doe March", "Joe Wee Monday,
  // February", even glued to the name by a template ("Dan DaviesDec", "Jane DoeUpdated: Dec 19").
  std::string dropped;  // the word the loop dropped last: "Last" goes only before "updated"
  while (dated) {
    std::string t(trim(s));
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == '|' || t.back() == '-' || t.back() == ':'))
      t.pop_back();
    t = std::string(trim(t));
    const std::size_t space = t.rfind(' ');
    std::string last_word = space == std::string::npos ? t : t.substr(space + 1);
    for (std::size_t k = last_word.size(); k-- > 1;) {
      const char c = last_word[k], before = last_word[k - 1];
      if (c >= 'A' && c <= 'Z' && before >= 'a' && before <= 'z') {
        const std::string glued = decode::lower(std::string_view(last_word).substr(k));
        if (month_from_word(glued) || is_update_word(glued) || is_publish_word(glued)) {  // "Jane DoeUpdated"
          t.erase(t.size() - (last_word.size() - k));
          last_word.erase(k);
        }
        break;
      }
    }
    const std::string last = decode::lower(last_word);
    const bool date_word = month_from_word(last) || is_weekday_word(last) || last == "on" || last == "at" ||
                           last == "updated" || last == "published" || last == "posted" || last == "am" ||
                           last == "le" || last == "el" || last == "den" || last == "vom" ||
                           (last == "last" && dropped == "updated");
    if (!date_word) {
      s = t;
      break;
    }
    // A date in an element of its own ("March 17, 2025", "Sat, 12 Oct") leaves no name at all.
    if (space == std::string::npos) {
      s.clear();
      break;
    }
    s = t.substr(0, space);
    dropped = last;
  }
  while (strip_lead_in(&s)) {
  }
  // E-mail addresses and URLs go word by word.
  {
    std::vector<std::string> words = words_of(s);
    std::string kept;
    for (const std::string& w : words) {
      if (w.find('@') != std::string::npos || w.find("http") != std::string::npos || w.find("www.") != std::string::npos ||
          w.find("://") != std::string::npos)
        continue;
      kept += (kept.empty() ? "" : " ") + w;
    }
    s = kept;
  }
  // "Roy, Aniruddha", "Kooman, F.", "Jong, Michiel de" (a declared citation_author or Dublin Core creator,
  // one person a tag): a surname, a comma and given names — written out, initials, or with the particle
  // the surname keeps — is one name, surname first. In a visible byline two surnames may stand so ("Smith,
  // Jones").
  if (evidence != NameEvidence::visible && s.find(';') == std::string::npos) {
    static constexpr std::string_view kParticles[] = {"de", "van", "von", "der", "den", "da", "di", "du", "le",
                                                      "la", "del", "dos", "ten", "ter"};
    const std::string name = reading_order(s, 1, 3);
    const std::vector<std::string> parts = words_of(name);
    auto written_out = [](const std::string& w) { return w.size() > 2 && capitalised({w}); };
    auto particle = [](const std::string& w) {
      return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
    };
    auto given = [&](const std::string& w) {
      const bool initial = w.size() >= 2 && w.back() == '.' && w[0] >= 'A' && w[0] <= 'Z';
      return written_out(w) || initial || particle(w);
    };
    if (parts.size() >= 2 && written_out(parts.back()) && !particle(parts.front()) &&
        std::all_of(parts.begin(), parts.end() - 1, given))
      s = name;
  }
  // "Roy, Aniruddha; Patel, Jyoti" (citation_author lists): names written surname first between
  // semicolons are put in reading order, so the comma inside each does not split it in two.
  if (s.find(';') != std::string::npos) {
    std::string reordered;
    bool all_inverted = true;
    for (std::size_t start = 0; start <= s.size() && all_inverted;) {
      const std::size_t end = std::min(s.find(';', start), s.size());
      const std::string_view one = trim(std::string_view(s).substr(start, end - start));
      if (!one.empty()) {
        const std::string name = reading_order(one, 2, 3);
        all_inverted = !name.empty();
        reordered += (reordered.empty() ? "" : "; ") + name;
      }
      start = end + 1;
    }
    if (all_inverted && !reordered.empty()) s = reordered;
  }
  // Split at list punctuation, then at joining words.
  std::vector<std::string> pieces;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    const auto [c, len, valid] = decode::utf8_at(s, i);
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
  // "Ольга Сидоренко, Київ": one Cyrillic word after a comma behind a full name is the place it was
  // written in, not a second author; so is one word written like a name in a visible byline ("Ines Zöttl,
  // Washington") — an agency there is written in capitals or small letters ("AP", "dpa").
  if (pieces.size() > 1 && words_of(pieces[0]).size() >= 2) {
    for (std::size_t p = 1; p < pieces.size(); ++p) {
      const std::vector<std::string> here = words_of(pieces[p]);
      const char32_t c = here.size() == 1 ? decode::utf8_at(here[0], 0).cp : 0;
      if (c >= 0x400 && c <= 0x42F) pieces[p].clear();
      const bool title_case = here.size() == 1 && c >= 'A' && c <= 'Z' && here[0].size() >= 3 &&
                              decode::lower(here[0].substr(1)) == here[0].substr(1);
      if (title_case && evidence == NameEvidence::visible) pieces[p].clear();
    }
  }
  for (const std::string& piece : pieces) {
    std::vector<std::string> words = words_of(piece);
    std::vector<std::string> names;
    std::string name;
    for (const std::string& w : words) {
      const std::string lw = decode::lower(w);
      if (std::find(std::begin(kJoiners), std::end(kJoiners), lw) != std::end(kJoiners) && !name.empty()) {
        names.push_back(std::move(name));
        name.clear();
        continue;
      }
      name += (name.empty() ? "" : " ") + w;
    }
    if (!name.empty()) names.push_back(std::move(name));
    // "Mac & i", "Johnson & Johnson": a joiner between parts that are not each a name joins a single name.
    bool list = names.size() > 1;
    for (const std::string& n : names) list &= code_points(strip_punct(n)) >= 3;
    if (!list) {
      add_piece(std::string(trim(piece)), out, evidence);
      continue;
    }
    for (std::string& n : names) add_piece(std::move(n), out, evidence);
  }
}

}  // namespace lede::meta
