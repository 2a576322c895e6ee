// Title choice for the metadata stage: which headline the page shows, and which node it is.
#pragma once

#include <string>

#include "meta/collect.h"

namespace lede::meta {

struct TitleChoice {
  std::string title;
  const char* source = "";                  // "h1", "json-ld", "microdata", "meta"; "" when none
  parse::NodeId headline = parse::kNoNode;  // the <h1> taken as the headline, if one was
};

// `page_url` (may be empty) is the caller's URL for the page: its host names the site too. `content_root` is
// the selected content's container (kNoNode when none): of repeated headlines, the one nearest it is taken.
TitleChoice choose_title(const Evidence& evidence, const std::string& page_url, parse::NodeId content_root);

// A declared title without its site-name part ("Headline | Site" -> "Headline").
std::string strip_site_name(const std::string& title, const std::string& site_name);

}  // namespace lede::meta
