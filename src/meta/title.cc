// The title: the visible headline (<h1>) when a declared title (JSON-LD headline, og:title, <title>)
// vouches for it, else the declared title without its site-name suffix. Picks the headline node the
// in-page collectors start from; it does not read bylines or dates.
#include "meta/title.h"

#include <vector>

#include "meta/text.h"

namespace lede::meta {
namespace {

// "Headline | Site", "Site - Headline", "Headline — Site": the part that is not the site. With the site's
// name known, exactly that part goes; otherwise the longest part stays.
std::string strip_site(const std::string& title, const std::string& site_name) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " — ", " – ", " :: ", " · ", " » ", " / ", " — ", " : "};
  const std::string site_key = comparison_key(site_name);
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
    if (!site_key.empty()) {
      // Drop the parts that name the site; keep the rest joined as written.
      std::string kept;
      bool dropped = false;
      for (const std::string& p : parts) {
        const std::string k = comparison_key(p);
        if (!dropped && (k == site_key || (k.size() >= 3 && site_key.find(k) != std::string::npos) ||
                         (site_key.size() >= 3 && k.find(site_key) != std::string::npos && k.size() < site_key.size() + 12))) {
          dropped = true;
          continue;
        }
        kept += kept.empty() ? p : std::string(sep) + p;
      }
      if (dropped && !kept.empty()) return kept;
    }
    if (sep == " : " || sep == " / ") continue;  // too often part of the headline itself
    // Unknown site: the longest part, when the others are short enough to be a site's name.
    std::size_t best = 0;
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (code_points(parts[i]) > code_points(parts[best])) best = i;
    std::size_t others = 0;
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (i != best) others = std::max(others, code_points(parts[i]));
    if (others <= 40 && others * 2 <= code_points(parts[best]) + 10) return parts[best];
    return title;
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
  return false;
}

}  // namespace

TitleChoice choose_title(const Evidence& evidence) {
  const std::string& site = !evidence.meta.site_name.empty() ? evidence.meta.site_name : evidence.json_ld.site_name;
  struct Declaration {
    const std::string* text;
    const char* source;
  };
  const Declaration declared[] = {{&evidence.json_ld.title, "json-ld"},
                                  {&evidence.microdata.title, "microdata"},
                                  {&evidence.meta.title, "meta"},
                                  {&evidence.html_title, "meta"}};
  TitleChoice choice;
  for (std::size_t i = 0; i < evidence.h1s.size(); ++i) {
    const std::string h1_key = comparison_key(evidence.h1s[i]);
    for (const Declaration& d : declared) {
      if (d.text->empty()) continue;
      if (vouches(comparison_key(*d.text), comparison_key(strip_site(*d.text, site)), h1_key)) {
        choice.title = evidence.h1s[i];
        choice.source = "h1";
        choice.headline = evidence.h1_nodes[i];
        return choice;
      }
    }
  }
  for (const Declaration& d : declared) {
    if (d.text->empty()) continue;
    choice.title = strip_site(*d.text, site);
    choice.source = d.source;
    return choice;
  }
  if (evidence.h1s.size() == 1) {
    choice.title = evidence.h1s.front();
    choice.source = "h1";
    choice.headline = evidence.h1_nodes.front();
  }
  return choice;
}

std::string strip_site_name(const std::string& title, const std::string& site_name) {
  return strip_site(title, site_name);
}

}  // namespace lede::meta
