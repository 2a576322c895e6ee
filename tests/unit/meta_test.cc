// Tests for the metadata stage (src/meta): small pages written here for JSON-LD (@graph, arrays, authors as
// object, array and string), OpenGraph and <meta>, bylines in several languages, dates as pages write them,
// calibrated silence (undated product pages, copyright years, comments, teasers, script literals) and the
// language read from the text against a wrong <html lang>.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lede/extract.h"
#include "lede/render.h"
#include "meta/dates.h"
#include "meta/names.h"

namespace lede {
namespace {

// A paragraph of plain English prose, long enough to be the page's main content.
const std::string kProse =
    "<p>The harbour authority said on Tuesday that the new breakwater will be finished before the winter "
    "storms arrive, after two years of delays caused by rising costs and a shortage of granite.</p>"
    "<p>Fishermen who use the port every day welcomed the news, although several of them said that the "
    "work had already cost them a season of catches and that compensation was still being discussed.</p>"
    "<p>The council expects the project to reduce flooding in the lower town, where shops have been "
    "damaged three times in the last decade, and to allow larger ferries to dock in bad weather.</p>";

Article run(const std::string& html, const std::string& reference = "") {
  Options options;
  options.reference_date = reference;
  Article article;
  EXPECT_TRUE(extract(html, options, &article).ok());
  return article;
}

std::string page(const std::string& head, const std::string& body, const std::string& lang = "en") {
  return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
         "</body></html>";
}

// ------------------------------------------------------------------------------------------------------
// JSON-LD

TEST(MetaJsonLd, GraphWithAuthorById) {
  const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","@id":"https://h.example/#site","name":"Harbour News"},
    {"@type":"WebPage","@id":"https://h.example/a#page","datePublished":"2001-01-01"},
    {"@type":"NewsArticle","headline":"Breakwater to be finished before winter",
     "author":{"@id":"https://h.example/#/person/1"},"datePublished":"2022-03-14T12:30:00+02:00",
     "dateModified":"2022-03-15T08:00:00+02:00","keywords":"harbour, storms","articleSection":"Local",
     "image":{"@type":"ImageObject","url":"https://h.example/b.jpg","caption":"The new wall","creditText":"Photo: J. Roe"}},
    {"@type":"Person","@id":"https://h.example/#/person/1","name":"Jane Doe"}]}</script>)";
  const Article a = run(page(ld, "<h1>Breakwater to be finished before winter</h1>" + kProse));
  EXPECT_EQ(a.title, "Breakwater to be finished before winter");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(a.sources.authors, "json-ld");
  EXPECT_EQ(a.published, "2022-03-14T12:30:00+02:00");
  EXPECT_EQ(a.sources.published, "json-ld");
  EXPECT_EQ(a.modified, "2022-03-15T08:00:00+02:00");
  EXPECT_EQ(a.site_name, "Harbour News");
  EXPECT_EQ(a.section, "Local");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"harbour", "storms"}));
  EXPECT_EQ(a.image.url, "https://h.example/b.jpg");
  EXPECT_EQ(a.image.caption, "The new wall");
  EXPECT_EQ(a.image.credit, "Photo: J. Roe");
  EXPECT_EQ(a.page_type, "article");
}

TEST(MetaJsonLd, TopLevelArrayAndAuthorArray) {
  const std::string ld = R"(<script type="application/ld+json">[
    {"@type":"BreadcrumbList","itemListElement":[]},
    {"@type":"Article","headline":"Two writers","datePublished":"2021-05-02",
     "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"By Jo Roe"}]}]</script>)";
  const Article a = run(page(ld, kProse));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ana Lima", "Jo Roe"}));
  EXPECT_EQ(a.published, "2021-05-02");
}

TEST(MetaJsonLd, AuthorAsStringAndBrokenJsonRepaired) {
  // A raw newline inside a string and a trailing comma: strict parsers refuse both.
  const std::string ld = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\","
                         "\"author\":\"Jane Doe\",\"datePublished\":\"2020-02-29\",}</script>";
  const Article a = run(page(ld, kProse));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(a.published, "2020-02-29");
}

TEST(MetaJsonLd, ListedTeasersDoNotSpeakForThePage) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"CollectionPage","name":"Archive",
    "mainEntity":{"@type":"ItemList","itemListElement":[
      {"@type":"NewsArticle","headline":"Old story","datePublished":"2019-01-01","author":"Someone Else"}]}}</script>)";
  const Article a = run(page(ld, kProse));
  EXPECT_TRUE(a.published.empty()) << a.published;
  EXPECT_TRUE(a.authors.empty());
  EXPECT_EQ(a.page_type, "listing");
}

// ------------------------------------------------------------------------------------------------------
// OpenGraph, Twitter cards, <meta>, <link rel=canonical>

TEST(MetaTags, OpenGraphAndMeta) {
  const std::string head =
      "<title>Breakwater finished | Harbour News</title>"
      "<meta property=\"og:title\" content=\"Breakwater finished\">"
      "<meta property=\"og:site_name\" content=\"Harbour News\">"
      "<meta property=\"og:description\" content=\"The wall is done.\">"
      "<meta property=\"og:image\" content=\"/img/wall.jpg\">"
      "<meta property=\"og:type\" content=\"article\">"
      "<meta property=\"article:published_time\" content=\"2023-11-02T09:15:00Z\">"
      "<meta property=\"article:tag\" content=\"harbour\"><meta property=\"article:tag\" content=\"weather\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "<link rel=\"canonical\" href=\"https://h.example/breakwater\">";
  Options options;
  options.url = "https://h.example/breakwater?utm=x";
  Article a;
  ASSERT_TRUE(extract(page(head, kProse), options, &a).ok());
  EXPECT_EQ(a.title, "Breakwater finished");
  EXPECT_EQ(a.site_name, "Harbour News");
  EXPECT_EQ(a.sources.site_name, "meta");
  EXPECT_EQ(a.lead, "The wall is done.");
  EXPECT_EQ(a.image.url, "https://h.example/img/wall.jpg");
  EXPECT_EQ(a.published, "2023-11-02T09:15:00Z");
  EXPECT_EQ(a.sources.published, "meta");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"harbour", "weather"}));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(a.canonical_url, "https://h.example/breakwater");
}

TEST(MetaTags, ReferencesEscapedTwiceAreReadOnceMore) {
  // A template that escapes its values twice: "&amp;#8217;" in the attribute is "&#8217;" after the parser.
  const std::string head =
      "<meta property=\"og:title\" content=\"Don&amp;#8217;t sell the harbour\">"
      "<meta property=\"og:description\" content=\"Tom &amp;amp; Jerry&amp;nbsp;&amp;#x1F62D; &amp;#xFFFFFFFF; "
      "&amp;copy; &amp;bogus; &amp;notation &amp; more\">";
  Article a;
  ASSERT_TRUE(extract(page(head, kProse), Options{}, &a).ok());
  EXPECT_EQ(a.title, "Don\u2019t sell the harbour");
  // Every HTML name closed by ';' is read; unknown names and a name without its ';' stay as written; a
  // reference past Unicode is U+FFFD, as HTML reads it.
  EXPECT_EQ(a.lead, "Tom & Jerry \U0001F62D \uFFFD \u00A9 &bogus; &notation & more");
}

TEST(MetaTags, OneArticleTagPackedWithAListIsSplit) {
  const Article packed = run(page("<meta property=\"article:tag\" content=\"Spain,Europe,World news\">", kProse));
  EXPECT_EQ(packed.tags, (std::vector<std::string>{"Spain", "Europe", "World news"}));
  // A comma followed by a space may belong to one tag's name.
  const Article one = run(page("<meta property=\"article:tag\" content=\"Washington, D.C.\">", kProse));
  EXPECT_EQ(one.tags, (std::vector<std::string>{"Washington, D.C."}));
  // Keywords split at semicolons when there is no comma; a site's internal labels are no tags.
  const Article semi = run(page("<meta name=\"keywords\" content=\"stress; mindfulness; mobile phone\">", kProse));
  EXPECT_EQ(semi.tags, (std::vector<std::string>{"stress", "mindfulness", "mobile phone"}));
  const Article labels = run(page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                                  "\"Breakwater finished\",\"keywords\":[\"harbour\",\"locale: US\",\"shortTitle: "
                                  "Wall done\",\"Politics: Ports\"]}</script>", kProse));
  EXPECT_EQ(labels.tags, (std::vector<std::string>{"harbour", "Politics: Ports"}));
}

TEST(MetaTags, TitleLosesSiteSuffixOnlyWhenItNamesTheSite) {
  const Article a = run(page("<title>Storm warning - Harbour News</title><meta property=\"og:site_name\" "
                             "content=\"Harbour News\">",
                             kProse));
  EXPECT_EQ(a.title, "Storm warning");
  // Without a known site, " - " may be part of the headline itself.
  const Article b = run(page("<title>Storm warning - and what to do</title>", kProse));
  EXPECT_EQ(b.title, "Storm warning - and what to do");
}

TEST(MetaTags, VisibleHeadlineWhenDeclarationsAgree) {
  const Article a = run(page("<title>Storm warning for the coast | Harbour News</title>"
                             "<meta property=\"og:title\" content=\"Storm warning for the coast\">",
                             "<h1>Storm warning for the coast</h1>" + kProse));
  EXPECT_EQ(a.title, "Storm warning for the coast");
}

TEST(MetaTags, AOneWordHeadlineThatOpensTheTitleIsTheTitle) {
  // A documentation page names itself in a word; a logo <h1> in the header is not asked.
  const Article docs = run(page("<title>Configuration | Widgetron Docs</title>",
                                "<nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav><main><article>"
                                "<h1>Configuration</h1>" + kProse + "</article></main>"));
  EXPECT_EQ(docs.title, "Configuration");
  const Article logo = run(page("<title>Widgetron | Configuration of the new harbour crane</title>",
                                "<header><h1>Widgetron</h1></header><main><article>" + kProse + "</article></main>"));
  EXPECT_EQ(logo.title, "Widgetron | Configuration of the new harbour crane");
}

TEST(MetaTags, GluedSiteNameAndSectionLeaveTheTitle) {
  // "Headline-Section｜Site" with the site declared: the separators carry no spaces.
  const Article a = run(page("<title>Harbour wall finished at last-Town\xE3\x85\xA3Harbour Daily</title>"
                             "<meta property=\"og:site_name\" content=\"Harbour Daily\">",
                             kProse));
  EXPECT_EQ(a.title, "Harbour wall finished at last");
  // A hyphenated tail is the headline's own when nothing declares it the site.
  const Article b = run(page("<title>Cases rise again after COVID-19</title>", kProse));
  EXPECT_EQ(b.title, "Cases rise again after COVID-19");
}

TEST(MetaTags, LoneTitleLosesANameLikeTail) {
  const Article a = run(page("<title>Lorem ipsum dolor sit amet \xE2\x80\x93 My website</title>", kProse));
  EXPECT_EQ(a.title, "Lorem ipsum dolor sit amet");
  // Only the last part goes: "Code" may be a section.
  const Article b = run(page("<title>Get your code covered | Code | Jane Doe</title>", kProse));
  EXPECT_EQ(b.title, "Get your code covered | Code");
  // Too little would be left: "Mozilla - Wikipedia" stays whole.
  const Article c = run(page("<title>Mozilla - Wikipedia</title>", kProse));
  EXPECT_EQ(c.title, "Mozilla - Wikipedia");
}

TEST(MetaTags, DublinCoreAndPropertyWinTheTitle) {
  const Article a = run(page("<title>Title element</title><meta name=\"og:title\" content=\"Named social title\">"
                             "<meta property=\"og:title\" content=\"Social title\">"
                             "<meta name=\"DC.title\" content=\"Named catalogue title\">"
                             "<meta property=\"dc:title\" content=\"Catalogue title\">",
                             kProse));
  EXPECT_EQ(a.title, "Catalogue title");
  const Article b = run(page("<title>Title element</title><meta name=\"og:title\" content=\"Named social title\">"
                             "<meta property=\"og:title\" content=\"Social title\">",
                             kProse));
  EXPECT_EQ(b.title, "Social title");
}

TEST(MetaTags, SiteNameThatIsTheTitleNamesNoSite) {
  const std::string t = "How to build a wall: a complete guide | Clay";
  const Article a = run(page("<title>" + t + "</title><meta property=\"og:title\" content=\"" + t +
                                 "\"><meta property=\"og:site_name\" content=\"" + t + "\">",
                             "<h1>How to build a wall: a complete guide</h1>" + kProse));
  EXPECT_EQ(a.title, "How to build a wall: a complete guide");
}

TEST(MetaTags, SocialTitleBreaksATieWithMicrodata) {
  // itemprop=headline is the visible headline's markup, not a second declaration: a tie between it (with
  // the <h1>) and og:title (with <title>) goes to og:title.
  const Article a = run(page("<title>Drusen demand a share of power | Harbour News</title>"
                             "<meta property=\"og:title\" content=\"Drusen demand a share of power\">"
                             "<meta property=\"og:site_name\" content=\"Harbour News\">",
                             "<article itemscope itemtype=\"https://schema.org/NewsArticle\"><h1 itemprop=\"headline\">"
                             "Minority in Syria - Drusen demand a share of power</h1>" + kProse + "</article>"));
  EXPECT_EQ(a.title, "Drusen demand a share of power");
}

// ------------------------------------------------------------------------------------------------------
// Microdata

TEST(MetaMicrodata, AuthorDateHeadlineOfTheMainItem) {
  const std::string body =
      "<article itemscope itemtype=\"https://schema.org/NewsArticle\"><h1 itemprop=\"headline\">Wall done</h1>"
      "<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Olga "
      "Melnyk</span></span><time itemprop=\"datePublished\" datetime=\"2024-11-12\">12 Nov</time>" +
      kProse +
      "<div itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=\"author\">Troll</span>"
      "<time itemprop=\"datePublished\" datetime=\"2025-01-01\">1 Jan</time></div></article>";
  const Article a = run(page("", body));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Olga Melnyk"}));
  EXPECT_EQ(a.sources.authors, "microdata");
  EXPECT_EQ(a.published, "2024-11-12");
  EXPECT_EQ(a.sources.published, "microdata");
}

TEST(MetaMicrodata, AContentValueEscapedTwiceIsReadOnceMore) {
  // As in <meta>: "&amp;quot;" in a content attribute is "&quot;" after the parser, a quotation mark to a reader.
  const std::string body =
      "<article itemscope itemtype=\"https://schema.org/BlogPosting\"><h1 itemprop=\"headline\">Wall done</h1>"
      "<meta itemprop=\"description\" content=\"The &amp;quot;north wall&amp;quot; of the harbour is finished, two "
      "years late and far over its budget, the board said.\">" + kProse + "</article>";
  const Article a = run(page("", body));
  EXPECT_EQ(a.lead, "The \"north wall\" of the harbour is finished, two years late and far over its budget, the board "
                    "said.");
}

TEST(MetaMicrodata, APropertyDeepInsideTheItemBelongsToIt) {
  // The item's properties sit several elements below it; a nested Person's own properties are its own.
  const std::string body =
      "<div itemscope itemtype=\"https://schema.org/BlogPosting\"><header><div><h1 itemprop=\"headline\">Wall "
      "done</h1><div class=\"x\"><p><span itemprop=\"datePublished\" content=\"2023-05-06\">May</span></p></div>"
      "</div></header><section><div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><div>"
      "<span itemprop=\"name\">Olga Melnyk</span><span itemprop=\"datePublished\" content=\"1999-01-01\"></span>"
      "</div></div></section>" +
      kProse + "</div>";
  const Article a = run(page("", body));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Olga Melnyk"}));
  EXPECT_EQ(a.published, "2023-05-06");
  EXPECT_EQ(a.sources.published, "microdata");
}

// ------------------------------------------------------------------------------------------------------
// Bylines near the headline

TEST(MetaByline, AStandfirstReadsAsItsSentencesNotItsHeading) {
  // A summary box under the headline with its own heading: the blocks apart, the heading left out.
  const Article boxed = run(page("", "<h1>Breakwater finished</h1><div class=\"summary\"><h2>In short</h2><p>The "
                                      "harbour's new wall is done.</p><p>Fishermen welcomed the news, and the port "
                                      "reopens on Monday.</p></div>" + kProse));
  EXPECT_EQ(boxed.lead, "The harbour's new wall is done. Fishermen welcomed the news, and the port reopens on Monday.");
  // Text after a block's end reads as a new line, as a browser shows it: "done. Read more", not "done.Read more".
  const Article loose = run(page("", "<h1>Breakwater finished</h1><div class=\"summary\"><p>The harbour's new wall "
                                      "is done, and the port reopens on Monday after two years.</p>Fishermen welcomed "
                                      "the news.</div>" + kProse));
  EXPECT_EQ(loose.lead, "The harbour's new wall is done, and the port reopens on Monday after two years. Fishermen "
                        "welcomed the news.");
  // A standfirst written as a heading is the heading.
  const Article dek = run(page("", "<h1>Breakwater finished</h1><div class=\"subheadline\"><h2>After two years of "
                                   "delays, the harbour's new wall is done before the winter storms</h2></div>" + kProse));
  EXPECT_EQ(dek.lead, "After two years of delays, the harbour's new wall is done before the winter storms");
  // The story's lead picture or clip is no standfirst: its caption is not the lead.
  const Article media = run(page("", "<h1>Breakwater finished</h1><figure class=\"header__lead\"><img src=\"w.jpg\">"
                                     "<figcaption>The new wall at dawn, seen from the lighthouse on the north pier. "
                                     "Photo: Jane Doe</figcaption></figure><div class=\"lead-element--video\">Video "
                                     "Loading Click to play The video will auto-play soon, then the next one</div>" +
                                     kProse));
  EXPECT_EQ(media.lead.find("The new wall at dawn"), std::string::npos) << media.lead;
  EXPECT_EQ(media.lead.find("Video Loading"), std::string::npos) << media.lead;
}

TEST(MetaByline, Russian) {
  const Article a = run(page("", "<h1>Дунайский коридор</h1><p class=\"meta\">Автор: Иван Петров</p>"
                                 "<p>После блокады черноморских портов украинские аграрии перенаправили экспорт на "
                                 "Дунай, и за два года маршрут стал главной артерией агроэкспорта страны.</p>"
                                 "<p>Пропускная способность портов выросла, но очереди судов остаются длинными, "
                                 "а стоимость фрахта за последний год подорожала вдвое.</p>",
                             "ru"));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Иван Петров"}));
  EXPECT_EQ(a.sources.authors, "byline");
}

TEST(MetaByline, UkrainianWithRole) {
  const Article a = run(page("", "<h1>Дунайський коридор</h1><div class=\"byline\">Автор: Ольга Коваленко, "
                                 "кореспондент</div><p>Після блокади чорноморських портів українські аграрії "
                                 "переорієнтували експорт на Дунай, і за два роки маршрут став головною артерією "
                                 "агроекспорту країни.</p><p>Пропускна спроможність портів зросла, але черги суден "
                                 "залишаються довгими, а вартість фрахту за останній рік подвоїлася.</p>",
                             "uk"));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ольга Коваленко"}));
}

TEST(MetaByline, ThePlaceAfterTheNameAndAPreparedByLeadIn) {
  const std::string prose =
      "<p>Після блокади чорноморських портів українські аграрії переорієнтували експорт на Дунай, і за два роки "
      "маршрут став головною артерією агроекспорту країни.</p><p>Пропускна спроможність портів зросла, але черги "
      "суден залишаються довгими, а вартість фрахту за останній рік подвоїлася.</p>";
  const Article place = run(page("", "<h1>Дунайський коридор</h1><div class=\"byline\">Ольга Сидоренко, Київ</div>" +
                                         prose, "uk"));
  EXPECT_EQ(place.authors, (std::vector<std::string>{"Ольга Сидоренко"}));
  const Article two = run(page("", "<h1>Дунайський коридор</h1><div class=\"byline\">Ольга Сидоренко, Іван "
                                   "Петренко</div>" + prose, "uk"));
  EXPECT_EQ(two.authors, (std::vector<std::string>{"Ольга Сидоренко", "Іван Петренко"}));
  const Article from = run(page("", "<h1>Breakwater finished</h1><div class=\"byline\">By Jane Doe reporting from "
                                    "Bergen</div>" + kProse));
  EXPECT_EQ(from.authors, (std::vector<std::string>{"Jane Doe"}));
  const Article prepared = run(page("", "<h1>Дунайский коридор</h1><div class=\"byline\">Материал подготовил "
                                        "Сергей Смирнов</div>" + prose, "ru"));
  EXPECT_EQ(prepared.authors, (std::vector<std::string>{"Сергей Смирнов"}));
}

TEST(MetaByline, EnglishTwoAuthorsWithoutEmailOrPrompt) {
  const Article a = run(page("", "<h1>Breakwater</h1><div class=\"byline\">By <a href=\"/a\">Jane Doe</a> and "
                                 "<a href=\"/b\">John Roe</a> | jane@h.example | Email the author</div>" +
                                     kProse));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
}

TEST(MetaByline, GermanVon) {
  const Article a = run(page("", "<h1>Der Damm</h1><p>Von Anna Fink</p><p>Die Hafenbehörde hat am Dienstag "
                                 "erklärt, dass der neue Wellenbrecher vor den Winterstürmen fertig wird, nach zwei "
                                 "Jahren Verzögerung wegen steigender Kosten.</p><p>Die Fischer begrüßten die "
                                 "Nachricht, obwohl einige sagten, die Arbeiten hätten sie bereits eine Saison "
                                 "gekostet.</p>",
                             "de"));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Anna Fink"}));
}

TEST(MetaByline, LeadInsOfMoreScripts) {
  // Arabic's "by the pen of", Hebrew's "by", Greek's "writes:", Hindi's "author:", Italian's "edited by".
  const std::pair<const char*, const char*> cases[] = {{"بقلم أحمد علي", "أحمد علي"},
                                                       {"מאת דנה כהן", "דנה כהן"},
                                                       {"Γράφει: Μαρία Παπαδοπούλου", "Μαρία Παπαδοπούλου"},
                                                       {"लेखक: राहुल शर्मा", "राहुल शर्मा"},
                                                       {"A cura di Marco Rossi", "Marco Rossi"}};
  for (const auto& [byline, name] : cases) {
    const Article a = run(page("", std::string("<h1>Breakwater</h1><p class=\"byline\">") + byline + "</p>" + kProse));
    EXPECT_EQ(a.authors, (std::vector<std::string>{name})) << byline;
  }
}

TEST(MetaByline, RelAuthorLink) {
  const Article a = run(page("", "<h1>Breakwater</h1><p><a rel=\"author\" href=\"/u/jd\">Jane Doe</a></p>" + kProse));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  // Any case, among other rel words; and, with no byline near the headline, an author box in the footer.
  const Article b = run(page("", "<h1>Breakwater</h1><p><a rel=\"nofollow Author\" href=\"/u/jd\">Jane Doe</a></p>" +
                                     kProse));
  EXPECT_EQ(b.authors, (std::vector<std::string>{"Jane Doe"}));
  std::string long_body;
  for (int i = 0; i < 8; ++i) long_body += kProse;
  const Article c = run(page("", "<h1>Breakwater</h1>" + long_body +
                                     "<footer><p>About: <a rel=\"AUTHOR\" href=\"/u/rr\">Rita Roe</a></p></footer>"));
  EXPECT_EQ(c.authors, (std::vector<std::string>{"Rita Roe"}));
  const Article d = run(page("", "<h1>Breakwater</h1><p><a rel=\"authority\" href=\"/x\">Harbour Board</a></p>" + kProse));
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Harbour Board"}));  // "author" inside a longer word counts too
}

TEST(MetaByline, TheStorySignedAfterItsEnd) {
  std::string long_body;
  for (int i = 0; i < 8; ++i) long_body += kProse;
  // Far below the headline: a "Written by" line, or an element named for its author.
  const Article a = run(page("", "<h1>Breakwater</h1>" + long_body + "<div>Written by <a href=\"/c/jd\">Jane Doe</a></div>"));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(a.sources.authors, "byline");
  const Article b = run(page("", "<h1>Breakwater</h1>" + long_body + "<div class=\"post-author\">Rita Roe</div>"));
  EXPECT_EQ(b.authors, (std::vector<std::string>{"Rita Roe"}));
  // The body's last 1,500 characters are what a reader sees: a template's indentation does not use them up.
  const std::string indent = "\n" + std::string(900, ' ');
  const std::string indented_tail = "<p>" + indent + "The fishermen will be paid for the lost season, the board said." +
                                    indent + "</p><p>" + indent + "Work on the second arm starts in May." + indent +
                                    "</p>";
  const Article e = run(page("", "<h1>Breakwater</h1>" + long_body + "<div class=\"post-author\">Rita Roe</div>" +
                                     indented_tail));
  EXPECT_EQ(e.authors, (std::vector<std::string>{"Rita Roe"}));
  // Not a comment's author, and not over the page's declaration of itself as the author.
  const Article c = run(page("", "<h1>Breakwater</h1>" + long_body +
                                     "<section class=\"comments\"><div class=\"comment-author\">Rita Roe</div>"
                                     "<p>Great piece, thank you for writing it.</p></section>"));
  EXPECT_TRUE(c.authors.empty());
  const std::string ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
                         "\"Organization\",\"name\":\"Harbour News\"},\"publisher\":{\"@type\":\"Organization\","
                         "\"name\":\"Harbour News\"}}</script><meta property=\"og:site_name\" content=\"Harbour News\">";
  const Article d = run(page(ld, "<h1>Breakwater</h1>" + long_body + "<div class=\"byline\">red, Agenturen</div>"));
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Harbour News"}));
}

TEST(MetaByline, ALabelAndTheNameOnTheNextLineWithWhiteSpaceBetween) {
  const Article a = run(page("", "<h1>Breakwater</h1>\n  <div>\n    <div>Written by</div>\n   \n    "
                                 "<div>Jane Doe</div>\n  </div>\n" +
                                     kProse));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(a.sources.authors, "byline");
}

TEST(MetaNames, Cleaning) {
  std::vector<std::string> names;
  meta::clean_authors("By Jane Doe, Staff Writer", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Jane Doe"}));
  names.clear();
  meta::clean_authors("Written by Rob Ewaschuk Edited by Betsy Beyer", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Rob Ewaschuk"}));
  names.clear();
  meta::clean_authors("By Lucas Nolan22 Dec 2016", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Lucas Nolan"}));
  names.clear();
  // Credentials and job titles after a name are no authors; an organisation is.
  meta::clean_authors("Dylan Bailey, MS, RD, FAND", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Dylan Bailey"}));
  names.clear();
  meta::clean_authors("Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Benjamin Johnson", "Atlas Van Lines"}));
  names.clear();
  meta::clean_authors("Andrew Hayden, Software Engineer on Google Play", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Andrew Hayden"}));
  names.clear();
  meta::clean_authors("Organization for Transformative Works", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Organization for Transformative Works"}));
  names.clear();
  // "By" glued to the name; a declared name surname first; two surnames in a visible byline stay two.
  meta::clean_authors("BySummer Swann", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Summer Swann"}));
  names.clear();
  meta::clean_authors("Roy, Aniruddha", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Aniruddha Roy"}));
  names.clear();
  // Given names with initials or the particle the surname keeps ("Kooman, F.", "Jong, Michiel de"); two
  // names written out stay two.
  for (const auto& [declared, name] : {std::pair<const char*, const char*>{"Kooman, F.", "F. Kooman"},
                                       {"Jong, Michiel de", "Michiel de Jong"},
                                       {"Kaufman, Jeff T.", "Jeff T. Kaufman"}}) {
    meta::clean_authors(declared, &names);
    EXPECT_EQ(names, (std::vector<std::string>{name})) << declared;
    names.clear();
  }
  meta::clean_authors("Jane Doe, John Roe", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  names.clear();
  meta::clean_authors("Roy, Aniruddha; Patel, Jyoti", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Aniruddha Roy", "Jyoti Patel"}));
  names.clear();
  meta::clean_authors("Smith, Jones", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Smith", "Jones"}));
  names.clear();
  // A place after a full name in a visible byline; an agency in capitals or small letters is an author.
  meta::clean_authors("Ines Zöttl, Washington", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Ines Zöttl"}));
  names.clear();
  meta::clean_authors("Adam Vidler, AFP", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Adam Vidler", "AFP"}));
  names.clear();
  meta::clean_authors("VonJana Schmidt", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Jana Schmidt"}));
  names.clear();
  meta::clean_authors("Bradley M. Kuhn (http://ebb.org/bkuhn/)", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Bradley M. Kuhn"}));
  names.clear();
  meta::clean_authors("jane@example.com", &names);
  EXPECT_TRUE(names.empty());
  names.clear();
  meta::clean_authors("Автори: Іван Петренко та Ольга Коваленко", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Іван Петренко", "Ольга Коваленко"}));
  names.clear();
  // A date in an element of its own leaves no name; "Last updated" goes whole after a name.
  meta::clean_authors("March 17, 2025", &names, meta::NameEvidence::visible);
  EXPECT_TRUE(names.empty());
  meta::clean_authors("Sat, 12 Oct 2025", &names, meta::NameEvidence::visible);
  EXPECT_TRUE(names.empty());
  meta::clean_authors("Craig McCarthy Last updated on 17 December 2025", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Craig McCarthy"}));
  names.clear();
  meta::clean_authors("James Last", &names, meta::NameEvidence::visible);  // a surname, with no update after it
  EXPECT_EQ(names, (std::vector<std::string>{"James Last"}));
  names.clear();
  // A visible name ends capitalised, or in a newsroom's collective word.
  meta::clean_authors("EdTech Content writer", &names, meta::NameEvidence::visible);
  meta::clean_authors("Insights from", &names, meta::NameEvidence::visible);
  EXPECT_TRUE(names.empty());
  meta::clean_authors("Vincent van Gogh", &names, meta::NameEvidence::visible);
  meta::clean_authors("The Currency editors", &names, meta::NameEvidence::visible);
  EXPECT_EQ(names, (std::vector<std::string>{"Vincent van Gogh", "The Currency editors"}));
}

// ------------------------------------------------------------------------------------------------------
// Dates

std::string iso(const std::string& text, const std::string& reference = "") {
  meta::DateTime ref, d;
  const bool has_ref = !reference.empty() && meta::parse_declared_date(reference, &ref);
  if (!meta::parse_date(text, has_ref ? &ref : nullptr, meta::NumericOrder::day_first, &d)) return "";
  return meta::to_iso(d);
}

TEST(MetaDates, ManyFormatsAndLanguages) {
  EXPECT_EQ(iso("14 марта 2022, 12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("14.03.2022"), "2022-03-14");
  // Two-digit years: the latest not after the reference's next year; without one, as POSIX reads %y.
  EXPECT_EQ(iso("Dateline: 03/09/99"), "1999-09-03");
  EXPECT_EQ(iso("EditorialNovember 22, 2018"), "2018-11-22");  // a category glued to the date by a template
  EXPECT_EQ(iso("14.03.22"), "2022-03-14");
  EXPECT_EQ(iso("14.03.27", "2026-11-26"), "2027-03-14");
  EXPECT_EQ(iso("14.03.95", "2026-11-26"), "1995-03-14");
  EXPECT_EQ(iso("Mar 14, 2022"), "2022-03-14");
  EXPECT_EQ(iso("Mar. 14, 2022"), "2022-03-14");
  EXPECT_EQ(iso("March 14th, 2022 at 3:05 pm EDT"), "2022-03-14T15:05:00-04:00");
  EXPECT_EQ(iso("2022-03-14T12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("2022-03-14T12:30:15.120+03:00"), "2022-03-14T12:30:15+03:00");
  EXPECT_EQ(iso("Published: 14. März 2022"), "2022-03-14");
  EXPECT_EQ(iso("le 14 mars 2022 à 08h12"), "2022-03-14");
  EXPECT_EQ(iso("14 de marzo de 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 березня 2022 року"), "2022-03-14");
  EXPECT_EQ(iso("14 marca 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 marzo 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 de março de 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 maart 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 сакавіка 2022"), "2022-03-14");     // Belarusian
  EXPECT_EQ(iso("14 октомври 2022 г."), "2022-10-14");  // Bulgarian, Macedonian
  EXPECT_EQ(iso("14. децембар 2022."), "2022-12-14");   // Serbian
  EXPECT_EQ(iso("14. prosinca 2022."), "2022-12-14");   // Croatian
  EXPECT_EQ(iso("14 желтоқсан 2022"), "2022-12-14");    // Kazakh
  EXPECT_EQ(iso("14 martie 2022"), "2022-03-14");       // Romanian
  EXPECT_EQ(iso("2022. március 14."), "2022-03-14");    // Hungarian
  EXPECT_EQ(iso("14. maaliskuuta 2022"), "2022-03-14"); // Finnish
  EXPECT_EQ(iso("14 Maret 2022"), "2022-03-14");        // Indonesian
  EXPECT_EQ(iso("14 listopada 2022"), "2022-11-14");    // Polish November, not Croatian October
  EXPECT_EQ(iso("2022年3月14日"), "2022-03-14");
  // Digits of other scripts: full-width (Japanese), Arabic-Indic, Persian, Devanagari.
  EXPECT_EQ(iso("２０２２年３月１４日"), "2022-03-14");
  EXPECT_EQ(iso("١٤ مارس ٢٠٢٢"), "2022-03-14");
  EXPECT_EQ(iso("۱۴/۰۳/۲۰۲۲"), "2022-03-14");
  EXPECT_EQ(iso("१४ मार्च २०२२"), "2022-03-14");
  // Month names in Greek, Arabic (Egypt's and the Levant's), Hebrew (with its "in") and Hindi.
  EXPECT_EQ(iso("14 Μαρτίου 2022, 12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("14 مارس 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 آذار 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 במרץ 2022"), "2022-03-14");
  EXPECT_EQ(iso("14 मार्च 2022"), "2022-03-14");
  EXPECT_EQ(iso("χθες", "2022-03-15T10:00:00Z"), "2022-03-14");
  EXPECT_EQ(iso("أمس", "2022-03-15T10:00:00Z"), "2022-03-14");
  // A Solar Hijri year is no Gregorian one: "۱۴۰۱/۱۲/۲۳" is not read as 1401.
  EXPECT_EQ(iso("۱۴۰۱/۱۲/۲۳"), "");
  EXPECT_EQ(iso("2022년 3월 14일"), "2022-03-14");
  EXPECT_EQ(iso("Mon, 14 Mar 2022 12:30:00 GMT"), "2022-03-14T12:30:00Z");
  EXPECT_EQ(iso("03/14/2022"), "2022-03-14");  // the day cannot be 14th month: month first
  // The year's word between the date and its clock time.
  EXPECT_EQ(iso("14 марта 2022 г., 12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("14 марта 2022 года в 12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("14 березня 2022 року, 12:30"), "2022-03-14T12:30:00");
  EXPECT_EQ(iso("14 березня 2022 р. о 12:30"), "2022-03-14T12:30:00");
}

TEST(MetaDates, ADatelineWhoseBlocksTouchReadsAsLines) {
  // "<p>Luke Kim</p><small>December 17, 2025</small>": a browser lays out "Luke Kim" and the date apart;
  // concatenated as bytes they read "Luke KimDecember 17, 2025", which is no date.
  const Article a = run(page("", "<h1>Introducing the accelerator</h1><div class=\"resource-author-details\"><p>Luke "
                                 "Kim</p><small>December 17, 2025</small></div>" +
                                     kProse));
  EXPECT_EQ(a.published.substr(0, 10), "2025-12-17");
  EXPECT_EQ(a.sources.published, "dateline");
}

TEST(MetaDates, ADateStandingLooseBetweenBlocksIsALine) {
  // A blog's post in a <fieldset>: its title a <legend>, its date loose text before the body's <div>.
  const Article a = run(page("", "<div class=\"title\"><h1><a href=\"/\">RogerBW's Blog</a></h1></div><fieldset>"
                                 "<legend>Advent of Code 2025 week 2</legend> 20 December 2025 <div class=\"body\">" +
                                     kProse + "</div></fieldset>"));
  EXPECT_EQ(a.published.substr(0, 10), "2025-12-20");
}

TEST(MetaDates, ATimeInAnAsideOfTheStorysOwnArticle) {
  // Post metadata in an <aside> of the post's <article> is the post's; an <aside> beside it is not.
  const Article a = run(page("", "<header><h1>Cory's site</h1></header><main><article><aside><time datetime=\"2021-06-06\">"
                                 "June 6, 2021</time></aside><h2>A brief intro to git</h2>" +
                                     kProse + "</article></main>"));
  EXPECT_EQ(a.published, "2021-06-06");
  const Article b = run(page("", "<main><article><h2>A brief intro to git</h2>" + kProse + "</article><aside><p>Popular: "
                                 "<time datetime=\"2021-06-06\">June 6, 2021</time></p></aside></main>"));
  EXPECT_EQ(b.published, "");
}

TEST(MetaDates, TheDayTheUrlFilesTheStoryUnder) {
  // With nothing else dated, the canonical URL's path: /2022/03/14/, /2022-03-14-slug, /20220314/ (RIA).
  for (const char* url : {"https://h.example/news/2022/03/14/breakwater", "https://h.example/2022-03-14-breakwater",
                          "https://ria.example/20220314/breakwater-1778189187.html"}) {
    Article a = run(page(std::string("<link rel=\"canonical\" href=\"") + url + "\">", "<article>" + kProse +
                                                                                      "</article>"));
    EXPECT_EQ(a.published, "2022-03-14") << url;
    EXPECT_EQ(a.sources.published, "url") << url;
  }
  // Eight digits that are an id, not a day; a day glued to more digits.
  for (const char* url : {"https://h.example/item/12345678/breakwater", "https://h.example/p/202203149/x"}) {
    Article a = run(page(std::string("<link rel=\"canonical\" href=\"") + url + "\">", "<article>" + kProse +
                                                                                      "</article>"));
    EXPECT_EQ(a.published, "") << url;
  }
}

TEST(MetaDates, RelativeDatesNeedTheReference) {
  EXPECT_EQ(iso("вчера, 18:40", "2022-03-15"), "2022-03-14T18:40:00");
  EXPECT_EQ(iso("yesterday", "2022-03-01"), "2022-02-28");
  EXPECT_EQ(iso("сьогодні", "2022-03-15"), "2022-03-15");
  EXPECT_EQ(iso("јуче у 14:20", "2022-03-15"), "2022-03-14T14:20:00");  // Serbian
  EXPECT_EQ(iso("днес, 09:15", "2022-03-15"), "2022-03-15T09:15:00");  // Bulgarian
  EXPECT_EQ(iso("3 hours ago", "2022-03-15T02:00"), "2022-03-14");
  EXPECT_EQ(iso("vor 2 Tagen", "2022-03-15"), "2022-03-13");
  EXPECT_EQ(iso("14 марта, 12:30", "2022-03-15"), "2022-03-14T12:30:00");  // no year: the reference's
  EXPECT_EQ(iso("вчера"), "");                                              // no reference: no date
  EXPECT_EQ(iso("14 марта"), "");
}

TEST(MetaDates, NotDates) {
  EXPECT_EQ(iso("© 2021 Harbour News"), "");
  EXPECT_EQ(iso("Copyright 2019-2024"), "");
  EXPECT_EQ(iso("Version 1.2.3.4"), "");
  EXPECT_EQ(iso("March 2022"), "");  // a month is not a day
  EXPECT_EQ(iso("31.02.2022"), "");
  EXPECT_EQ(iso("It may rain on 14 people"), "");
}

TEST(MetaDates, DatelineNearTheHeadlineWithReference) {
  const Article a = run(page("", "<h1>Дунайский коридор</h1><div class=\"date\">вчера, 18:40</div>"
                                 "<p>После блокады черноморских портов украинские аграрии перенаправили экспорт на "
                                 "Дунай, и за два года маршрут стал главной артерией агроэкспорта страны.</p>"
                                 "<p>Пропускная способность портов выросла, но очереди судов остаются длинными, "
                                 "а стоимость фрахта за последний год подорожала вдвое.</p>",
                             "ru"),
                        "2024-11-13");
  EXPECT_EQ(a.published, "2024-11-12T18:40:00");
  EXPECT_EQ(a.sources.published, "dateline");
}

TEST(MetaDates, AnUpdateInParenthesesIsTheModifiedDate) {
  const Article a = run(page("", "<h1>Дунайский коридор</h1><div class=\"date\">12.11.2024, 14:35 (обновлено "
                                 "13.11.2024, 10:00)</div>"
                                 "<p>После блокады черноморских портов украинские аграрии перенаправили экспорт на "
                                 "Дунай, и за два года маршрут стал главной артерией агроэкспорта страны.</p>"
                                 "<p>Пропускная способность портов выросла, но очереди судов остаются длинными, "
                                 "а стоимость фрахта за последний год подорожала вдвое.</p>",
                             "ru"));
  EXPECT_EQ(a.published, "2024-11-12T14:35:00");
  EXPECT_EQ(a.modified, "2024-11-13T10:00:00");
  EXPECT_EQ(a.sources.modified, "dateline");
}

// A JSON-LD Article that declares `published`, for the shown-date tests.
std::string article_declaring(const std::string& published) {
  return R"(<script type="application/ld+json">{"@type":"Article","headline":"Breakwater done",)"
         R"("datePublished":")" + published + R"("}</script>)";
}

TEST(MetaDates, WrittenOutDatelineUnderTheHeadlineOverrulesTheDeclaration) {
  // An SEO plugin's datePublished is the day the URL was first saved; the page shows another day.
  const Article a = run(page(article_declaring("2019-08-11T10:00:00Z"),
                             "<h1>Breakwater done</h1><div class=\"meta\">Jane Doe \xE2\x80\xA2 November 21, 2025</div>" +
                                 kProse));
  EXPECT_EQ(a.published, "2025-11-21");
  EXPECT_EQ(a.sources.published, "dateline");
  // A numeric dateline ("09.10.2024": which order? a clip's date?) does not overrule it.
  const Article b = run(page(article_declaring("2019-08-11T10:00:00Z"),
                             "<h1>Breakwater done</h1><div class=\"meta\">Audio 03:07 | 25.04.24</div>" + kProse));
  EXPECT_EQ(b.published, "2019-08-11T10:00:00Z");
  EXPECT_EQ(b.sources.published, "json-ld");
  // Nor does a masthead's "today" above the headline.
  const Article c = run(page(article_declaring("2019-08-11T10:00:00Z"),
                             "<div class=\"top\">Wednesday, December 3, 2025</div><h1>Breakwater done</h1>" + kProse));
  EXPECT_EQ(c.published, "2019-08-11T10:00:00Z");
}

TEST(MetaDates, OnlyAnUpdateShownStandsForThePublication) {
  // The page's only date is "Last updated …": the declaration's first-save day yields to it.
  const Article a = run(page(article_declaring("2015-04-06T13:52:00-04:00"),
                             "<h1>Breakwater done</h1><p class=\"stamp\">Last updated: Sep 4, 2025</p>" + kProse));
  EXPECT_EQ(a.published, "2025-09-04");
  // With no declaration at all, it is still the page's date.
  const Article b = run(page("", "<h1>Breakwater done</h1><p class=\"stamp\">Updated on July 9, 2025</p>" + kProse));
  EXPECT_EQ(b.published, "2025-07-09");
  // A name glued to the label by the template ("Jane DoeUpdated") is still an update line.
  const Article c = run(page("", "<h1>Breakwater done</h1><p class=\"stamp\">By Jane DoeUpdated: Dec 19, 2025</p>" + kProse));
  EXPECT_EQ(c.published, "2025-12-19");
  EXPECT_EQ(c.authors, (std::vector<std::string>{"Jane Doe"}));
  // When the page also says when it was published, even to the month, the update is only an update.
  const Article d = run(page("", "<h1>Breakwater done</h1><p class=\"stamp\">Originally published in March 2022. "
                                 "Last updated on December 20, 2024.</p>" + kProse));
  EXPECT_TRUE(d.published.empty()) << d.published;
  EXPECT_EQ(d.modified, "2024-12-20");
}

TEST(MetaDates, DateInTheHeadlinesOwnBlock) {
  // The date shares a block with the <h1> and a back link: read as a line of its own.
  const Article a = run(page("", "<div><a href=\"/blog\">Back to the harbour blog</a><h1>Token-count batching makes "
                                 "embedding queries faster and cheaper for everyone</h1><span>December 18, 2025</span>"
                                 "<span> \xE3\x83\xBB 3 min read</span></div>" + kProse));
  EXPECT_EQ(a.published, "2025-12-18");
  EXPECT_EQ(a.sources.published, "dateline");
}

TEST(MetaDates, ReviewedLabelInItsOwnCellAndAMonthAreNotAPublicationDay) {
  const Article a = run(page("", "<h1>Oral health</h1>" + kProse +
                                     "<div class=\"field\"><div class=\"field__label\">Date Last Reviewed:</div>"
                                     "<div class=\"field__item\"><time datetime=\"2025-04-14T12:00:00Z\">April 2025</time>"
                                     "</div></div>"));
  EXPECT_TRUE(a.published.empty()) << a.published << " from " << a.sources.published;
}

// ------------------------------------------------------------------------------------------------------
// Calibrated silence

TEST(MetaSilence, UndatedProductPage) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"Product","name":"Granite block",
    "offers":{"@type":"Offer","price":"12.00","priceValidUntil":"2026-12-31"}}</script>)";
  const Article a = run(page(ld + "<meta property=\"og:type\" content=\"product\">",
                             "<h1>Granite block</h1><p>Hard grey granite, cut to size, 40 by 20 by 20 centimetres, "
                             "for breakwaters, walls and garden paths. Sold by the pallet.</p>"));
  EXPECT_TRUE(a.published.empty()) << a.published;
  EXPECT_TRUE(a.sources.published.empty());
  EXPECT_EQ(a.page_type, "product");
}

TEST(MetaSilence, CopyrightFooterCommentsTeasersAndScriptsAreNotTheDate) {
  const std::string body =
      "<h1>Breakwater</h1>" + kProse +
      "<script>var published = \"2022-03-14T10:00:00Z\"; window.cfg = {date: \"2022-03-14\"};</script>"
      "<aside class=\"related\"><h3>Related</h3><a href=\"/old\">Old storm story</a> <span>March 3, 2021</span></aside>"
      "<section class=\"comments\"><div class=\"comment\">Great news! <time datetime=\"2022-03-15\">March 15, 2022"
      "</time></div></section>"
      "<footer><p>© 2021 Harbour News. All rights reserved.</p><p>Updated 2024</p></footer>";
  const Article a = run(page("", body));
  EXPECT_TRUE(a.published.empty()) << a.published << " from " << a.sources.published;
  EXPECT_TRUE(a.modified.empty()) << a.modified;
}

TEST(MetaSilence, WebPageRecordIsNotAPublicationDate) {
  const std::string ld = R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"About us",
    "datePublished":"2015-06-04T18:42:54+00:00","dateModified":"2024-01-02T10:00:00+00:00"}]}</script>)";
  const Article a = run(page(ld, "<h1>About us</h1>" + kProse));
  EXPECT_TRUE(a.published.empty()) << a.published;
}

TEST(MetaSilence, EmptyPageHasNoMetadata) {
  const Article a = run(page("", "<p>Short.</p>"));
  EXPECT_TRUE(a.published.empty());
  EXPECT_TRUE(a.authors.empty());
  EXPECT_TRUE(a.site_name.empty());
  EXPECT_TRUE(a.image.url.empty());
}

// ------------------------------------------------------------------------------------------------------
// Language

TEST(MetaLanguage, TextWinsOverAWrongHtmlLang) {
  const Article a = run(page("", "<h1>Дунайський коридор</h1><p>Після блокади чорноморських портів українські "
                                 "аграрії переорієнтували експорт на Дунай, і за два роки маршрут став головною "
                                 "артерією агроекспорту країни.</p><p>Пропускна спроможність портів зросла, але "
                                 "черги суден залишаються довгими, а вартість фрахту за останній рік подвоїлася.</p>",
                             "en"));
  EXPECT_EQ(a.language, "uk");
  EXPECT_EQ(a.sources.language, "text");
}

TEST(MetaLanguage, AgreementKeepsTheRegion) {
  const Article a = run(page("", kProse, "en-gb"));
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.sources.language, "text");
}

TEST(MetaLanguage, ADeclaredEnglishIsCheckedAgainstTheText) {
  // Declared English over prose in Dutch and in German (which share some short words with English):
  // the text wins.
  const Article dutch = run(page("", "<h1>De nieuwe golfbreker</h1><p>De havenautoriteit heeft dinsdag gezegd dat "
                                     "de nieuwe golfbreker klaar is voor de winterstormen, na twee jaar vertraging door "
                                     "stijgende kosten en een tekort aan graniet.</p><p>Vissers die de haven elke dag "
                                     "gebruiken, waren blij met het nieuws, al zeiden sommigen dat het werk hun al een "
                                     "seizoen had gekost.</p>",
                                 "en"));
  EXPECT_EQ(dutch.language, "nl");
  const Article german = run(page("", "<h1>Der Damm</h1><p>Die Hafenbehörde hat am Dienstag erklärt, was in diesem "
                                      "Winter an der Küste gebaut wird, so wie es die Fischer seit Jahren fordern, und "
                                      "wann die Arbeiten an dem neuen Wellenbrecher beginnen.</p><p>Die Fischer "
                                      "begrüßten die Nachricht, obwohl einige sagten, die Arbeiten hätten sie bereits "
                                      "eine Saison gekostet.</p>",
                                  "en"));
  EXPECT_EQ(german.language, "de");
  // No declaration: English prose is English, read from the text.
  const Article undeclared = run(page("", "<h1>Breakwater</h1>" + kProse, ""));
  EXPECT_EQ(undeclared.language, "en");
  EXPECT_EQ(undeclared.sources.language, "text");
  // Too short a text to say anything: the declaration stands.
  const Article short_text = run(page("", "<p>Ok.</p>", "en"));
  EXPECT_EQ(short_text.language, "en");
  EXPECT_EQ(short_text.sources.language, "meta");
}

TEST(MetaLanguage, ShortTextFallsBackToTheDeclaration) {
  const Article a = run(page("", "<p>Ok.</p>", "pt-BR"));
  EXPECT_EQ(a.language, "pt-BR");
  EXPECT_EQ(a.sources.language, "meta");
}

// ------------------------------------------------------------------------------------------------------
// The JSON carries every field and its source

TEST(MetaJson, FieldsAndSources) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Wall",
    "author":"Jane Doe","datePublished":"2022-03-14"}</script>)";
  const std::string json = to_json(run(page(ld, kProse)));
  EXPECT_NE(json.find("\"authors\":[\"Jane Doe\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"published\":\"2022-03-14\""), std::string::npos);
  EXPECT_NE(json.find("\"sources\":{"), std::string::npos);
  EXPECT_NE(json.find("\"published\":\"json-ld\""), std::string::npos);
  EXPECT_NE(json.find("\"language\":\"en\""), std::string::npos);
}

TEST(MetaOptions, MetadataCanBeTurnedOff) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","author":"Jane Doe",
    "datePublished":"2022-03-14"}</script>)";
  Options options;
  options.include_metadata = false;
  Article a;
  ASSERT_TRUE(extract(page(ld, kProse), options, &a).ok());
  EXPECT_TRUE(a.authors.empty());
  EXPECT_TRUE(a.published.empty());
}

// ------------------------------------------------------------------------------------------------------
// Front matter (Markdown) and header (text), on request only

Article rendered_article() {
  Article a;
  a.title = "Wall \"done\"";
  a.authors = {"Jane Doe", "Іван Петренко"};
  a.published = "2022-03-14";
  a.language = "en";
  a.image = {"https://h.example/w.jpg", "", "Photo: J. Roe"};
  a.related = {{"Old storm", "https://h.example/old"}};
  Block p;
  p.text = "Body.";
  a.blocks.push_back(p);
  return a;
}

TEST(MetaRender, MarkdownFrontMatter) {
  const Article a = rendered_article();
  EXPECT_EQ(to_markdown(a), "Body.\n");
  RenderOptions options;
  options.front_matter = true;
  EXPECT_EQ(to_markdown(a, options),
            "---\n"
            "title: \"Wall \\\"done\\\"\"\n"
            "authors: [\"Jane Doe\", \"Іван Петренко\"]\n"
            "published: \"2022-03-14\"\n"
            "language: \"en\"\n"
            "image:\n"
            "  url: \"https://h.example/w.jpg\"\n"
            "  credit: \"Photo: J. Roe\"\n"
            "related:\n"
            "  - title: \"Old storm\"\n"
            "    url: \"https://h.example/old\"\n"
            "---\n"
            "\n"
            "Body.\n");
}

TEST(MetaRender, TextHeader) {
  const Article a = rendered_article();
  EXPECT_EQ(to_text(a), "Body.\n");
  RenderOptions options;
  EXPECT_EQ(to_text(a, options), "Body.\n");
  options.header = true;
  EXPECT_EQ(to_text(a, options),
            "Title: Wall \"done\"\n"
            "Authors: Jane Doe, Іван Петренко\n"
            "Published: 2022-03-14\n"
            "Language: en\n"
            "Image: https://h.example/w.jpg (Photo: J. Roe)\n"
            "\n"
            "Body.\n");
}

TEST(MetaRender, FigureLendsCaptionAndCreditToTheDeclaredImage) {
  const Article a = run(page("<meta property=\"og:image\" content=\"https://h.example/img/wall-1200x630.jpg\">",
                             "<h1>Wall</h1><figure><img src=\"https://h.example/img/wall-800.jpg\"><figcaption>The new "
                             "wall at dawn. Photo: Jo Roe</figcaption></figure>" +
                                 kProse));
  EXPECT_EQ(a.image.url, "https://h.example/img/wall-1200x630.jpg");
  EXPECT_EQ(a.image.credit, "Photo: Jo Roe");
}

}  // namespace
}  // namespace lede
