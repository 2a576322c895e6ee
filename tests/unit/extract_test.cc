// Main-content extraction on small pages written for each rule: what must come out and what must not.
// Each page is the smallest real-looking markup that exercises one decision of clean/score/assemble.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lede/extract.h"
#include "lede/render.h"

namespace {

// Three paragraphs of real prose, reused as the article body.
const std::string kBody =
    "<p>The city council voted on Tuesday to extend the tram line to the northern districts, a project "
    "that has been debated for more than a decade, according to the mayor's office.</p>"
    "<p>Supporters say the extension will cut commuting times in half, while critics point to the cost, "
    "which the council estimates at 240 million euros over six years.</p>"
    "<p>Construction is expected to begin next spring, and the first trams should run in 2029, the "
    "council said in a statement published after the vote.</p>";

lede::Article extract(const std::string& html, lede::Options options = {}) {
  lede::Article article;
  lede::Status status = lede::extract(html, options, &article);
  EXPECT_TRUE(status.ok()) << status.message();
  return article;
}

std::string text_of(const std::string& html) { return lede::to_text(extract(html)); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Extract, KeepsTheBodyAndDropsNavigationAndFooter) {
  std::string text = text_of(
      "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
      "<main><article><h1>Tram line approved</h1>" + kBody + "</article></main>"
      "<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "Home")) << text;
  EXPECT_FALSE(has(text, "All rights reserved")) << text;
}

TEST(Extract, AContentAndNavigationNameIsBelievedOnlyWhereItHoldsNoProse) {
  // Reviews in a table named "contentNav", with less prose than the site's legal footer: the reviews are
  // the content; a "contentNav" of links stays out.
  const std::string menu = "<table id='leftNav'><tr><td><a href='/h'>Hotels</a> <a href='/f'>Flights</a> "
                           "<a href='/r'>Restaurants</a> <a href='/v'>Vacation rentals</a></td></tr></table>";
  const std::string prompt = "<div><p>Interested in the Hotel Kawama? We'll send you updates with the latest deals "
                             "and reviews.</p></div>";
  const std::string legal =
      "<footer><p>The content on this site is provided for general information only and does not constitute advice "
      "of any kind. We make no warranties about the accuracy of the reviews, which reflect the opinions of their "
      "authors and not those of the company. Prices and availability change often, and every booking is subject to "
      "the terms of the hotel or airline that provides it. By using this site you agree to our terms of use and "
      "privacy policy, which explain how we collect and use your data.</p></footer>";
  std::string text = text_of("<html><body>" + menu + "<table id='contentNav'><tr><td>" + kBody +
                             "</td></tr></table>" + prompt + legal + "</body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "Vacation rentals")) << text;
  text = text_of("<html><body><article>" + kBody + "</article><div class='contentNav'><a href='/p'>Previous "
                 "story</a> <a href='/n'>Next story about the harbour</a></div></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "Next story about the harbour")) << text;
}

TEST(Extract, TheHeadlineIsTheTitleNotBody) {
  lede::Article article = extract(
      "<html><head><title>Tram line approved | Example Media</title></head><body><article>"
      "<h1>Tram line approved</h1>" + kBody + "<p>Tram line approved</p></article></body></html>");
  EXPECT_EQ(article.title, "Tram line approved");
  EXPECT_FALSE(has(lede::to_text(article), "Tram line approved"));
}

TEST(Extract, TheHeadlineChosenByTheMetadataIsNotRepeatedInTheBody) {
  // og:title words it one way, the JSON-LD headline and the <h1> another: the final title is the h1's
  // wording, and the body does not repeat it.
  lede::Article article = extract(
      "<html><head><meta property='og:title' content='Tax software compared: our 2025 picks'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"The Best Tax Prep "
      "Software of 2025\"}</script></head><body><article><h1>The Best Tax Prep Software of 2025</h1>" + kBody +
      "</article></body></html>");
  EXPECT_EQ(article.title, "The Best Tax Prep Software of 2025");
  std::string text = lede::to_text(article);
  EXPECT_FALSE(has(text, "The Best Tax Prep Software")) << text;
  EXPECT_TRUE(has(text, "The city council voted")) << text;
}

TEST(Extract, AnArticleSplitOverTwoContainersKeepsBoth) {
  std::string text = text_of(
      "<html><body><div class='wrap'><div class='part-one'>" + kBody + "</div>"
      "<div class='ad-slot'><a href='/buy'>Buy now</a></div>"
      "<div class='part-two'><p>In a second section, residents of the northern districts told reporters "
      "that they had waited for years, and that they would believe it when they saw the first tram.</p>"
      "<p>Local shop owners, however, fear two years of roadworks in front of their windows, and have "
      "asked the council for compensation during the works.</p></div></div>"
      "<aside class='sidebar'><ul><li><a href='/a'>Most read one</a></li><li><a href='/b'>Most read "
      "two</a></li></ul></aside></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "residents of the northern districts")) << text;
  EXPECT_TRUE(has(text, "compensation during the works")) << text;
  EXPECT_FALSE(has(text, "Buy now")) << text;
  EXPECT_FALSE(has(text, "Most read")) << text;
}

TEST(Extract, WidgetsBannersAndPromptsStayOut) {
  std::string text = text_of(
      "<html><body><div class='currency-ticker'>$41.27 €43.65</div>"
      "<button class='menu-toggle'>menu open</button><div class='weather-widget'>weather 0 Kyiv</div>"
      "<div id='cookie-consent'><p>We use cookies to improve your experience on our site, to show you "
      "personalised content and to analyse our traffic. By continuing you agree to it.</p></div>"
      "<article>" + kBody + "<div class='newsletter-signup'><p>Sign up for our morning newsletter and "
      "get the best stories of the day in your inbox, every day, for free.</p></div>"
      "<div class='share-buttons'><a href='#'>Share</a> <a href='#'>Tweet</a></div></article></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  for (const char* chrome : {"41.27", "menu open", "weather", "cookies", "newsletter", "Share", "Tweet"})
    EXPECT_FALSE(has(text, chrome)) << chrome << " leaked:\n" << text;
}

TEST(Extract, HiddenElementsStayOut) {
  std::string text = text_of(
      "<html><body><article>" + kBody +
      "<p style='display: none'>This paragraph is hidden by its inline style and never shown.</p>"
      "<div hidden><p>Hidden by attribute, a short note the reader never sees.</p></div>"
      "</article></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "inline style")) << text;
  EXPECT_FALSE(has(text, "Hidden by attribute")) << text;
}

TEST(Extract, ACustomPropertyNamedDisplayDoesNotHide) {
  // "--footer-display: none" sets a CSS variable; only "display: none" itself hides.
  std::string text = text_of(
      "<html><body><div class='container' style='--footer-display: none; --graph-display:none'><article>" +
      kBody + "<p style='color: red; DISPLAY : None !important'>A paragraph hidden after all.</p></article>"
      "</div></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "hidden after all")) << text;
}

TEST(Extract, AStreamedPageHiddenUntilAScriptRevealsItStillComesOut) {
  // Streamed server rendering ships the whole article in a hidden div that a script moves into place.
  std::string text = text_of("<html><body><div id='shell'>Loading</div><div hidden id='S:0'><article>" +
                             kBody + "</article></div></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
}

TEST(Extract, AnUnclosedDivInsideAButtonDoesNotSwallowThePage) {
  // A parser may leave the <div> open at </button> (libxml2 did): the rest of the page must not end up
  // inside the button.
  std::string text = text_of("<html><body><button class='menu'><div>Menu</button><main>" + kBody +
                             "</main></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
}

TEST(Extract, TextInATemplateNeverWeighsForItsContainer) {
  // <template> content is inert: a script clones it. Its text, credited to the <div> around it, once
  // outweighed a short article (a feedback widget's strings as the "article").
  std::string strings;
  for (int i = 0; i < 6; ++i) strings += "Easy to understand, solved my problem, missing the information I need, too complicated. ";
  std::string text = text_of(
      "<html><body><main><article><h1>Learn the web</h1><p>Explore our growing collection of courses on "
      "key web design and development subjects, written by industry experts.</p></article>"
      "<div class='content-data'><template>" + strings + "</template></div></main></body></html>");
  EXPECT_TRUE(has(text, "Explore our growing collection")) << text;
  EXPECT_FALSE(has(text, "Easy to understand")) << text;
}

TEST(Extract, WidgetNamedWrappersAroundProseAreContent) {
  // Page builders wrap every paragraph in a "widget"; the prose decides.
  std::string text = text_of(
      "<html><body><div class='builder-widget-wrap'><div class='builder-widget-text'>" + kBody +
      "</div></div><div class='builder-widget-wrap'><div class='builder-widget-text'><p>A further "
      "paragraph in a second widget, with enough words and a full stop to read as prose. Page builders "
      "put one paragraph in each widget, so one paragraph of a few sentences must be enough.</p></div></div>"
      "</body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "A further paragraph in a second widget")) << text;
}

TEST(Extract, RelatedTeasersAndCommentsStayOutOfTheBody) {
  lede::Options options;
  options.include_comments = true;
  lede::Article article = extract(
      "<html><body><article>" + kBody + "</article>"
      "<section class='related-stories'><div><h3><a href='/x'>Bus fares rise again</a></h3>"
      "<p>The city will raise bus fares by ten percent from January, the transport office said.</p></div>"
      "<div><h3><a href='/y'>New bridge opens</a></h3><p>The long-awaited bridge over the river opened to "
      "traffic on Monday morning.</p></div></section>"
      "<section id='comments'><p>I have been waiting for this tram for fifteen years, and I will believe "
      "it when I see it running past my window.</p></section></body></html>",
      options);
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "Bus fares")) << text;
  EXPECT_FALSE(has(text, "waiting for this tram")) << text;
  ASSERT_FALSE(article.comments.empty());
  EXPECT_TRUE(has(article.comments.front().text, "waiting for this tram"));
}

TEST(Extract, AListingsCardsAreThePage) {
  // A shop's category: one intro line and a grid of small product cards (a linked name, a price, a rating,
  // a button), between a toolbar and a filter rail.
  const char* products[][3] = {{"Merino wool crew sweater", "$89.00", "4.7 (212 reviews)"},
                               {"Organic cotton oxford shirt", "$59.00", "4.5 (98 reviews)"},
                               {"Slim stretch chinos", "$69.00", "4.6 (340 reviews)"},
                               {"Waxed canvas field jacket", "$198.00", "4.8 (57 reviews)"},
                               {"Leather chukka boots", "$165.00", "4.4 (130 reviews)"},
                               {"Cashmere beanie", "$45.00", "4.9 (76 reviews)"}};
  std::string grid;
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    grid += "<li class='product-item'><div class='product-card'><a href='/p/" + n + "'><img src='/p/" + n +
            ".jpg' alt=''></a><h3 class='product-name'><a href='/p/" + n + "'>" + products[i][0] +
            "</a></h3><div class='price'>" + products[i][1] + "</div><div class='rating'>" + products[i][2] +
            "</div><button>Add to cart</button></div></li>";
  }
  lede::Article shop = extract(
      "<html><body><header><a href='/'>Northwind</a><nav><a href='/men'>Men</a><a href='/women'>Women</a></nav>"
      "</header><main><nav class='breadcrumb'><a href='/'>Home</a> / Men</nav><h1>Men's Clothing</h1>"
      "<p class='category-description'>Layers for cold mornings and long weekends: wool, waxed canvas and "
      "leather, made to last for years.</p><div class='toolbar'>Showing 1-6 of 48 results</div>"
      "<ul class='products'>" + grid + "</ul></main><aside class='filters'><h4>Filter</h4><ul><li>Size</li>"
      "<li>Color</li></ul></aside><footer><p>Free shipping over $100. Northwind Outfitters</p></footer>"
      "</body></html>");
  std::string text = lede::to_text(shop);
  EXPECT_EQ(shop.page_type, "listing");  // nothing declared: what the selection found
  EXPECT_EQ(shop.sources.page_type, "structure");
  EXPECT_TRUE(has(text, "Layers for cold mornings")) << text;
  EXPECT_TRUE(has(text, "Merino wool crew sweater $89.00")) << text;
  EXPECT_TRUE(has(text, "Cashmere beanie")) << text;
  EXPECT_FALSE(has(text, "Free shipping")) << text;

  // A blog's index whose cards are links around their title and excerpt, each with a tag and a date.
  const char* posts[][2] = {
      {"Scaling our message queue", "How we redesigned the queue to handle ten times the throughput."},
      {"Faster model training", "Reducing training time from hours to minutes with batching and caching."},
      {"Design system v2", "A ground-up rebuild of our component library with accessibility first."},
      {"How we version our API", "Keeping hundreds of endpoints compatible while shipping breaking changes."}};
  std::string cards;
  for (int i = 0; i < 4; ++i) {
    cards += std::string("<article><a href='/blog/") + std::to_string(i) + "'><h3>" + posts[i][0] + "</h3><p>" +
             posts[i][1] + "</p></a><div><a href='/blog?tag=eng'>Engineering</a><span>5 min read</span><span>"
             "March " + std::to_string(i + 1) + ", 2026</span></div></article>";
  }
  text = text_of("<html><body><nav><a href='/'>Home</a><a href='/blog'>Blog</a></nav><main><h1>Engineering "
                 "Blog</h1><p>Technical insights from the Acme engineering team on infrastructure and design.</p>"
                 "<section><h2>Recent posts</h2><div>" + cards + "</div></section></main></body></html>");
  EXPECT_TRUE(has(text, "Scaling our message queue")) << text;
  EXPECT_TRUE(has(text, "How we version our API")) << text;
  EXPECT_TRUE(has(text, "while shipping breaking changes")) << text;
}

TEST(Extract, ACardsHeadingLeftOutOfTheTableOfContentsIsNotHidden) {
  // "hide-from-toc" says where the heading is left out, not that it is hidden (web.dev's course cards).
  std::string text = text_of("<html><body><article><h2 class='hide-from-toc'>Learn HTML</h2>" + kBody +
                             "</article></body></html>");
  EXPECT_TRUE(has(text, "Learn HTML")) << text;
  text = text_of("<html><body><article><h2 class='hide'>Learn HTML</h2>" + kBody + "</article></body></html>");
  EXPECT_FALSE(has(text, "Learn HTML")) << text;
}

TEST(Extract, AShortStorysTeasersStayOutOfTheBody) {
  // Two paragraphs are a story, however short: the grid of headlines beside it in <main> is not a listing.
  std::string cards;
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    cards += "<div class='item'><h3 class='title'><a href='/news/" + n + "'>Other headline number " + n +
             " of the day, with its kicker</a></h3><div class='info'><time>2024/12/03 23:1" + std::to_string(i % 10) +
             "</time></div><figure><a href='/news/" + n + "'><img src='/media/" + n + ".jpg' alt='A photo for the " +
             "story'></a></figure></div>";
  }
  std::string text = text_of(
      "<html><body><main><article><h1>Curfew declared</h1><p>The president declared a curfew on Tuesday night, "
      "citing unrest in the capital, and said the army would patrol the streets until further notice.</p>"
      "<p>Opposition leaders called the move unlawful and asked parliament to meet at once.</p></article>"
      "<section><h2>Top stories</h2>" + cards + "</section></main></body></html>");
  EXPECT_TRUE(has(text, "declared a curfew")) << text;
  EXPECT_TRUE(has(text, "called the move unlawful")) << text;
  EXPECT_FALSE(has(text, "Other headline number")) << text;
}

std::string comment_section(int count) {
  std::string comments = "<div class='comments'><h3>Comments</h3>";
  for (int i = 0; i < count; ++i) {
    comments += "<div class='comment'><p class='meta'><a href='/u/" + std::to_string(i) + "'>reader" +
                std::to_string(i) + "</a></p><p>I disagree with part of this, reader " + std::to_string(i) +
                " writes: the tram will help the northern districts, but the budget, as the council admits, will "
                "grow, and nobody has said who pays when it does.</p></div>";
  }
  return comments + "</div>";
}

TEST(Extract, AShortPostUnderALongDiscussionKeepsTheDiscussion) {
  // A forum thread or a guestbook: the comments hold four times the prose of a short post. They are the page.
  lede::Article thread = extract("<html><body><article><h1>Tram, yes or no?</h1><p>The council votes on the tram "
                                 "tomorrow. What do you think?</p></article>" + comment_section(6) + "</body></html>");
  std::string text = lede::to_text(thread);
  EXPECT_EQ(thread.page_type, "forum");
  EXPECT_TRUE(has(text, "What do you think?")) << text;
  EXPECT_TRUE(has(text, "reader 0 writes")) << text;
  EXPECT_TRUE(has(text, "reader 5 writes")) << text;
  // A story of its own keeps its comment section out, however long.
  std::string story;
  for (int i = 0; i < 5; ++i) story += kBody;
  text = text_of("<html><body><article><h1>Tram line approved</h1>" + story + "</article>" + comment_section(12) +
                 "</body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "reader 0 writes")) << text;
}

TEST(Extract, AWrapperNamedForCommentsAroundTheStorysBodyIsNotAComment) {
  // "commentOnSelection" around a post's body (a reader may comment on a selection): the comment section
  // after it is still the comments, and the page is not a discussion.
  lede::Article article = extract("<html><body><h1>Tram line approved</h1><div class='commentOnSelection'>"
                                  "<div class='post-body'>" + kBody + kBody + "</div></div>" + comment_section(12) +
                                  "</body></html>");
  std::string text = lede::to_text(article);
  EXPECT_NE(article.page_type, "forum");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "reader 0 writes")) << text;
}

TEST(Extract, AnUnnamedCommentSectionEndsTheStoryAtItsHeading) {
  // Hashed class names give the clean stage nothing to mark; "59 Comments on …" still opens the comments.
  const std::string comments = "<div class='x9f2'><h3>2 Comments on “Tram line approved”</h3><div class='k3j'>"
                               "<p>I was at the meeting and the vote was closer than the article says, honestly.</p>"
                               "</div><div class='k3j'><p>Good news for the northern districts, at last, after all "
                               "these years of waiting for a decision.</p></div></div>";
  lede::Options no_comments;
  std::string text = lede::to_text(extract("<html><body><div class='a1b2'><h1>Tram line approved</h1>" + kBody +
                                           "</div>" + comments + "</body></html>", no_comments));
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "closer than the article says")) << text;
}

TEST(Extract, AOneParagraphBriefKeepsARailNamedByItsHeadingOut) {
  // One paragraph and a grid of teasers could be a listing's intro and its cards; a heading that names a
  // rail ("More news") says the grid is the rail's.
  std::string cards;
  for (int i = 0; i < 8; ++i) {
    cards += "<div class='card'><h3><a href='/news/" + std::to_string(i) + "'>Other headline number " +
             std::to_string(i) + " of the day with a long tail</a></h3><p>A teaser line for another story of the "
             "day, " + std::to_string(i) + ".</p></div>";
  }
  std::string text = text_of("<html><body><main><article><h1>Curfew declared</h1><p>The president declared a "
                             "curfew on Tuesday night, citing unrest in the capital, and said the army would patrol "
                             "the streets until further notice, officials said.</p></article><section><h2>More "
                             "news</h2><div class='grid'>" + cards + "</div></section></main></body></html>");
  EXPECT_TRUE(has(text, "declared a curfew")) << text;
  EXPECT_FALSE(has(text, "Other headline number")) << text;
  EXPECT_FALSE(has(text, "More news")) << text;
}

TEST(Extract, TeaserCardsWithLinkedHeadingsAreRelatedContent) {
  std::string text = text_of(
      "<html><body><article>" + kBody + "</article><div class='grid'>"
      "<div class='card'><h2><a href='/p/1'>Council approves new budget</a></h2><p>The budget passed with a "
      "narrow majority.</p></div>"
      "<div class='card'><h2><a href='/p/2'>Schools to reopen in May</a></h2><p>Pupils return after the "
      "holidays.</p></div></div></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "Council approves new budget")) << text;
  EXPECT_FALSE(has(text, "narrow majority")) << text;
}

TEST(Extract, ALongFooterDisclaimerNeverOutweighsTheMainElement) {
  // The page's <main> holds a short text; its <footer> holds more prose (a legal disclaimer), which must
  // not be taken for the content because it is the majority of the page's prose.
  std::string text = text_of(
      "<html><body><header><a href='/'>Home</a></header><main><h1>Best practices for vehicle rentals</h1>"
      "<p>A good risk management program requires proper screening of prospective renters, to ensure that "
      "only qualified drivers operate your vehicles.</p><p>Key topics discussed in the guide include the "
      "procedures at the rental counter.</p></main>"
      "<footer><p>This material is not intended to replace the advice of a qualified advisor. Information has "
      "been obtained from sources believed to be reliable, is for informational purposes only, is not "
      "guaranteed as to accuracy, and may not reflect our current opinion.</p><p>Products and services "
      "referenced are for general information only. Always consult a qualified advisor prior to purchasing, "
      "and review the terms, conditions and limitations of every policy, which may vary by state.</p>"
      "<p>Copyright 2023 Example Advisors, Inc. All rights reserved.</p></footer></body></html>");
  EXPECT_TRUE(has(text, "A good risk management program")) << text;
  EXPECT_FALSE(has(text, "not intended to replace")) << text;
}

TEST(Extract, APageSavedWithADialogOpenGivesTheDialogsArticle) {
  // A news stream with an article opened over it: <html class="modal-open">. The stream's teasers hold more
  // text than the article in the dialog, which is still what the reader saw.
  std::string stream;
  for (int i = 0; i < 6; ++i)
    stream += "<li><h3><a href='/n/" + std::to_string(i) + "'>Another story of the day</a></h3><p>A summary of "
              "another story, long enough to read as prose on its own, with a clause or two, and a full stop.</p></li>";
  auto page = [&](const std::string& html_class) {
    return "<html class='" + html_class + "'><body><div id='stream'><ul>" + stream + "</ul></div>"
           "<div class='modal-container' role='dialog'><article><h1>Cargo ship lost</h1>" + kBody +
           "</article></div></body></html>";
  };
  std::string open = text_of(page("desktop modal-open"));
  EXPECT_TRUE(has(open, "The city council voted")) << open;
  EXPECT_FALSE(has(open, "A summary of another story")) << open;
}

TEST(Extract, AStoryBodySplitByARailKeepsBothParts) {
  // Two containers named alike hold the story; the first also holds a rail of links, and an ad sits
  // between them. The second part alone outweighs the first with its rail.
  std::string rail = "<div class='supplemental'><ul>";
  for (int i = 0; i < 2; ++i) rail += "<li><a href='/2016/story-" + std::to_string(i) + "'>Another story about the markets, number " + std::to_string(i) + "</a></li>";
  rail += "</ul></div>";
  std::string text = text_of(
      "<html><body><article><h1>The sale, explained</h1>"
      "<div class='story-body-supplemental'><div class='story-body'><p>The first part of the story sets out what "
      "the sale is, and what it is not, in a few careful paragraphs written for readers.</p></div>" + rail +
      "</div><div class='ad'>Advertisement</div>"
      "<div class='story-body-supplemental'><div class='story-body'>" + kBody + kBody + "</div>"
      "<aside><a href='/a'>Share</a> <a href='/b'>Tweet</a> <a href='/c'>Email</a></aside></div>"
      "</article></body></html>");
  EXPECT_TRUE(has(text, "The first part of the story")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "Another story about the markets")) << text;
}

TEST(Extract, TextBlocksOfAPageBuilderBetweenWidgetsAreOneArticle) {
  // A page builder wraps each text block of the article in its own section and puts widgets between them;
  // the text blocks carry the same body name at the same depth.
  std::string links = "<div class='section'><div class='widget'><ul>";
  for (int i = 0; i < 12; ++i) links += "<li><a href='/cam/" + std::to_string(i) + "'>Webcam number " + std::to_string(i) + " view</a></li>";
  links += "</ul></div></div>";
  auto block = [](const std::string& text) {
    return "<div class='section'><div class='widget'><div class='text-block article-body'>" + text + "</div></div></div>";
  };
  std::string text = text_of(
      "<html><body><main><h1>Webcams</h1>" +
      block("<p>This view of the valley from just east of the village gives a sense of conditions on the "
            "valley floor, and it is updated every minute.</p>") +
      links + block(kBody) + "</main></body></html>");
  EXPECT_TRUE(has(text, "This view of the valley")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
}

TEST(Extract, ContentBlocksOfABuilderInSeparateSectionsAreOneArticle) {
  // Each text module sits four levels down in its own section (section > row > column > module > text);
  // the text elements carry the same content name, and a section of links stands between them.
  std::string links = "<div class='section'><div class='row'><ul>";
  for (int i = 0; i < 12; ++i) links += "<li><a href='/r/" + std::to_string(i) + "'>Resource number " + std::to_string(i) + " for tutors</a></li>";
  links += "</ul></div></div>";
  auto module = [](const std::string& text) {
    return "<div class='section'><div class='row'><div class='column'><div class='module'>"
           "<div class='module-content'>" + text + "</div></div></div></div></div>";
  };
  std::string text = text_of(
      "<html><body><main><h1>Academic tutoring</h1>" +
      module("<p>Academic tutoring is a form of teaching, one-on-one or in a small group, towards a specific "
             "goal, and high-impact tutoring leads to substantial gains.</p>") +
      links + module(kBody) + "</main></body></html>");
  EXPECT_TRUE(has(text, "Academic tutoring is a form of teaching")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
}

TEST(Extract, ALandingPageKeepsItsCardsBesideAShortIntro) {
  // A section front: one short intro, then cards whose descriptions are the page's content. Each card is a
  // teaser (its heading links away) that would count against its container on an article page.
  const char* topics[] = {"Children", "Dry mouth", "Nutrition", "Pregnancy", "HIV", "Older adults"};
  std::string cards;
  for (int i = 0; i < 6; ++i) {
    if (i % 3 == 0) cards += "<div class='grid'>";
    cards += std::string("<div class='card'><h3><a href='/topic/") + std::to_string(i) + "'>" + topics[i] +
             "</a></h3><p>Good oral health matters for " + topics[i] + ": regular check-ups, fluoride and a "
             "healthy diet prevent most problems, and care is available in every community.</p></div>";
    if (i % 3 == 2) cards += "</div>";
  }
  std::string text = text_of(
      "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav><main><div class='intro'>"
      "<h1>Oral health</h1><div class='body'><p>Maintaining good oral health affects your well-being and "
      "quality of life. Tooth decay is one of the most common chronic conditions, and it starts early; "
      "the pages below explain the risks, and what helps, for each group of people.</p></div></div>" +
      cards + "</main><footer><p>An official website of the health agency.</p></footer></body></html>");
  EXPECT_TRUE(has(text, "Maintaining good oral health affects")) << text;
  EXPECT_TRUE(has(text, "matters for Children")) << text;
  EXPECT_TRUE(has(text, "matters for Older adults")) << text;
  EXPECT_FALSE(has(text, "official website")) << text;
}

TEST(Extract, ReadingTimesRelativeTimesViewCountsAndBareLabelsLeaveTheBody) {
  std::string text = text_of(
      "<html><body><article><h1>Tram line approved</h1><p>By</p><p><a href='/a/jane'>Jane Doe</a></p>"
      "<p>6 hours ago</p><p>Last updated 15 hours ago</p><p>5 min read</p><p>1,693 views</p><p>Lesezeit: 4 Min.</p><p>3 дня назад</p>" + kBody +
      "<p>The report takes a 5 min read to skim, the council said, and a week to digest.</p>"
      "</article></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "takes a 5 min read to skim")) << text;  // prose that mentions one stays
  for (const char* gone : {"6 hours ago", "15 hours ago", "5 min read\n", "1,693 views", "Lesezeit", "3 дня назад"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  EXPECT_FALSE(text.starts_with("By")) << text;
}

TEST(Extract, AnEditorsInvisibleSpacersAndAYouMayAlsoLikeLabelLeaveTheBody) {
  // Webflow writes a blank line as <p>&zwj;</p>; a German story's inline teaser sits under "Auch interessant".
  lede::Article article = extract(
      "<html><body><article><h1>Tram line approved</h1><p>&zwj;</p>" + kBody +
      "<p>&#8203;&shy;&nbsp;</p><p>Auch interessant</p>"
      "<p>The council's coders \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB built the route planner in a week, "
      "the mayor's office said on Wednesday.</p></article></body></html>");
  const std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB")) << text;  // a joiner inside an emoji stays
  EXPECT_FALSE(has(text, "Auch interessant")) << text;
  int paragraphs = 0;
  for (const lede::Block& block : article.blocks) {
    if (block.kind != lede::BlockKind::paragraph) continue;
    ++paragraphs;
    EXPECT_FALSE(block.text.starts_with("\xE2\x80")) << "a paragraph that shows nothing: [" << block.text << "]";
  }
  EXPECT_EQ(paragraphs, 4) << text;  // the three of the body and the coders'; no spacer
}

TEST(Extract, ABylineLineLeavesTheBodyAndACreditLineJoinsItsFigure) {
  lede::Article article = extract(
      "<html><body><article><h1>Tram line approved</h1><p>Written by Jane Doe</p>"
      "<figure><img src='/tram.jpg' alt='A tram'></figure><p>Image credit: Jan Novak/Getty Images</p>" + kBody +
      "<p>Studio North//Getty Images</p><p>Photo Courtesy of Noble Desktop</p></article></body></html>");
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "Written by")) << text;
  EXPECT_FALSE(has(text, "Getty Images")) << text;
  EXPECT_FALSE(has(text, "Courtesy")) << text;
  bool credited = false;
  for (const lede::Block& block : article.blocks)
    credited |= block.kind == lede::BlockKind::figure && block.credit == "Image credit: Jan Novak/Getty Images";
  EXPECT_TRUE(credited);
}

TEST(Extract, BreadcrumbsFormFeedbackAndShareLinesLeaveTheBody) {
  std::string text = text_of(
      "<html><body><article><p>Articles &gt; Careers &gt; Consultant vs. analyst</p><h1>Consultant vs. analyst</h1>"
      "<p>Share on Pinterest</p><p>Thank you! Please check your inbox now for your welcome email.</p>" + kBody +
      "<p>Engineers compare parts with Pro/ENGINEER and Pro/INTRALINK, and/or with their own tools.</p>"
      "</article></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "Pro/ENGINEER and Pro/INTRALINK")) << text;  // slashes in prose are prose
  EXPECT_FALSE(has(text, "Careers >")) << text;
  EXPECT_FALSE(has(text, "Pinterest")) << text;
  EXPECT_FALSE(has(text, "check your inbox")) << text;
}

TEST(Extract, AFigureThatWrapsTheWholeBodyIsWalkedAsAContainer) {
  // An embedded post's body wrapped whole in a <figure>, with an image figure of its own inside.
  lede::Article article = extract(
      "<html><body><article><h1>Tram line approved</h1><div class='article-body'><figure class='wrapper'>"
      "<div>" + kBody + "<figure><img src='/diagram.png' alt='A diagram'></figure><p>The line opens in "
      "2029, the council said, and fares will match the buses.</p></div></figure></div></article></body></html>");
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "fares will match the buses")) << text;
  int figures = 0;
  for (const lede::Block& block : article.blocks) figures += block.kind == lede::BlockKind::figure;
  EXPECT_EQ(figures, 1);
}

TEST(Extract, ATrailingHeadingCopyrightLinesAndRatingPromptsLeaveTheBody) {
  lede::Article article = extract(
      "<html><body><article><h1>Tram line approved</h1>" + kBody +
      "<p>Click a star to add your vote</p><p>84% of people found this article helpful.</p>"
      "<p>Unabhängiger Journalismus braucht deine Unterstützung.</p><p>30 day free trial, no credit card required</p>"
      "<p>Copyright © 2025 Example Media. All rights reserved.</p>"
      "<p>Все права защищены.</p><h2>Related topics</h2></article></body></html>");
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  for (const char* gone : {"Click a star", "found this article helpful", "Unterstützung", "credit card", "Copyright",
                           "Все права", "Related topics"})
    EXPECT_FALSE(has(text, gone)) << gone << "\n" << text;
  ASSERT_FALSE(article.blocks.empty());
  EXPECT_NE(article.blocks.back().kind, lede::BlockKind::heading);
}

TEST(Extract, AConsentPlaceholderForAnEmbedLeavesTheBody) {
  std::string text = text_of(
      "<html><body><article><h1>Tram line approved</h1>" + kBody +
      "<div class='embed'><p>Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung in die "
      "Übermittlung und Verarbeitung von personenbezogenen Daten notwendig, da die Anbieter der eingebetteten "
      "Inhalte als Drittplattformen diese Einwilligung verlangen. Indem du den Schalter auf „an“ stellst, "
      "stimmst du diesen zu, was jederzeit widerrufen werden kann.</p></div>"
      "<p>An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen Inhalt, der den "
      "Artikel für Sie mit zusätzlichen Informationen anreichert. Sie können sich hier den externen Inhalt "
      "mit einem Klick anzeigen lassen oder wieder ausblenden.</p>"
      "<p>Následuje obsah vložený z jiného webu. Zde jej můžete přeskočit.</p>"
      "<p>YouTube-Inhalte erlauben</p><p>Ein Klick für den Datenschutz</p>"
      "<p>Ad block users: Some site features may not work correctly while an ad blocker is enabled.</p>"
      "<p>The regulator found that the operator had shared riders' personal data without their consent, and "
      "it ordered the data deleted within a month; the operator said it would appeal the decision.</p>"
      "</article></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "without their consent")) << text;  // prose about consent is prose
  EXPECT_FALSE(has(text, "eingebettete Inhalte")) << text;
  EXPECT_FALSE(has(text, "externen Inhalt")) << text;
  EXPECT_FALSE(has(text, "jiného webu")) << text;
  EXPECT_FALSE(has(text, "YouTube-Inhalte")) << text;
  EXPECT_FALSE(has(text, "Ein Klick")) << text;
  EXPECT_FALSE(has(text, "Ad block users")) << text;
}

TEST(Extract, ASignInWallInsideTheArticleStaysOut) {
  std::string text = text_of(
      "<html><body><article><h1>Tram line approved</h1>" + kBody +
      "<div class='article-block article-content__sign-in-group'><p>Enjoy the latest local news.</p><ul>"
      "<li>Unlimited online access to our stories and to fifteen sister sites with one account.</li>"
      "<li>Daily puzzles, including the crossword, and an electronic replica of the print edition.</li></ul></div>"
      "<div class='logIn-prompt'><p>Already a reader? Continue where you left off with your account.</p></div>"
      "<p>The line opens in 2029, the council said, and fares will match the buses.</p></article></body></html>");
  EXPECT_TRUE(has(text, "fares will match the buses")) << text;
  EXPECT_FALSE(has(text, "Unlimited online access")) << text;
  EXPECT_FALSE(has(text, "Continue where you left off")) << text;
}

TEST(Extract, AnOldPagesBrSeparatedStoryIsFoundBeforeTheLinkListsInItsCell) {
  // An article written as <br><br>-separated paragraphs in one table cell, the site's link list after it in
  // the same cell: one block for all of it would be valued as a link list.
  std::string links;
  for (int i = 0; i < 40; ++i)
    links += "<font size=-1><a href='/story" + std::to_string(i) + "'>Another reader story number " +
             std::to_string(i) + " about work</a></font><br>";
  std::string text = text_of(
      "<html><body><h1>My first job</h1><table><tr><td><font face=arial>I started at the diner in October, "
      "at forty-one, after I had been laid off from a good job.<br><br>They gave me no uniform, so I wore a "
      "borrowed shirt, and I was told every night to tuck it in.<br><br>The teenagers got away with murder "
      "while I cleaned up, because I was a closer and they were not.<br><br>I quit after two months, and I "
      "have never been happier to leave a job.</font><br><br>" + links + "</td></tr></table></body></html>");
  EXPECT_TRUE(has(text, "I started at the diner")) << text;
  EXPECT_TRUE(has(text, "never been happier")) << text;
  EXPECT_FALSE(has(text, "Another reader story number 12")) << text;
}

TEST(Extract, AStoryAndTheSitesLinkListInOneParagraphAreJudgedApart) {
  // The story's <br><br> paragraphs and a heavier "Related articles" list after them in one <p>: the list
  // neither sinks the story's value nor comes out with it, and each blank line starts a paragraph.
  std::string story, links;
  for (int i = 0; i < 4; ++i)
    story += "Paragraph " + std::to_string(i) + " of the story: the harbour authority said on Tuesday that the new "
             "breakwater will be finished before the winter storms arrive, after two years of delays.<br /><br />";
  for (int i = 0; i < 30; ++i)
    links += "<a href=\"/story/" + std::to_string(i) + "\">Another headline about the harbour and its long history " +
             std::to_string(i) + "</a> - June 2, 2005<br />";
  const std::string html =
      "<html><body><table><tr><td width=150><div>Welcome to the Harbour Gazette, your daily source of news about "
      "the port, its ships and its people.</div></td><td><p class=headline>Breakwater to be finished</p><p><span>" +
      story + "Related articles:<br>" + links + "</span></p></td></tr></table></body></html>";
  const lede::Article a = extract(html);
  std::vector<std::string> paragraphs;
  for (const lede::Block& b : a.blocks)
    if (b.kind == lede::BlockKind::paragraph && b.text.rfind("Paragraph ", 0) == 0) paragraphs.push_back(b.text);
  ASSERT_EQ(paragraphs.size(), 4u) << lede::to_text(a);
  EXPECT_EQ(paragraphs[3].find('\n'), std::string::npos);  // one paragraph a blank line, no break inside
  EXPECT_FALSE(has(lede::to_text(a), "long history 12")) << lede::to_text(a);
}

TEST(Extract, ARubyReadingKeepsItsFallbackParentheses) {
  // Plain text cannot set a reading above its base: the <rp> parentheses written for that case keep the two
  // apart, as a browser without ruby support shows them.
  std::string text = text_of(
      "<html><body><article><h1>Tram line approved</h1>" + kBody +
      "<p>韓国の<ruby>尹錫悦<rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>大統領は３日夜、緊急談話を出し、"
      "野党が国政をまひさせているとして「非常戒厳」を宣言した。</p></article></body></html>");
  EXPECT_TRUE(has(text, "韓国の尹錫悦（ユンソンニョル）大統領は")) << text;
}

// The quotations of an article and who said them, as media monitors index them.
std::vector<std::pair<std::string, std::string>> quotes_of(const std::string& body) {
  lede::Article article = extract("<html><body><article><h1>Tram line approved</h1>" + kBody + body +
                                  "</article></body></html>");
  std::vector<std::pair<std::string, std::string>> out;
  for (const lede::Quote& q : article.quotes) {
    EXPECT_LT(q.block, article.blocks.size());
    if (q.block < article.blocks.size()) {
      EXPECT_TRUE(has(article.blocks[q.block].text, q.text)) << q.text;
    }
    out.emplace_back(q.text, q.speaker);
  }
  return out;
}

TEST(Extract, QuotationsAndTheirSpeakersInSeveralLanguages) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(quotes_of("<p>\"Это вызвало в Кремле настоящую истерику под видом \"аварии\" на нефтепроводе\", "
                      "– написал Иванов. Казахстан не признает \"ЛДНР\".</p>"),
            (Pairs{{"Это вызвало в Кремле настоящую истерику под видом \"аварии\" на нефтепроводе", "Иванов"}}));
  EXPECT_EQ(quotes_of("<p>“We will open the line before the next election,” said Tim Cook, the council's chair. "
                      "“It is the cheapest way to move people,” Smith said.</p>"),
            (Pairs{{"We will open the line before the next election", "Tim Cook"},
                   {"It is the cheapest way to move people", "Smith"}}));
  EXPECT_EQ(quotes_of("<p>The mayor told reporters: “The trams will run every five minutes at peak.”</p>"
                      "<p>He said: “Nobody will wait longer than ten minutes.”</p>"),
            (Pairs{{"The trams will run every five minutes at peak.", "The mayor"},
                   {"Nobody will wait longer than ten minutes.", ""}}));  // "He" stands for names only
  EXPECT_EQ(quotes_of("<p>„Die Bahn wird im Jahr 2029 fahren, wenn alles gut geht“, sagte Müller. „Wir haben "
                      "genug Geld für den ersten Abschnitt“, so die Ministerin.</p>"),
            (Pairs{{"Die Bahn wird im Jahr 2029 fahren, wenn alles gut geht", "Müller"},
                   {"Wir haben genug Geld für den ersten Abschnitt", "die Ministerin"}}));
  EXPECT_EQ(quotes_of("<p>«Ми не дозволимо зупинити будівництво нової лінії», – заявив міністр.</p>"),
            (Pairs{{"Ми не дозволимо зупинити будівництво нової лінії", "міністр"}}));
  EXPECT_EQ(quotes_of("<blockquote><p>A city is only as good as the way its people move.</p>"
                      "<p>— Jane Jacobs</p></blockquote>"),
            (Pairs{{"A city is only as good as the way its people move.", "Jane Jacobs"}}));
  // The speaker before the quotation and a comma: "По словам …", "According to …", "Как отметил …".
  EXPECT_EQ(quotes_of("<p>По словам Иванова, «ситуация на границе остается напряженной, но под контролем».</p>"
                      "<p>According to Mayor Jane Smith, “we will not stop until every family has a home”.</p>"
                      "<p>Как отметил министр финансов Антон Силуанов, «бюджет будет исполнен без дефицита».</p>"),
            (Pairs{{"ситуация на границе остается напряженной, но под контролем", "Иванова"},
                   {"we will not stop until every family has a home", "Mayor Jane Smith"},
                   {"бюджет будет исполнен без дефицита", "министр финансов Антон Силуанов"}}));
  // A phrase that opens the sentence is not the speaker, whatever its first letter ("Über", not only "In").
  EXPECT_EQ(quotes_of("<p>Über seine Freilassung sagte er: „Ich bin zurückgekommen, nachdem ich dem Teufel "
                      "begegnet bin.“</p><p>In einer Stellungnahme sagte sie: „Wir bauen die Strecke bis 2029.“</p>"),
            (Pairs{{"Ich bin zurückgekommen, nachdem ich dem Teufel begegnet bin.", ""},
                   {"Wir bauen die Strecke bis 2029.", ""}}));
  // A title's full stop is not a sentence's; a clause around the name is not the name.
  EXPECT_EQ(quotes_of("<p>“The effect of the new timetable on commuters was large,” said Dr. Jane Smith, who led "
                      "the study.</p><p>“The trams will run every five minutes at peak,” Mr. Brown said.</p>"
                      "<p>“I like to make fictions out of real places and people,” Parr has said.</p>"
                      "<p>“The line will pay for itself within ten years,” Will Rasmussen of the Daily Star wrote.</p>"
                      "<p>“The depot will be finished first,” said Block in a July 21 research note.</p>"
                      "<p>„Die Bahn wird im Jahr 2029 fahren, wenn alles gut geht“, sagte Haustein dem Tagesspiegel.</p>"),
            (Pairs{{"The effect of the new timetable on commuters was large", "Dr. Jane Smith"},
                   {"The trams will run every five minutes at peak", "Mr. Brown"},
                   {"I like to make fictions out of real places and people", "Parr"},
                   {"The line will pay for itself within ten years", "Will Rasmussen of the Daily Star"},
                   {"The depot will be finished first", "Block"},
                   {"Die Bahn wird im Jahr 2029 fahren, wenn alles gut geht", "Haustein"}}));
  // Russian and Ukrainian name the speaker last, after where and to whom it was said.
  EXPECT_EQ(quotes_of("<p>«Бюджет будет исполнен без дефицита в этом году», — заявил в интервью РБК глава Минфина "
                      "Антон Силуанов.</p>"
                      "<p>«Движение по мосту откроют уже в следующем месяце», — сообщил в своем Telegram-канале мэр "
                      "Москвы Сергей Собянин.</p>"
                      "<p>«Цены на бензин в ближайшие месяцы не вырастут», — рассказал «Известиям» эксперт Иван "
                      "Петрович Петров.</p>"
                      "<p>«Ситуация остается сложной, но контролируемой», — сказал журналистам пресс-секретарь "
                      "президента Дмитрий Песков.</p>"
                      "<p>«Ми продовжимо роботу над законопроєктом у вересні», — зазначив в ефірі телемарафону "
                      "народний депутат Олег Петренко.</p>"
                      "<p>«Это решение давно назрело и поддержано всеми фракциями», — считает политолог Алексей "
                      "Макаркин.</p>"
                      "<p>Как заявил в пятницу министр обороны Андрей Белоусов, «армия получит новые системы до конца "
                      "года».</p>"
                      "<p>Об этом сообщил глава региона Вячеслав Гладков: «В результате атаки пострадали три "
                      "человека».</p>"
                      "<p>«Мост закроют на ремонт уже этой осенью», — заявил в Москве Петров.</p>"
                      "<p>«Украина продолжит бороться за свою независимость», — сказал Зеленский в вечернем "
                      "обращении.</p>"
                      "<p>«Решение будет принято в ближайшие дни после консультаций», — пишет издание со ссылкой на "
                      "источники.</p>"),
            (Pairs{{"Бюджет будет исполнен без дефицита в этом году", "Антон Силуанов"},
                   {"Движение по мосту откроют уже в следующем месяце", "Сергей Собянин"},
                   {"Цены на бензин в ближайшие месяцы не вырастут", "Иван Петрович Петров"},
                   {"Ситуация остается сложной, но контролируемой", "Дмитрий Песков"},
                   {"Ми продовжимо роботу над законопроєктом у вересні", "Олег Петренко"},
                   {"Это решение давно назрело и поддержано всеми фракциями", "политолог Алексей Макаркин"},
                   {"армия получит новые системы до конца года", "Андрей Белоусов"},
                   {"В результате атаки пострадали три человека", "глава региона Вячеслав Гладков"},
                   {"Мост закроют на ремонт уже этой осенью", ""},
                   {"Украина продолжит бороться за свою независимость", "Зеленский"},
                   {"Решение будет принято в ближайшие дни после консультаций", "издание"}}));
  // Dialogue set with dashes: the words before and after the attribution are the same speaker's; a
  // question with no attribution (an interview's) is nobody's quotation.
  EXPECT_EQ(quotes_of("<p>— Мы ждем его с визитом в Россию в любое удобное время,— попросил коллегу господин "
                      "Путин.</p>"
                      "<p>— У нас сложились очень добрые и доверительные отношения,— начал Владимир Путин.— "
                      "Премьер-министр интересуется историей и культурой России.</p>"
                      "<p>— Как вы оцениваете итоги переговоров с российской стороной?</p>"
                      "<p>– Det er ikke over, det er ikke over i det hele tatt, sier Retzius til NRK.</p>"),
            (Pairs{{"Мы ждем его с визитом в Россию в любое удобное время", "господин Путин"},
                   {"У нас сложились очень добрые и доверительные отношения", "Владимир Путин"},
                   {"Премьер-министр интересуется историей и культурой России.", "Владимир Путин"},
                   {"Det er ikke over, det er ikke over i det hele tatt", "Retzius"}}));
  // A surname alone before a colon opens the paragraph, as live blogs write; a noun does not.
  EXPECT_EQ(quotes_of("<p>Песков: «Кремль пока не комментирует сообщения о переговорах».</p>"
                      "<p>Итог: «Все участники встречи согласились продолжить работу».</p>"),
            (Pairs{{"Кремль пока не комментирует сообщения о переговорах", "Песков"},
                   {"Все участники встречи согласились продолжить работу", ""}}));
  // A name, an aside between commas, then the verb.
  EXPECT_EQ(quotes_of("<p>“We are reviewing the decision very carefully,” John Smith, a spokesman for the council, "
                      "said on Tuesday.</p>"
                      "<p>“It was the worst storm in living memory here,” Tom Reed, 54, told reporters.</p>"
                      "<p>„Ohne ihren Einsatz hätte das Feuer noch mehr Todesopfer gefordert.“ Die Professionalität, "
                      "Solidarität und Menschlichkeit der Helfer hätte Leben gerettet, sagte Reynard.</p>"),
            (Pairs{{"We are reviewing the decision very carefully", "John Smith"},
                   {"It was the worst storm in living memory here", "Tom Reed"},
                   {"Ohne ihren Einsatz hätte das Feuer noch mehr Todesopfer gefordert.", ""}}));
  // A pronoun with nobody quoted before it names nobody.
  EXPECT_EQ(quotes_of("<p>„Es wird bald auch an Land beginnen, das verspreche ich“, sagte er vor Journalisten.</p>"),
            (Pairs{{"Es wird bald auch an Land beginnen, das verspreche ich", ""}}));
  // A statement's author follows its noun: "говорится в сообщении …", "йдеться у заяві …".
  EXPECT_EQ(quotes_of("<p>«Проект будет завершен до конца следующего года», — говорится в сообщении "
                      "пресс-службы мэрии.</p><p>«Україна не визнає жодних змін кордонів силою», – йдеться у заяві "
                      "МЗС.</p>"),
            (Pairs{{"Проект будет завершен до конца следующего года", "пресс-службы мэрии"},
                   {"Україна не визнає жодних змін кордонів силою", "МЗС"}}));
  // A name and its title before a colon open the paragraph (Cyrillic only: English headings are capitalized).
  EXPECT_EQ(quotes_of("<p>Глава региона Олег Петров: «Мы восстановим все дома до наступления зимы».</p>"
                      "<p>The Pitch: “Seth Godin meets Edward Gorey in one small book”.</p>"),
            (Pairs{{"Мы восстановим все дома до наступления зимы", "Глава региона Олег Петров"},
                   {"Seth Godin meets Edward Gorey in one small book", ""}}));
}

// Each quotation's speaker and the words the text used for them when it said "he" or "the author".
std::vector<std::string> speakers_of(const std::string& body, const std::string& head = "") {
  lede::Article article = extract("<html><head>" + head + "</head><body><article><h1>Tram line approved</h1>" +
                                  kBody + body + "</article></body></html>");
  std::vector<std::string> out;
  for (const lede::Quote& q : article.quotes)
    out.push_back(q.speaker_as_written.empty() ? q.speaker : q.speaker + " <- " + q.speaker_as_written);
  return out;
}

TEST(Extract, ShortQuotationsHandedOverToTheirSpeakerAndReportedOnes) {
  using Speakers = std::vector<std::string>;
  // Under five words, a quotation counts when a comma hands it over to its speech verb; a term does not.
  EXPECT_EQ(speakers_of("<p>«Смета выросла почти вдвое», — добавил глава департамента Олег Петренко.</p>"
                        "<p>“Sure it is,” the harbour master said.</p>"
                        "<p>The council called it a “white paper,” the mayor’s office said on Tuesday.</p>"),
            (Speakers{"глава департамента Олег Петренко", "the harbour master"}));
  // Reported speech that quotes the words; an office that said it, as written.
  EXPECT_EQ(speakers_of("<p>Иванов заявил, что «ремонт завершится до начала морозов, если позволит погода».</p>"
                        "<p>The mayor said that “the line will open in 2027, whatever the budget says.”</p>"
                        "<p>«Рух на мосту відновлять поетапно з понеділка», — повідомили в пресслужбі КМДА.</p>"),
            (Speakers{"Иванов", "The mayor", "пресслужбі КМДА"}));
  // Present-tense verbs; an opening preposition names nobody, in capitals it may ("MIT professor").
  EXPECT_EQ(speakers_of("<p>„Die Winde in der Atmosphäre über dem Nordatlantik haben sich verändert“, erklärt der "
                        "Wissenschaftler.</p>"
                        "<p>„Ich habe unwissentlich falsch über ein internes Papier berichtet“, in einem Statement.</p>"
                        "<p>“Machine learning is changing every industry, and leaders must learn it,” said MIT "
                        "professor Aleksander Madry.</p>"),
            (Speakers{"der Wissenschaftler", "", "MIT professor Aleksander Madry"}));
  // French sets the pronoun after its verb; Czech and Polish prepositions end a name.
  EXPECT_EQ(speakers_of("<p>« Nous ouvrirons la ligne en 2027, quoi qu'il arrive », a déclaré M. Dupont.</p>"
                        "<p>« Le problème est que le budget a doublé depuis le vote », a-t-il ajouté.</p>"
                        "<p>„Finanční prostředky jsem potřeboval k uhrazení nákladů,“ řekl Redl u okresního soudu.</p>"),
            (Speakers{"M. Dupont", "M. Dupont <- il", "Redl"}));
}

TEST(Extract, AQuotationSplitByItsAttributionIsOneSpeakers) {
  using Speakers = std::vector<std::string>;
  // The words after the attribution, in the same paragraph, with nothing else between: the same speaker.
  EXPECT_EQ(speakers_of("<p>“The killing of Haniyeh already brought negotiations back to the drawing board,” Lina "
                        "Khatib told the AP in an interview. “The next chess move by Hamas makes negotiations even "
                        "trickier.”</p>"
                        "<p>\"Molly is a very sophisticated girl,\" Youngerman said, \"though she knows she can't be "
                        "exposed to people.\"</p>"),
            (Speakers{"Lina Khatib", "Lina Khatib", "Youngerman", "Youngerman"}));
  // Initials end no sentence and no name: "U.K.", "Robert M. Danin".
  EXPECT_EQ(speakers_of("<p>“It will not advance negotiations at all,” Lina Khatib, an expert at U.K. think-tank "
                        "Chatham House, told the AP.</p>"
                        "<p>“It can’t be repaired unless both sides want it,” said Robert M. Danin, a former official.</p>"),
            (Speakers{"Lina Khatib", "Robert M. Danin"}));
  // Signed after a dash, with no speech verb; a label signs nothing.
  EXPECT_EQ(speakers_of("<p>“There are three responses to a piece of design: yes, no, and WOW!” – Milton Glaser</p>"
                        "<p>\"A stimulating state of the art review of the field.\" -- Richard F. Fenno, Jr., University "
                        "of Rochester</p>"
                        "<p>“This growth is due to a variety of factors in the market.” – Source: Gitnux</p>"),
            (Speakers{"Milton Glaser", "Richard F. Fenno", ""}));
  // Not across a sentence of narrative, not after a question, not into the next paragraph.
  EXPECT_EQ(speakers_of("<p>“The line will open in 2027,” the mayor said. The opposition disagreed on Tuesday. "
                        "“Nobody believes the budget will hold for long.”</p>"
                        "<p>“Will the trams run at night as well?” a resident asked. “Only on weekends, at first.”</p>"
                        "<p>“We ordered the trams last spring,” Smith said.</p><p>“They are late, and will be "
                        "later still.”</p>"),
            (Speakers{"the mayor", "", "a resident", "", "Smith", ""}));
}

TEST(Extract, APronounStandsForTheSpeakerQuotedJustBefore) {
  using Speakers = std::vector<std::string>;
  // In the same paragraph, and in the next one when it opens with the quotation.
  EXPECT_EQ(speakers_of("<p>\"We did not have much sampling equipment,\" Solecki says, \"so we went to a local store and "
                        "bought plastic bags,\" he says.</p>"
                        "<p>“The report concludes that the fire was most likely deliberate,” said Jessica Dorsey, an "
                        "expert in humanitarian law.</p>"
                        "<p>“And that makes a more compelling argument in any courtroom,” she said.</p>"
                        "<p>«Мы закончим ремонт моста до начала зимы», – сказала Петрова. «Движение откроют сразу "
                        "после проверки», – добавила она.</p>"
                        "<p>«Работы на мосту идут строго по графику», – сказал Иванов. По его словам, «подрядчик уже получил все "
                        "материалы».</p>"
                        "<p>«Мост откроют для легковых автомобилей уже в декабре», — заявил на брифинге мэр Киева "
                        "Виталий Кличко.</p><p>По его словам, «стоимость работ превысила первоначальную смету почти "
                        "вдвое».</p>"),
            (Speakers{"Solecki", "Solecki <- he", "Jessica Dorsey", "Jessica Dorsey <- she", "Петрова",
                      "Петрова <- она", "Иванов", "Иванов <- он", "Виталий Кличко", "Виталий Кличко <- он"}));
  // Not when narrative comes between, when the quotation before asks a question (the answer is another
  // person's), when another speech verb reports someone else, or when a surname says another gender.
  EXPECT_EQ(speakers_of("<p>“Generative AI can enhance what these platforms do for customers,” Ray said.</p>"
                        "<p>Craig Le Clair, principal analyst at Forrester, sees the platforms growing into toolsets.</p>"
                        "<p>“These platforms can manage thousands of automations at once,” he said.</p>"
                        "<p>\"How could someone like you choose to marry someone as difficult as me?\" Okusan asked.</p>"
                        "<p>\"Because you are ridiculously honest with everybody,\" he said.</p>"
                        "<p>\"I walk three and a half miles a day in my neighborhood,\" she said. It is never too late to "
                        "begin, said Dr. Pratt. \"Many older adults think exercise is not for them,\" he said.</p>"
                        "<p>«Мы закончим ремонт моста до начала зимы», – сказал Петров. «Движение откроют сразу после "
                        "проверки», – добавила она.</p>"
                        "<p>“Nobody expected the market to recover so quickly,” according to a note from Goldman "
                        "Sachs analysts.</p><p>“I am not going anywhere this year,” she told CNN.</p>"
                        "<p>\"You want to buy niche keywords, not just the generic ones,\" says Woodford.</p>"
                        "<p>Erasmus agrees: \"With this you can choose your keywords in a targeted way,\" he says.</p>"),
            (Speakers{"Ray", "", "Okusan", "", "", "", "Петров", "", "a note from Goldman Sachs analysts", "",
                      "Woodford", "Erasmus"}));
  // "The author" is the story's one author.
  EXPECT_EQ(speakers_of("<p>«Проблема не в том, что маршрут не работает, а в том, что он на пределе», – считает "
                        "автор.</p>",
                        "<meta name='author' content='Ольга Мельник'>"),
            (Speakers{"Ольга Мельник <- автор"}));
}

TEST(Extract, KatexWithoutMathmlAndMathmlSymbolsReadAsTeX) {
  // KaTeX's HTML output alone (hidden from readers' tools) with its TeX in data-math, as chat pages save it;
  // MathML's symbols as TeX commands.
  std::string text = text_of(
      "<html><body><article><h1>Logic</h1>" + kBody +
      "<p><span class='math-inline' data-math='\\forall x (M(x) \\rightarrow D(x))'><span class='katex'><span "
      "class='katex-html' aria-hidden='true'>∀x(M(x)→D(x))</span></span></span> — for all <span "
      "class='math-inline' data-math='x'><span class='katex-html' aria-hidden='true'>x</span></span>, if it is a "
      "man, it is mortal.</p><p><span class='math-block' data-math='x = \\frac{-b}{2a}'><span class='katex-html' "
      "aria-hidden='true'>x=−b/2a</span></span></p><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math> and "
      "<math><mi>α</mi><mo>±</mo><msup><mi>x</mi><mn>2</mn></msup></math> hold.</p></article></body></html>");
  EXPECT_TRUE(has(text, "$\\forall x (M(x) \\rightarrow D(x))$ — for all $x$, if it is a man")) << text;
  EXPECT_TRUE(has(text, "$$x = \\frac{-b}{2a}$$")) << text;
  EXPECT_TRUE(has(text, "When $a\\neq0$ and $\\alpha \\pm {x}^{2}$ hold.")) << text;
}

TEST(Extract, FormulasReadAsTheirTeX) {
  lede::Options options;
  options.include_images = true;
  lede::Article article = extract(
      "<html><body><article><h1>Notes on energy</h1>" + kBody +
      // KaTeX: MathML with its TeX annotation, and a visual copy hidden from assistive technology.
      "<p>The energy is <span class='katex'><span class='katex-mathml'><math><semantics><mrow><mi>E</mi></mrow>"
      "<annotation encoding='application/x-tex'>E = mc^2</annotation></semantics></math></span>"
      "<span class='katex-html' aria-hidden='true'>E=mc2</span></span> for a body at rest.</p>"
      // Wikipedia: hidden MathML, and the fallback image whose alt is the TeX.
      "<p>The roots of <span><span style='display: none'><math alttext='ax^{2}+bx+c=0'><mi>a</mi></math></span>"
      "<img src='/m/1.svg' class='mwe-math-fallback-image-inline' alt='ax^{2}+bx+c=0'></span> are known.</p>"
      // A formula service's image, the TeX in its URL; and flat MathML.
      "<p>A ratio <img src='https://latex.codecogs.com/svg.image?%5Cfrac%7Ba%7D%7Bb%7D'> and a relation "
      "<math><mi>a</mi><mo>≤</mo><mi>b</mi></math> hold.</p>"
      "<figure><img src='/tram.jpg' alt='A tram at the depot'></figure></article></body></html>",
      options);
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The energy is $E = mc^2$ for a body at rest.")) << text;
  EXPECT_FALSE(has(text, "E=mc2")) << text;
  EXPECT_TRUE(has(text, "The roots of $ax^{2}+bx+c=0$ are known.")) << text;
  EXPECT_TRUE(has(text, "A ratio $\\frac{a}{b}$ and a relation $a\\leq b$ hold.")) << text;
  // MathJax's TeX left for the browser, in line and on display.
  std::string mathjax = text_of(
      "<html><body><article><h1>Notes on energy</h1>" + kBody +
      "<p>We call these differences <script type='math/tex'>E_u</script> and <script type='math/tex'>E_l</script>, "
      "and the relation reduces to:</p><script type='math/tex; mode=display'>f_u = D + \\gamma B</script>"
      "<script>var tracking = 1;</script></article></body></html>");
  EXPECT_TRUE(has(mathjax, "We call these differences $E_u$ and $E_l$, and the relation")) << mathjax;
  EXPECT_TRUE(has(mathjax, "$$f_u = D + \\gamma B$$")) << mathjax;
  EXPECT_FALSE(has(mathjax, "tracking")) << mathjax;
  // MathJax 3's output: glyphs for the eye, MathML for assistive technology, in a container whose class
  // names a context menu; the MathML is written out as TeX.
  std::string mathml = text_of(
      "<html><body><article><h1>Notes on roots</h1>" + kBody +
      "<p>The roots of <mjx-container class='MathJax CtxtMenu_Attached_0' jax='CHTML'><mjx-math aria-hidden='true'>"
      "<mjx-mi></mjx-mi></mjx-math><mjx-assistive-mml><math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>=</mo>"
      "<mfrac><mn>1</mn><msqrt><mi>b</mi></msqrt></mfrac></math></mjx-assistive-mml></mjx-container> are known."
      "</p></article></body></html>");
  EXPECT_TRUE(has(mathml, "The roots of $a{x}^{2}=\\frac{1}{\\sqrt{b}}$ are known.")) << mathml;
  bool figure = false;
  for (const lede::Block& block : article.blocks) figure |= block.kind == lede::BlockKind::figure && block.alt == "A tram at the depot";
  EXPECT_TRUE(figure);  // an image that is not a formula stays a figure
}

TEST(Extract, ACodeViewersLineNumbersAreNotCode) {
  lede::Article article = extract(
      "<html><body><article><h1>Notes on code</h1>" + kBody +
      "<pre><code><span class='lineno'>1</span>import os\n<span class='lineno'>2</span>print(os.name)\n</code></pre>"
      "<pre><code><span style='display:flex'><span style='user-select: none; color: #888'>1</span><span>x = 1</span>"
      "</span>\n<span style='display:flex'><span style='user-select:none'>2</span><span>y = 2</span></span></code></pre>"
      "<pre class='flex flex-col'><div class='row'><span class='text-end'>1</span><div>AGENTS.md</div></div>"
      "<div class='row'><span class='text-end'>2</span><div>docs/</div></div>"
      "<div class='row'><span class='text-end'>3</span><div>src/</div></div></pre>"
      "<pre><code><span class='mi'>42</span>\n<span class='mi'>7</span> + 1\n</code></pre></article></body></html>");
  std::vector<std::string> code;
  for (const lede::Block& block : article.blocks)
    if (block.kind == lede::BlockKind::code) code.push_back(block.text);
  ASSERT_EQ(code.size(), 4u);
  EXPECT_EQ(code[0], "import os\nprint(os.name)");
  EXPECT_EQ(code[1], "x = 1\ny = 2");
  EXPECT_EQ(code[2], "AGENTS.md\ndocs/\nsrc/");
  EXPECT_EQ(code[3], "42\n7 + 1");  // numbers that are the code stay
}

TEST(Extract, ALayoutTablesRowsInsideAWrapperAreStillItsRows) {
  // ASP.NET wrote <table><span id="content"><tr><td>…: the rows sit in a wrapper the table grammar has no
  // place for, and the story is in their cells.
  std::string text = text_of("<html><body><table width='100%'><tr><td class='mTdMainContentBody'><table><span "
                             "id='_ctl0_content'><span><tr><td><h1>Coconut oil</h1><tr><td>" + kBody +
                             "</td></tr></span></span></table></td></tr></table></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  // Text standing in a table outside any row reads as the table's own text, in order.
  text = text_of("<html><body><article><table><b>The council met on Tuesday, and the vote on the tram line was "
                 "close.</b><tr><td>For</td><td>21</td></tr><tr><td>Against</td><td>19</td></tr></table>" + kBody +
                 "</article></body></html>");
  EXPECT_TRUE(has(text, "the vote on the tram line was close")) << text;
  EXPECT_TRUE(has(text, "Against")) << text;
}

TEST(Extract, ATableOfLinksWithHeaderCellsIsData) {
  std::string rows, nav;
  for (int i = 1; i <= 6; ++i) {
    std::string n = std::to_string(i * 16);
    rows += "<tr><td>Base</td><td>" + n + "</td><td><a href='/m/base-" + n + "'>org/model-base-patch" + n +
            "</a></td><td><a href='/m/base-" + n + "-b'>org/model-base-patch" + n + "-b</a></td></tr>";
    nav += "<tr><td><a href='/s" + n + "'>Section number " + n + " of the site</a></td><td><a href='/t" + n +
           "'>Topic number " + n + "</a></td></tr>";
  }
  std::string text = text_of(
      "<html><body><article><h1>Model variants</h1><p>Below is a table comparing the model variants, their "
      "sizes and where to download each of them, for both frameworks.</p><table><tr><th>Size</th><th>Patch</th>"
      "<th>Framework A</th><th>Framework B</th></tr>" + rows + "</table>" + kBody + "<table>" + nav +
      "</table></article></body></html>");
  EXPECT_TRUE(has(text, "Base | 32 | org/model-base-patch32 | org/model-base-patch32-b")) << text;
  EXPECT_FALSE(has(text, "Section number")) << text;  // links with no header: navigation
}

TEST(Extract, ADataTablesSpannedCellsKeepItsColumnsInLine) {
  lede::Article article = extract(
      "<html><body><article><h1>Results</h1>" + kBody +
      "<table><thead><tr><th rowspan='2'>District</th><th colspan='2'>Votes</th></tr><tr><th>For</th>"
      "<th>Against</th></tr></thead><tbody><tr><td>North</td><td>1,200</td><td>800</td></tr><tr><td>South</td>"
      "<td colspan='2'>no vote held</td></tr><tr><td>West</td><td><ul><li>600 in person</li><li>150 by post</li>"
      "</ul></td><td>400</td></tr></tbody></table></article></body></html>");
  const lede::Block* table = nullptr;
  for (const lede::Block& b : article.blocks)
    if (b.kind == lede::BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr) << lede::to_text(article);  // a list in a cell of a table with header cells
  ASSERT_EQ(table->rows.size(), 5u);
  EXPECT_EQ(table->header_rows, 2);
  EXPECT_EQ(table->rows[0], (std::vector<std::string>{"District", "Votes", ""}));
  EXPECT_EQ(table->rows[1], (std::vector<std::string>{"", "For", "Against"}));
  EXPECT_EQ(table->rows[3], (std::vector<std::string>{"South", "no vote held", ""}));
  EXPECT_EQ(table->rows[4], (std::vector<std::string>{"West", "600 in person 150 by post", "400"}));
}

TEST(Extract, APageBuiltByItsScriptsIsReadFromTheScriptsData) {
  // The server sent a shell; the article's HTML is a JSON string in the hydration data, '<' escaped.
  auto escaped = [](std::string html) {
    std::string out;
    for (char ch : html) {
      if (ch == '<') out += "\\u003c";
      else if (ch == '>') out += "\\u003e";
      else if (ch == '"') out += "\\\"";
      else out.push_back(ch);
    }
    return out;
  };
  std::string story = "<p>The city council voted on Tuesday to extend the tram line to the northern districts, a "
                      "project debated for more than a decade.</p><p>$$ARTICLEAD$$</p><p>Supporters say the "
                      "extension will cut commuting times in half, while critics point to the cost of it.</p><p>"
                      "Construction is expected to begin next spring, and the first trams should run in 2029, "
                      "the council said.</p><p>The line will have eleven new stops and a depot in the north.</p>"
                      "<p>Fares will match the buses, the transport authority said in a statement after the vote.</p>"
                      "<p>Residents of the northern districts have asked for the line since the old one closed, "
                      "and the mayor thanked them for their patience at a meeting on Wednesday evening.</p>"
                      "<p>The first section, from the central station to the hospital, opens before the rest.</p>";
  lede::Article article = extract(
      "<html><head><title>Tram line approved</title></head><body><div id='root'></div><script>"
      "window.__DATA__ = {\"article\":{\"id\":7,\"body\":\"" + escaped(story) + "\"}};</script></body></html>");
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted on Tuesday")) << text;
  EXPECT_TRUE(has(text, "Fares will match the buses")) << text;
  EXPECT_FALSE(has(text, "ARTICLEAD")) << text;  // a template's placeholder is no paragraph
  // A shell with schema.org's articleBody (plain text) and nothing else: its lines are the paragraphs.
  std::string body = "The city council voted on Tuesday to extend the tram line to the northern districts.\\n"
                     "Supporters say the extension will cut commuting times in half, while critics point to "
                     "the cost, which the council estimates at 240 million euros over six years.\\nConstruction "
                     "is expected to begin next spring, and the first trams should run in 2029, the council said "
                     "in a statement published after the vote on Tuesday evening.\\nResidents of the northern "
                     "districts have asked for the line since the old one closed in 1961.";
  lede::Article declared = extract(
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Tram line "
      "approved\",\"articleBody\":\"" + body + "\"}</script></head><body><div id='app'></div></body></html>");
  ASSERT_GE(declared.blocks.size(), 4u);
  EXPECT_EQ(declared.blocks[0].text, "The city council voted on Tuesday to extend the tram line to the northern districts.");
  EXPECT_TRUE(has(lede::to_text(declared), "closed in 1961")) << lede::to_text(declared);
  // A page whose own tree holds the article keeps it, whatever its scripts carry.
  std::string own = text_of("<html><body><article><h1>Trams</h1>" + kBody + "</article><script>var x = {\"b\":\"" +
                            escaped(story) + "\"};</script></body></html>");
  EXPECT_TRUE(has(own, "first trams should run in 2029")) << own;
  EXPECT_FALSE(has(own, "eleven new stops")) << own;
}

TEST(Extract, AStorysStreamedSectionsAreReadWhereThePageShowsThem) {
  // React's streamed rendering sends the story's later sections after the footer, hidden, with a script
  // that moves them into place: they come out in the story, in order.
  const std::string later = "<p>The second half of the story was streamed: the mayor said the line opens in "
                            "2027 and that the first trams are already ordered from a factory in the north.</p>"
                            "<p>Its last paragraph tells what the opposition said, and why the budget will "
                            "be debated again in the spring, when the first bills come in.</p>";
  std::string text = text_of("<html><body><main><article><h1>Tram line approved</h1>" + kBody +
                             "<template id='B:0'></template><div class='skeleton'></div></article></main>"
                             "<footer><p>About us</p><p>© 2026 The Daily Example</p></footer>"
                             "<div hidden id='S:0'>" + later + "</div><script>$RC(\"B:0\",\"S:0\")</script>"
                             "</body></html>");
  std::size_t first = text.find("The city council voted");
  std::size_t streamed = text.find("the mayor said the line opens");
  std::size_t last = text.find("debated again in the spring");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(streamed, std::string::npos) << text;
  ASSERT_NE(last, std::string::npos) << text;
  EXPECT_LT(first, streamed);
  EXPECT_LT(streamed, last);
  EXPECT_FALSE(has(text, "About us")) << text;
}

TEST(Extract, TheAuthorsBioBoxLeavesTheBody) {
  lede::Article article = extract(
      "<html><head><meta name='author' content='Jane Doe'></head><body><article><h1>Tram line approved</h1>" +
      kBody +
      "<p>Jane Doe said in 2019 that the line would never be built, and she was wrong about that.</p>"
      "<h3>About the author</h3><p>Jane Doe is a freelance writer living in Leeds. She covers transport and "
      "city politics.</p></article></body></html>");
  std::string text = lede::to_text(article);
  ASSERT_EQ(article.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_TRUE(has(text, "Jane Doe said in 2019")) << text;  // the name in the story is the story
  EXPECT_FALSE(has(text, "freelance writer")) << text;
  EXPECT_FALSE(has(text, "About the author")) << text;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(Extract, ACopyOfTheStoryComesOutOnce) {
  // A template writes the body once per screen size and lets CSS show one of them; nothing in the markup
  // names the copies hidden.
  const std::string copy = "<h2>The vote</h2>" + kBody + "<p>Tram line approved.</p>";
  std::string text = text_of("<html><body><article><h1>Tram</h1><div class='framer-1d549uq'>" + copy +
                             "</div><div class='framer-bkf1oq'>" + copy + "</div><div class='framer-12t0irv'>" +
                             copy + "</div></article></body></html>");
  EXPECT_EQ(count(text, "The city council voted"), 1u) << text;
  EXPECT_EQ(count(text, "first trams should run in 2029"), 1u) << text;
  EXPECT_EQ(count(text, "The vote"), 1u) << text;
  EXPECT_EQ(count(text, "Tram line approved."), 1u) << text;
}

TEST(Extract, AParagraphWrittenSeveralTimesAndRepeatedRecordLabelsStay) {
  // One text repeated is the author's (a refrain, a placeholder page); short labels repeated by the rows of
  // a record list are the list's shape.
  const std::string refrain =
      "<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore "
      "et dolore magna aliqua.</p>";
  std::string text = text_of("<html><body><article><h1>Placeholder</h1>" + refrain + refrain + refrain + refrain +
                             "</article></body></html>");
  EXPECT_EQ(count(text, "Lorem ipsum dolor sit amet"), 4u) << text;
  std::string record;
  for (const char* form : {"540", "540A", "540NR", "541"}) {
    record += std::string("<p>Form ") + form + "</p><p>Revision date</p><p>09/17/2004</p><p>Publication 1001</p>";
  }
  text = text_of("<html><body><article><h1>Errata</h1>" + kBody + record + "</article></body></html>");
  EXPECT_EQ(count(text, "Publication 1001"), 4u) << text;
  EXPECT_EQ(count(text, "Revision date"), 4u) << text;
}

TEST(Extract, TheStorysSignatureAndItsCommentRulesLeaveTheBody) {
  lede::Article article = extract(
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Tram\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Ярослав Кузишин\"},{\"@type\":\"Person\",\"name\":"
      "\"Карина Гасимова\"}]}</script></head><body><article><h1>Tram</h1>" + kBody +
      "<p>Ярослав Кузишин, Карина Гасимова</p><p>Уважаемые читатели, просим соблюдать Правила комментирования</p>"
      "</article></body></html>");
  std::string text = lede::to_text(article);
  ASSERT_EQ(article.authors.size(), 2u);
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "Кузишин")) << text;
  EXPECT_FALSE(has(text, "Правила комментирования")) << text;
}

TEST(Extract, AHeadingsPermalinkIsNotPartOfItsText) {
  std::string headings;
  const char* marks[] = {"#", "¶", "🔗", "Permalink", "Link to this heading", "#section2"};
  for (int i = 0; i < 6; ++i) {
    headings += "<h2 id='s" + std::to_string(i) + "'>Section " + std::to_string(i) + "<a class='headerlink' href='#s" +
                std::to_string(i) + "'>" + marks[i] + "</a></h2>" + kBody;
  }
  // Sphinx: the heading's words are a link back to the contents, the sign a link to the heading.
  headings += "<h2><a class='toc-backref' href='#toc'>Back to the contents</a><a class='headerlink' "
              "href='#back'>¶</a></h2>" + kBody;
  std::string text = text_of("<html><body><article><h1>Tram</h1>" + headings + "</article></body></html>");
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(has(text, "Section " + std::to_string(i) + "\n")) << text;
  EXPECT_TRUE(has(text, "Back to the contents\n")) << text;
  EXPECT_FALSE(has(text, "¶")) << text;
  EXPECT_FALSE(has(text, "Permalink")) << text;
}

TEST(Extract, TheAuthorsBoxAtTheEndLeavesWithItsHeading) {
  std::string text = text_of("<html><body><article><h1>Tram</h1>" + kBody +
                             "<h3>この記事を書いた人</h3><ul><li>渡辺洋介</li><li>東京社会部</li><li>専門・関心分野</li></ul>"
                             "</article></body></html>");
  EXPECT_TRUE(has(text, "first trams should run in 2029")) << text;
  EXPECT_FALSE(has(text, "東京社会部")) << text;
  // The same words in the middle of a long story are a section of it.
  std::string story;
  for (int i = 0; i < 4; ++i) story += kBody;
  text = text_of("<html><body><article><h1>Tram</h1>" + kBody + "<h2>About the author</h2><p>The author of the "
                 "plan, a retired engineer, spent ten years on it, and the council says it owes him the line.</p>" +
                 story + "</article></body></html>");
  EXPECT_TRUE(has(text, "retired engineer")) << text;
}

TEST(Extract, ShortCjkLinesWithoutStopsAreProse) {
  // A Taiwanese blog writes its story as centred lines of some thirty characters, without a full stop: each
  // says as much as sixty letters, and the post is read, not taken for a column of labels.
  const char* lines[] = {"一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣",
                         "玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達來到玉峰國小",
                         "美樹美如其名偌大楓香樹早已呈現金黃 泛紅色彩也是愛攝人仕所喜愛造訪之地",
                         "第二次造訪美樹發現到營區變了 印象中以前生冷招牌換成了原木招牌可謂匠心獨運",
                         "燻黑原木加上金黃色醒目字體 加上了貓頭鷹原木創作也充分發揮了裝飾藝術功力",
                         "營區內除了露營民宿餐飲賞楓項目多了許多原木飾品更有畫龍點睛加乘效果"};
  std::string post;
  for (const char* line : lines) post += std::string("<p style='text-align: center;'><span>") + line + "</span></p>";
  std::string text = text_of("<html><body><div class='profile'><p>Steven writes about camping, hiking and the "
                             "autumn colours of the northern mountains, with photographs from every trip.</p></div>"
                             "<div class='article-content-inner'>" + post + "</div></body></html>");
  EXPECT_TRUE(has(text, "一波波接續性低溫寒流報到")) << text;
  EXPECT_TRUE(has(text, "營區內除了露營民宿餐飲賞楓項目")) << text;
}

TEST(Extract, ShortLinesThatEndInAnotherScriptsStopAreProse) {
  // An interview's short answers end with the corner bracket that closes a quotation after its stop, an
  // Amharic story's lines with "።": sentences, not a column of labels beside a longer bio.
  const char* japanese[] = {"「今年の冬は本当に寒かったです」", "「それでも毎朝山に登りました」", "「頂上からの景色は最高でした」",
                            "「来年もまた挑戦したいです」", "「家族も応援してくれました」", "「次は海外の山に登りたい」"};
  const char* amharic[] = {"ዝናቡ ትናንት ምሽት ጀመረ።", "መንገዱ ተዘግቷል።", "ገበሬዎቹ ደስተኞች ናቸው።", "ውሃው ወደ ወንዙ ፈሰሰ።",
                           "ትምህርት ቤቱ ዛሬ ዝግ ነው።", "ከተማዋ ጸጥ ብላለች።"};
  for (const auto& lines : {std::vector<const char*>(std::begin(japanese), std::end(japanese)),
                            std::vector<const char*>(std::begin(amharic), std::end(amharic))}) {
    std::string post;
    for (const char* line : lines) post += std::string("<p>") + line + "</p>";
    std::string text = text_of("<html><body><div class='profile'><p>Steven writes about camping, hiking and "
                               "the autumn colours of the northern mountains, with photographs from every trip.</p>"
                               "</div><div class='interview'>" + post + "</div></body></html>");
    EXPECT_TRUE(has(text, lines[0])) << text;
    EXPECT_TRUE(has(text, lines[5])) << text;
  }
}

TEST(Extract, BylinesAndDatelinesLeaveTheBody) {
  std::string text = text_of("<html><body><article><h1>Tram</h1><div class='info'>Anna Ivanova 12 ноября "
                             "2024, 14:35</div>" + kBody + "</article></body></html>");
  EXPECT_FALSE(has(text, "Anna Ivanova")) << text;
  EXPECT_TRUE(has(text, "The city council voted")) << text;
}

TEST(Extract, StructureBecomesTypedBlocks) {
  lede::Article article = extract(
      "<html><body><article>" + kBody +
      "<h2>What the plan includes</h2>"
      "<ul><li>Six new stations</li><li>A depot<ul><li>with a workshop</li></ul></li></ul>"
      "<blockquote><p>This is the biggest investment in public transport in a generation.</p></blockquote>"
      "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2026</td><td>40</td></tr><tr><td>2027</td>"
      "<td>80</td></tr></table>"
      "<pre><code class='language-python'>print('tram')</code></pre>"
      "<figure><img src='/img/tram.jpg' alt='A tram'><figcaption>The new tram. Photo: City Archive"
      "</figcaption></figure></article></body></html>",
      [] {
        lede::Options o;
        o.url = "https://news.example/city/tram";
        return o;
      }());
  auto find = [&](lede::BlockKind kind) -> const lede::Block* {
    for (const lede::Block& b : article.blocks)
      if (b.kind == kind) return &b;
    return nullptr;
  };
  const lede::Block* heading = find(lede::BlockKind::heading);
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->level, 2);
  EXPECT_EQ(heading->text, "What the plan includes");
  const lede::Block* list = find(lede::BlockKind::list);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->items, (std::vector<std::string>{"Six new stations", "A depot", "with a workshop"}));
  EXPECT_EQ(list->item_depths, (std::vector<int>{0, 0, 1}));
  const lede::Block* quote = find(lede::BlockKind::quote);
  ASSERT_NE(quote, nullptr);
  EXPECT_TRUE(has(quote->text, "biggest investment"));
  const lede::Block* table = find(lede::BlockKind::table);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->header_rows, 1);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[2], (std::vector<std::string>{"2027", "80"}));
  const lede::Block* code = find(lede::BlockKind::code);
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->text, "print('tram')");
  EXPECT_EQ(code->language, "python");
  const lede::Block* figure = find(lede::BlockKind::figure);
  ASSERT_NE(figure, nullptr);
  EXPECT_EQ(figure->src, "https://news.example/img/tram.jpg");
  EXPECT_EQ(figure->caption, "The new tram.");
  EXPECT_EQ(figure->credit, "Photo: City Archive");
}

TEST(Extract, LinksAreResolvedAgainstThePageUrl) {
  lede::Options options;
  options.url = "https://news.example/city/tram?x=1";
  lede::Article article = extract(
      "<html><body><article><p>The council published <a href='../docs/plan.pdf'>the full plan</a> on its "
      "website, together with the budget and a map of the new line through the northern districts.</p>" +
          kBody + "</article></body></html>",
      options);
  ASSERT_FALSE(article.blocks.empty());
  const lede::Block& first = article.blocks.front();
  ASSERT_EQ(first.spans.size(), 1u);
  EXPECT_EQ(first.spans[0].href, "https://news.example/docs/plan.pdf");
  EXPECT_EQ(first.text.substr(first.spans[0].begin, first.spans[0].end - first.spans[0].begin), "the full plan");
}

TEST(Extract, ALayoutTableIsWalkedAsAContainer) {
  std::string text = text_of("<html><body><table><tr><td><a href='/'>Home</a><br><a href='/n'>News</a></td>"
                             "<td>" + kBody + "</td></tr></table></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, " | ")) << text;
}

TEST(Extract, AFootnotesMarkDoesNotEndItsSentence) {
  // Short paragraphs that each end in a footnote's mark, and the notes after them: the paragraphs are
  // sentences, not labels, and the story is both.
  std::string text = text_of(
      "<html><body><article><h1>Two techniques</h1>"
      "<p>The first technique relies on precise calibration.<span id='fnref:a'><a href='#fn:a'>1</a></span></p>"
      "<p>The second technique uses iterative refinement.<span id='fnref:b'><a href='#fn:b'>2</a></span></p>"
      "<p>Both approaches were validated experimentally.<sup><a href='#fn:c'>3</a></sup></p>"
      "<div class='footnotes'><ol><li id='fn:a'><p>Calibration details are in the reference manual. <a "
      "href='#fnref:a'>↩</a></p></li><li id='fn:b'><p>Iterative refinement was first proposed in 1985. <a "
      "href='#fnref:b'>↩</a></p></li><li id='fn:c'><p>Validation was done under controlled conditions. <a "
      "href='#fnref:c'>↩</a></p></li></ol></div></article></body></html>");
  EXPECT_TRUE(has(text, "The first technique relies on precise calibration.")) << text;
  EXPECT_TRUE(has(text, "Both approaches were validated experimentally.")) << text;
  EXPECT_TRUE(has(text, "Iterative refinement was first proposed in 1985.")) << text;
}

TEST(Extract, TheNextStoryOfAStreamSavedWithThePageStaysOut) {
  // Infinite scroll saved with the page: the story's <article>, then the next story's with its own headline.
  const std::string next = "<p>The harbour's new breakwater is finished, two years late, and the fishermen who "
                           "use the port every day say they are relieved that the work is over.</p><p>The port "
                           "authority said the wall will protect the boats from the winter storms for decades.</p>";
  lede::Article article = extract("<html><head><title>Tram line approved</title></head><body><main><article>"
                                  "<h1>Tram line approved</h1>" + kBody + "</article><article><h1>Breakwater "
                                  "finished</h1>" + next + "</article></main></body></html>");
  std::string text = lede::to_text(article);
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "breakwater is finished")) << text;
  // Teaser <article>s inside the story, and articles without a headline of their own, stay.
  text = text_of("<html><head><title>Tram line approved</title></head><body><main><article><h1>Tram line "
                 "approved</h1>" + kBody + "</article><article>" + next + "</article></main></body></html>");
  EXPECT_TRUE(has(text, "breakwater is finished")) << text;
}

TEST(Extract, ABlogsCalendarIsNoTable) {
  // A month of linked days beside an old blog's post, in the post's cell; a table of figures stays.
  std::string month = "<table><caption>January 2005</caption><tr><th>Sun</th><th>Mon</th><th>Tue</th><th>Wed</th>"
                      "<th>Thu</th><th>Fri</th><th>Sat</th></tr><tr>";
  for (int day = 1; day <= 31; ++day) {
    month += "<td><a href='/2005/01/" + std::to_string(day) + "'>" + std::to_string(day) + "</a></td>";
    if (day % 7 == 0) month += "</tr><tr>";
  }
  month += "</tr></table>";
  std::string text = text_of("<html><body><table><tr><td>" + month + kBody + "<table><tr><th>Year</th><th>Riders"
                             "</th></tr><tr><td>2023</td><td>12</td></tr><tr><td>2024</td><td>14</td></tr></table>"
                             "</td></tr></table></body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
  EXPECT_FALSE(has(text, "Sun | Mon")) << text;
  EXPECT_FALSE(has(text, "8 | 9 | 10")) << text;
  EXPECT_TRUE(has(text, "2024 | 14")) << text;
}

TEST(Extract, ALongDisclaimerUnderAShortPostStaysOut) {
  // The legal text outweighs the post; the page names the post's body elsewhere, so the disclaimer's mark
  // is believed however long it is.
  std::string legal;
  for (int i = 0; i < 6; ++i)
    legal += "<p>Views expressed in posts are those of the individual personnel quoted therein and are not the "
             "views of Example Capital Management or its affiliates, and should not be construed as advice.</p>";
  std::string text = text_of("<html><body><main><div class='article-content'><h2>Section one</h2><p>This is the "
                             "first section of the post. It introduces the topic and sets the stage.</p><p>The "
                             "second section builds on the ideas introduced earlier, and ends it.</p></div>"
                             "<div class='legal-disclaimer'>" + legal + "</div></main></body></html>");
  EXPECT_TRUE(has(text, "It introduces the topic")) << text;
  EXPECT_FALSE(has(text, "Views expressed in posts")) << text;
  // A story in a wrapper misnamed for a page part still outweighs its mark beside a teaser's small body.
  std::string story;
  for (int i = 0; i < 4; ++i) story += kBody;
  text = text_of("<html><body><div class='promo-layout'><h1>Tram line approved</h1>" + story + "</div><div>"
                 "<div class='entry-content'><p>Another story: the harbour's new breakwater is finished, two years "
                 "late, and the fishermen who use the port every day say they are relieved.</p></div></div>"
                 "</body></html>");
  EXPECT_TRUE(has(text, "The city council voted")) << text;
}

TEST(Extract, APageMadeOfLinksReturnsItsLinks) {
  // A link aggregator's front page: numbered rows of links, no prose. Its rows are the page; a rank ("5.")
  // is no story to pick.
  std::string rows;
  const char* titles[] = {"Building a database from scratch", "Reverse engineering a Wi-Fi chip",
                          "What side projects are you working on", "Efficient inference on a laptop",
                          "An open-source CAD tool for 3D printing"};
  for (int i = 0; i < 5; ++i) {
    rows += "<tr><td class='rank'>" + std::to_string(i + 1) + ".</td><td><a href='https://example.com/" +
            std::to_string(i) + "'>" + titles[i] + "</a></td></tr><tr><td></td><td><a href='/user/" +
            std::to_string(i) + "'>user" + std::to_string(i) + "</a> <a href='/item/" + std::to_string(i) +
            "'>12 comments</a></td></tr>";
  }
  std::string text = text_of("<html><body><nav><a href='/'>Home</a> <a href='/new'>New</a></nav><table>" + rows +
                             "</table></body></html>");
  EXPECT_TRUE(has(text, "Building a database from scratch")) << text;
  EXPECT_TRUE(has(text, "An open-source CAD tool for 3D printing")) << text;
  EXPECT_FALSE(has(text, "Home")) << text;
  // A story keeps its link lists out.
  text = text_of("<html><body><article><h1>Tram line approved</h1>" + kBody + "<ul><li><a href='/a'>Other story "
                 "one</a></li><li><a href='/b'>Other story two</a></li></ul></article></body></html>");
  EXPECT_FALSE(has(text, "Other story one")) << text;
  // A page of links under a title line: the title is no story, the page is its links.
  std::string links;
  const char* schools[] = {"Northern Illinois University", "University of Tennessee Chattanooga",
                           "University of Michigan Flint", "Western Kentucky University Bowling Green",
                           "Central Missouri State University Warrensburg", "University of Nebraska, Omaha",
                           "Southern Illinois University, Edwardsville", "North Dakota State University, Fargo"};
  for (int i = 0; i < 40; ++i)
    links += "<p><a href='https://example.edu/" + std::to_string(i) + "'>" + schools[i % 8] + "</a></p>";
  text = text_of("<html><body><p>Some interesting (and some even useful) web sites, collected for the students of "
                 "the school.</p><table><tr><td>" + links + "</td></tr></table></body></html>");
  EXPECT_TRUE(has(text, "Northern Illinois University")) << text;
  EXPECT_TRUE(has(text, "North Dakota State University, Fargo")) << text;
}

TEST(Extract, ARootThatIsATableOrAListKeepsItsStructure) {
  // A cheat sheet: the content is one table of short cells, so the root is the table's body.
  lede::Article article = extract(
      "<html><body><h1>Overview of the editor's shortcuts</h1><table><tbody>"
      "<tr><td>Ctrl+S</td><td>Save current file</td></tr><tr><td>Ctrl+O</td><td>Offer to write file (\"Save as\")</td></tr>"
      "<tr><td>Ctrl+R</td><td>Insert a file into current one</td></tr><tr><td>Ctrl+X</td><td>Close buffer, exit from "
      "the editor</td></tr></tbody></table></body></html>");
  ASSERT_FALSE(article.blocks.empty());
  EXPECT_EQ(article.blocks[0].kind, lede::BlockKind::table);
  EXPECT_EQ(article.blocks[0].rows.size(), 4u);
  // A list of API methods: one list, its terms kept.
  article = extract("<html><body><dl><dt>getItems()</dt><dd>Returns a list of items, for example the ones on the "
                    "first page of results.</dd><dt>createItem(data)</dt><dd>Creates a new item with the provided "
                    "data and returns its identifier.</dd></dl></body></html>");
  ASSERT_EQ(article.blocks.size(), 1u);
  EXPECT_EQ(article.blocks[0].kind, lede::BlockKind::list);
  EXPECT_TRUE(has(article.blocks[0].text, "getItems()")) << article.blocks[0].text;
}

TEST(Extract, APageWithoutProseStillReturnsItsText) {
  lede::Article article = extract("<html><body><div>Test</div></body></html>");
  EXPECT_EQ(lede::to_text(article), "Test\n");
}

TEST(Extract, ANoticeBesideACopyrightLineIsNotLostWithIt) {
  // A members-only notice, a login form's link list and a copyright footer: the part chosen may be the footer,
  // whose line then leaves as boilerplate; the page's body is read rather than nothing.
  const std::string text = text_of(
      "<p>The content you have requested is for members only. &nbsp;Please log in using your Member ID and "
      "Password.</p><td colspan=3><table cellpadding=2><FORM ACTION='index.asp' METHOD='POST'><td><p>Member ID:</p>"
      "</td><li><a href='/a'>List of Member Benefits</a></li><li><a href='/b'>Member Centre</a></li><li><a "
      "href='/c'>Leader Centre</a></li><li><a href='/d'>Online Library</a></li><li><a href='/e'>Member Forum</a>"
      "</li><li><a href='/f'>My Community</a></li><li><a href='/g'>Student Connection</a></li></table><p>&copy; "
      "2006 International Association of Harbour Pilots.<br>One Harbour Plaza, Suite 600 San Francisco, CA 94102 "
      "USA<br><p><a href='/tos'>Terms of Service</a>");
  EXPECT_TRUE(has(text, "The content you have requested is for members only.")) << text;
  EXPECT_FALSE(has(text, "Member Centre")) << text;
}

TEST(Extract, ATableOfEmptyCellsIsNoTable) {
  lede::Article article = extract("<html><body><article><h1>Tram</h1>" + kBody +
                                  "<table><tr><td><img src='a.gif'></td><td></td></tr><tr><td>&nbsp;</td><td> </td>"
                                  "</tr></table></article></body></html>");
  for (const lede::Block& block : article.blocks) EXPECT_NE(block.kind, lede::BlockKind::table) << block.text;
}

TEST(Extract, EmptyAndOversizedInputsAreErrors) {
  lede::Article article;
  EXPECT_EQ(lede::extract("", {}, &article).code(), lede::StatusCode::empty_input);
  EXPECT_EQ(lede::extract(" \n\t ", {}, &article).code(), lede::StatusCode::empty_input);
  lede::Options small;
  small.max_input_bytes = 10;
  lede::Status status = lede::extract("<p>more than ten bytes</p>", small, &article);
  EXPECT_EQ(status.code(), lede::StatusCode::too_large);
  EXPECT_FALSE(status.message().empty());
}

TEST(Extract, DeepNestingIsFlattenedNotLost) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "<p>A paragraph at the bottom of five thousand nested divs, long enough to read as prose.</p>";
  for (int i = 0; i < 5000; ++i) html += "</div>";
  lede::Article article = extract(html);
  EXPECT_TRUE(article.truncated);
  EXPECT_TRUE(has(lede::to_text(article), "five thousand nested divs"));
}

TEST(Extract, AnExtractorIsReusableAcrossPages) {
  lede::Extractor extractor;
  lede::Article first, second;
  ASSERT_TRUE(extractor.extract("<html><body><article>" + kBody + "</article></body></html>", {}, &first).ok());
  ASSERT_TRUE(extractor.extract("<html><body><p>A different page with one paragraph of its own, long enough "
                                "to count as prose.</p></body></html>",
                                {}, &second)
                  .ok());
  EXPECT_TRUE(has(lede::to_text(first), "The city council voted"));
  EXPECT_FALSE(has(lede::to_text(second), "The city council voted"));
  EXPECT_TRUE(has(lede::to_text(second), "A different page"));
}

}  // namespace
