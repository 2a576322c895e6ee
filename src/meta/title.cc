// The title: the visible headline (<h1>) when a declared title (JSON-LD headline, og:title, <title>)
// vouches for it, else the declared title without its site-name suffix. Picks the headline node the
// in-page collectors start from; it does not read bylines or dates.
#include "meta/title.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "meta/dates.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

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
      if (words <= 5) {
        const std::string padded = " " + part_key + " ";
        if (padded.find(" " + k + " ") != std::string::npos) return true;
      }
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

}  // namespace

TitleChoice choose_title(const Evidence& evidence, const std::string& page_url, parse::NodeId content_root) {
  SiteKeys site;
  for (const std::string* name : {&evidence.meta.site_name, &evidence.json_ld.site_name, &evidence.microdata.site_name})
    site.keys.push_back(comparison_key(*name));
  for (const std::string* url : {&evidence.canonical, &evidence.meta.url, &evidence.json_ld.url, &page_url})
    site.keys.push_back(host_label_key(*url));
  TitleChoice choice;
  // The headline node: the first visible <h1> a declared title vouches for, else a lone <h1>.
  const std::string* declared[] = {&evidence.json_ld.title, &evidence.microdata.title, &evidence.meta.title,
                                   &evidence.html_title};
  std::string declared_keys[std::size(declared)], stripped_keys[std::size(declared)];
  for (std::size_t d = 0; d < std::size(declared); ++d) {
    if (declared[d]->empty()) continue;
    declared_keys[d] = comparison_key(*declared[d]);
    stripped_keys[d] = comparison_key(strip_site(*declared[d], site));
  }
  // Pages repeat their headline (a sticky header, a share box): the vouched <h1> nearest the content wins,
  // the last one before it (or inside it) first.
  for (std::size_t i = 0; i < evidence.h1s.size(); ++i) {
    const std::string h1_key = comparison_key(evidence.h1s[i]);
    bool vouched = false;
    for (std::size_t d = 0; d < std::size(declared) && !vouched; ++d)
      vouched = !declared_keys[d].empty() && vouches(declared_keys[d], stripped_keys[d], h1_key);
    if (!vouched) continue;
    const parse::NodeId node = evidence.h1_nodes[i];
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
  Voter voters[] = {
      {evidence.json_ld.title, "json-ld", {}},
      {evidence.microdata.title, "microdata", {}},
      {evidence.meta.title, "meta", {}},
      {headline_text, "h1", {}},
      {evidence.html_title, "meta", {}},
  };
  for (Voter& v : voters) {
    v.text = strip_site(v.text, site);
    v.key = comparison_key(v.text);
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
