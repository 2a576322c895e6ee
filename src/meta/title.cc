// The title: the visible headline (<h1>) when a declared title (JSON-LD headline, og:title, <title>)
// vouches for it, else the declared title without its site-name suffix. Picks the headline node the
// in-page collectors start from; it does not read bylines or dates.
#include "meta/title.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "decode/utf8.h"
#include "meta/dates.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

// `words` stands in `key` as whole words (both are comparison keys: words joined by single spaces).
bool holds_words(std::string_view key, std::string_view words) {
  for (std::size_t at = key.find(words); at != std::string_view::npos; at = key.find(words, at + 1)) {
    const std::size_t end = at + words.size();
    if ((at == 0 || key[at - 1] == ' ') && (end == key.size() || key[end] == ' ')) return true;
  }
  return false;
}

// What names the site: its declared name and its host's main label ("news.orf.at" -> "orf").
struct SiteKeys {
  std::vector<std::string> keys;

  bool names(const std::string& part_key) const {
    if (part_key.empty()) return false;
    std::size_t words = 1;
    for (char c : part_key) words += c == ' ';
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      if (part_key == k) return true;
      // "Metro News" for metro.co.uk, "news.ORF.at" for orf.at, "SRF News" for SRF: a short part that holds
      // the name as whole words.
      if (words <= 5 && holds_words(part_key, k)) return true;
      if (k.size() >= 4 && k.find(part_key) != std::string::npos && part_key.size() * 2 >= k.size()) return true;
    }
    return false;
  }
};

std::string host_label_key(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  std::vector<std::string_view> labels;
  while (!host.empty()) {
    const std::size_t dot = host.find('.');
    labels.push_back(host.substr(0, dot));
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return {};
  // The registrable label: before the public suffix ("co.uk", "com.au" take two labels).
  std::size_t at = labels.size() - 2;
  if (labels.size() >= 3 && labels[at].size() <= 3 && (labels[at] == "co" || labels[at] == "com" ||
                                                      labels[at] == "org" || labels[at] == "net" || labels[at] == "gov" ||
                                                      labels[at] == "ac" || labels[at] == "or" || labels[at] == "ne"))
    --at;
  return comparison_key(labels[at]);
}

// "Headline | Site", "Site - Headline", "Headline | Section | Site": the parts that name the site (and
// short section parts beside them) go; a title whose parts name no known site is left whole.
std::string strip_site(const std::string& title, const SiteKeys& site) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " — ", " – ", " :: ", " · ", " » ", " / ", " _ ", " ｜ ", " • ", " ~ ", " « "};
  for (std::string_view sep : kSeparators) {
    if (title.find(sep) == std::string::npos) continue;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      const std::size_t at = title.find(sep, start);
      parts.push_back(title.substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + sep.size();
    }
    auto short_part = [](const std::string& p) { return code_points(p) <= 25; };
    // A trailing date ("| DW | 28.04.2023") is no more the headline than the site is.
    auto dated = [](const std::string& p) {
      DateTime d;
      return code_points(p) <= 25 && parse_date(p, nullptr, NumericOrder::day_first, &d);
    };
    std::size_t first = 0, last = parts.size();  // kept: [first, last)
    bool site_seen = false;
    while (last - first > 1) {
      const std::string& p = parts[last - 1];
      if (site.names(comparison_key(p))) site_seen = true;
      else if (!dated(p) && !(site_seen && short_part(p) && sep == " | ")) break;
      --last;
    }
    if (!site_seen) last = parts.size();
    if (!site_seen && site.names(comparison_key(parts.front()))) {
      ++first;
      while (last - first > 1 && short_part(parts[first]) && sep == " | ") ++first;
    }
    if (first == 0 && last == parts.size()) continue;
    std::string kept;
    for (std::size_t i = first; i < last; ++i) kept += (i == first ? "" : std::string(sep)) + parts[i];
    if (!kept.empty()) return kept;
  }
  return title;
}

// Separators some sites write without spaces around them ("Headline-Section｜Site", "标题_栏目_网站"):
// read only in front of the site's declared name, where they cannot be part of a word.
constexpr std::string_view kGluedSeparators[] = {"|", "\xEF\xBD\x9C" /* ｜ */, "\xE3\x85\xA3" /* ㅣ */, "-",
                                                 "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "_", "\xC2\xB7" /* · */,
                                                 "\xEF\xBC\x9A" /* ： */, ":"};

// `text` ends with one of the glued separators: its length, else 0.
std::size_t glued_separator_before(std::string_view text) {
  for (std::string_view sep : kGluedSeparators)
    if (text.size() > sep.size() && text.substr(text.size() - sep.size()) == sep) return sep.size();
  return 0;
}

// "Headline-Politics｜Daily" with "Daily" the declared site name -> "Headline": the declared name glued to the
// headline by a separator, and a one-word section glued in front of it the same way (four letters at most,
// no digits: "COVID-19" and "Covid-Krise" keep their tails).
std::string strip_glued_site(const std::string& title, const std::vector<std::string>& declared_names) {
  for (const std::string& raw_name : declared_names) {
    const std::string_view name = trim(raw_name);
    if (name.empty() || title.size() <= name.size() + 1 || title.compare(title.size() - name.size(), name.size(), name) != 0)
      continue;
    std::string_view head = trim(std::string_view(title).substr(0, title.size() - name.size()));
    const std::size_t sep = glued_separator_before(head);
    if (sep == 0) continue;
    head = trim(head.substr(0, head.size() - sep));
    // The section: the letters after the last glued separator, when they are one short word.
    std::size_t cut = head.size();
    while (cut > 0 && static_cast<unsigned char>(head[cut - 1]) >= 0x80) --cut;  // whole code points of a non-Latin word
    if (cut == head.size())
      while (cut > 0 && ((head[cut - 1] >= 'a' && head[cut - 1] <= 'z') || (head[cut - 1] >= 'A' && head[cut - 1] <= 'Z'))) --cut;
    const std::string_view word = head.substr(cut);
    const std::size_t word_sep = glued_separator_before(head.substr(0, cut));
    bool letters = !word.empty();
    for (std::size_t i = 0; i < word.size();) {
      const decode::Utf8Char u = decode::utf8_at(word, i);
      letters &= u.valid && is_letter(u.cp);
      i += u.length;
    }
    if (letters && word_sep != 0 && code_points(word) <= 4 && cut - word_sep > 0) head = trim(head.substr(0, cut - word_sep));
    if (code_points(head) >= 4) return std::string(head);
  }
  return title;
}

// A <title> that is all the page declares: "Headline – My website". With no name to recognise the site by,
// the last part after a spaced separator is the site's when it reads like a name (a few words, capitalised
// or in a script without case) and leaves a headline of three words or more. "Storm warning - and what to
// do" keeps its tail.
std::string strip_lone_title_tail(const std::string& title) {
  static constexpr std::string_view kSpaced[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB "};
  std::size_t at = std::string::npos, sep_size = 0;
  for (std::string_view sep : kSpaced) {
    const std::size_t found = title.rfind(sep);
    if (found != std::string::npos && (at == std::string::npos || found > at)) {
      at = found;
      sep_size = sep.size();
    }
  }
  if (at == std::string::npos) return title;
  const std::string tail = title.substr(at + sep_size);
  const std::string head = title.substr(0, at);
  auto words = [](const std::string& s) {
    const std::string key = comparison_key(s);
    return key.empty() ? 0 : 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
  };
  const decode::Utf8Char first_char = tail.empty() ? decode::Utf8Char{0, 0, true} : decode::utf8_at(tail, 0);
  const char32_t first = first_char.cp;
  const std::size_t len = first_char.length;
  // Latin, Greek and Cyrillic names start with a capital; scripts without case (from Hebrew on) say nothing.
  const bool cased_script = first < 0x0590;
  const std::string_view first_text = std::string_view(tail).substr(0, len);
  const bool capital = cased_script && (is_ascii_digit(static_cast<char>(first)) ||
                                        (is_letter(first) && decode::lower(first_text) != first_text));
  const bool name_like = cased_script ? capital : is_letter(first);
  if (!name_like || words(tail) == 0 || words(tail) > 4 || words(head) < 3) return title;
  return head;
}

// An <h1> the declared title vouches for: the same words, or one holds the other and the h1 is not a
// short logo line inside a long title.
bool vouches(const std::string& declared_key, const std::string& stripped_key, const std::string& h1_key) {
  if (h1_key.empty() || declared_key.empty()) return false;
  if (h1_key == declared_key || h1_key == stripped_key) return true;
  if (h1_key.find(stripped_key) != std::string::npos && stripped_key.size() * 3 >= h1_key.size()) return true;
  if (stripped_key.find(h1_key) != std::string::npos && h1_key.size() * 5 >= stripped_key.size() * 3) return true;
  // "Headline | Anything": a declared title that opens with the whole h1 of a few words or more. (One that
  // ends with it is too often "Headline - Site heading".)
  const bool several_words = std::count(h1_key.begin(), h1_key.end(), ' ') >= 1;
  if (several_words && declared_key.size() > h1_key.size() && declared_key.compare(0, h1_key.size(), h1_key) == 0 &&
      declared_key[h1_key.size()] == ' ')
    return true;
  return false;
}

// A one-word <h1> in the content that is the first part of a declared title ("Configuration" under
// "Configuration | Widgetron Docs", "Pricing – Acme"): documentation and product pages name themselves in
// a word. (A logo <h1> stands in the header, before the content, and is not asked.)
bool opens_declared_title(const std::string& declared, const std::string& h1_key) {
  static constexpr std::string_view kSpaced[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 "};
  if (h1_key.empty() || h1_key.find(' ') != std::string::npos) return false;
  for (std::string_view sep : kSpaced) {
    const std::size_t at = declared.find(sep);
    if (at != std::string::npos && comparison_key(declared.substr(0, at)) == h1_key) return true;
  }
  return false;
}

// A template that fills og:site_name with the page's title ("Guide for 2026 | Clay") names no site: taken
// as one, it would strip the headline and keep the site.
bool names_a_title(const std::string& site_name, const Evidence& evidence) {
  const std::string key = comparison_key(site_name);
  if (key.empty()) return false;
  for (const std::string* title : {&evidence.meta.title, &evidence.json_ld.title, &evidence.microdata.title, &evidence.html_title})
    if (comparison_key(*title) == key) return true;
  return false;
}

}  // namespace

TitleChoice choose_title(const Evidence& evidence, const std::string& page_url, parse::NodeId content_root) {
  SiteKeys site;
  // The declared site names, but one that is the page's title.
  std::vector<std::string> declared_names;
  for (const std::string* name : {&evidence.meta.site_name, &evidence.json_ld.site_name, &evidence.microdata.site_name})
    if (!names_a_title(*name, evidence)) {
      site.keys.push_back(comparison_key(*name));
      declared_names.push_back(*name);
    }
  for (const std::string* url : {&evidence.canonical, &evidence.meta.url, &evidence.json_ld.url, &page_url})
    site.keys.push_back(host_label_key(*url));
  TitleChoice choice;
  // The headline node: the first visible <h1> a declared title vouches for, else a lone <h1>.
  const std::string* declared[] = {&evidence.json_ld.title, &evidence.microdata.title, &evidence.meta.title,
                                   &evidence.html_title};
  std::string declared_keys[std::size(declared)], stripped[std::size(declared)], stripped_keys[std::size(declared)];
  for (std::size_t d = 0; d < std::size(declared); ++d) {
    if (declared[d]->empty()) continue;
    declared_keys[d] = comparison_key(*declared[d]);
    stripped[d] = strip_site(*declared[d], site);
    stripped_keys[d] = comparison_key(stripped[d]);
  }
  // Pages repeat their headline (a sticky header, a share box): the vouched <h1> nearest the content wins,
  // the last one before it (or inside it) first.
  for (std::size_t i = 0; i < evidence.h1s.size(); ++i) {
    const std::string h1_key = comparison_key(evidence.h1s[i]);
    const parse::NodeId node = evidence.h1_nodes[i];
    bool vouched = false;
    for (std::size_t d = 0; d < std::size(declared) && !vouched; ++d)
      vouched = !declared_keys[d].empty() && (vouches(declared_keys[d], stripped_keys[d], h1_key) ||
                                              (content_root != parse::kNoNode && node > content_root &&
                                               opens_declared_title(*declared[d], h1_key)));
    if (!vouched) continue;
    if (choice.headline == parse::kNoNode) {
      choice.headline = node;
    } else if (content_root != parse::kNoNode) {
      auto distance = [&](parse::NodeId n) {
        return n <= content_root ? static_cast<long>(content_root - n) : static_cast<long>(n - content_root) * 4;
      };
      if (distance(node) < distance(choice.headline)) choice.headline = node;
    }
  }
  // An <h1> no declaration vouches for (a logo, a section name) only speaks when nothing is declared.
  bool any_declared = false;
  for (const std::string* d : declared) any_declared |= !d->empty();
  if (choice.headline == parse::kNoNode && evidence.h1s.size() == 1 && !any_declared)
    choice.headline = evidence.h1_nodes.front();
  std::string headline_text;
  for (std::size_t i = 0; i < evidence.h1_nodes.size(); ++i)
    if (evidence.h1_nodes[i] == choice.headline) headline_text = evidence.h1s[i];
  if (choice.headline == parse::kNoNode && evidence.h1s.size() == 1) choice.headline = evidence.h1_nodes.front();

  // Editors write a story's title in several places and they do not always agree (an SEO headline in
  // JSON-LD, a kicker in the <h1>, a shorter social title). The title is the one most places agree on;
  // on a tie, the more trusted place.
  struct Voter {
    std::string text;
    const char* source;
    std::string key;
  };
  // Each without the site's name (the declarations were stripped above).
  Voter voters[] = {
      {stripped[0], "json-ld", {}},
      {stripped[2], "meta", {}},
      {stripped[1], "microdata", {}},
      {strip_site(headline_text, site), "h1", {}},
      {stripped[3], "meta", {}},
  };
  for (Voter& v : voters) {
    v.text = strip_glued_site(v.text, declared_names);
    v.key = comparison_key(v.text);
  }
  // Nothing but a <title>: its tail is the site's when it reads like a name.
  bool only_html_title = !voters[4].key.empty();
  for (int i = 0; i < 4; ++i) only_html_title &= voters[i].key.empty();
  if (only_html_title && voters[4].text == evidence.html_title) {
    voters[4].text = strip_lone_title_tail(voters[4].text);
    voters[4].key = comparison_key(voters[4].text);
  }
  // A <title> that is another declaration plus a tail ("Headline - News - Site") votes for that declaration.
  Voter& html = voters[4];
  for (int i = 0; i < 4 && !html.key.empty(); ++i) {
    const std::string& k = voters[i].key;
    if (!k.empty() && html.key.size() > k.size() && html.key.compare(0, k.size(), k) == 0 && html.key[k.size()] == ' ' &&
        html.key.size() - k.size() <= 40) {
      html.key = k;
      html.text = voters[i].text;
      break;
    }
  }
  int best = -1, best_votes = 0;
  for (int i = 0; i < static_cast<int>(std::size(voters)); ++i) {
    if (voters[i].key.empty()) continue;
    int votes = 0;
    for (const Voter& other : voters) votes += other.key == voters[i].key;
    if (votes > best_votes) {
      best = i;
      best_votes = votes;
    }
  }
  if (best < 0) return choice;
  // The visible spelling when the headline is among those that agree.
  const Voter& h1 = voters[3];
  choice.title = (!h1.key.empty() && h1.key == voters[best].key) ? h1.text : voters[best].text;
  choice.source = voters[best].source;
  return choice;
}

std::string strip_site_name(const std::string& title, const std::string& site_name) {
  SiteKeys site;
  site.keys.push_back(comparison_key(site_name));
  return strip_site(title, site);
}

}  // namespace lede::meta
