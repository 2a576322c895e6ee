// The bundled example page (examples/news-page.html) through the library: the story comes out whole, in
// order, with its title, quotes and photo credit, and none of the page's chrome comes with it.
// Strings here are the page's own; when the page changes, change them together.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "lede/extract.h"
#include "lede/render.h"

namespace {

constexpr std::string_view kHeadline =
    "Аналитик Мельник: Дунайский коридор стал главной артерией украинского агроэкспорта";

// Every paragraph of the story, by its opening words, in reading order: the standfirst, then the body.
const std::vector<std::string> kStoryOpenings = {
    "Ольга Мельник: Если не вложиться в дноуглубление",
    "После блокады черноморских портов украинские аграрии",
    "\"Еще три года назад дунайские порты",
    "Она напомнила, что в начале осени румынская",
    "По словам аналитика, пропускная способность",
    "«Проблема не в том, что маршрут не работает.",
    "Мельник также сослалась на слова заместителя министра",
    "«Я разговаривала с владельцами нескольких элеваторов",
    "По ее мнению, решающим станет соглашение с Румынией",
    "\"Сейчас у нас есть окно возможностей",
};

// The "Контекст" box at the end of the body (an <aside> inside the article's text): background the editors
// wrote for this story, so part of it, as a reader of the page sees it.
const std::vector<std::string> kContextOpenings = {
    "В июле 2023 года Россия вышла из так называемой",
    "По данным Министерства аграрной политики",
};

// The closing words of the body paragraphs: a paragraph cut short would lose them.
const std::vector<std::string> kStoryEndings = {
    "аналитик аграрного рынка Ольга Мельник.",
    "его продиктовала война\", – написала Мельник.",
    "за последние десять лет.",
    "подорожал вдвое.",
    "из своего кармана», – считает автор.",
    "модернизацию железнодорожной ветки к Измаилу.",
    "большие деньги сюда не придут», – написала Мельник.",
    "вернуться к довоенному уровню.",
    "а не после войны\", – подытожила Мельник.",
};

// What the page carries around the story. None of it is the article.
const std::vector<std::string> kChrome = {
    // the currency ticker
    "41.27", "43.65", "Курс доллара",
    // the menu toggle's labels
    "menu closed", "menu open",
    // the weather widget
    "weather", "Киев",
    // the language switcher
    "languages", "Українська", "English", "Русский",
    // navigation, search and the section bar
    "Главная", "Политика", "Культура", "Поиск по сайту", "Агрорынок",
    // tags
    "Теги:", "агроэкспорт",
    // share buttons and the channel promo
    "Поделиться", "Facebook", "Telegram", "Viber", "Скопировать ссылку", "Подписывайтесь на наш канал",
    // the "read also" rail, the most-read list and the other blogs
    "Читайте также", "Правительство утвердило новые тарифы", "Урожай кукурузы в этом году",
    "В Измаиле открыли новый перевалочный терминал", "Самое читаемое", "Гривна до конца года",
    "Румыния расширит пограничный пункт", "Другие блоги", "Зима покажет, чему энергетики",
    // ad slots
    "Реклама",
    // the footer
    "Все права защищены", "При цитировании материалов", "Мнение авторов блогов", "О проекте",
    "Политика конфиденциальности", "Контакты",
    // the cookie banner
    "Мы используем файлы cookie", "Принять", "Подробнее",
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class ExamplePage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    html_ = new std::string(read_file(std::string(LEDE_EXAMPLES) + "/news-page.html"));
    article_ = new lede::Article;
    status_ = new lede::Status(lede::extract(*html_, lede::Options{}, article_));
    text_ = new std::string(lede::to_text(*article_));
  }
  static void TearDownTestSuite() {
    delete html_;
    delete article_;
    delete status_;
    delete text_;
  }

  static std::string* html_;
  static lede::Article* article_;
  static lede::Status* status_;
  static std::string* text_;
};

std::string* ExamplePage::html_ = nullptr;
lede::Article* ExamplePage::article_ = nullptr;
lede::Status* ExamplePage::status_ = nullptr;
std::string* ExamplePage::text_ = nullptr;

TEST_F(ExamplePage, Extracts) {
  ASSERT_GT(html_->size(), 10000u) << "examples/news-page.html is missing or truncated";
  ASSERT_TRUE(status_->ok()) << status_->message();
  EXPECT_EQ(article_->encoding, "UTF-8");
  EXPECT_FALSE(article_->truncated);
}

TEST_F(ExamplePage, TitleIsTheHeadline) { EXPECT_EQ(article_->title, kHeadline); }

TEST_F(ExamplePage, HeadlineIsNotRepeatedInTheBody) {
  EXPECT_EQ(text_->find(kHeadline), std::string::npos) << *text_;
  for (const lede::Block& block : article_->blocks) EXPECT_NE(block.text, kHeadline);
}

TEST_F(ExamplePage, EveryParagraphComesOutInOrder) {
  std::size_t last = 0;
  for (const std::string& opening : kStoryOpenings) {
    std::size_t at = text_->find(opening);
    EXPECT_NE(at, std::string::npos) << "lost: " << opening;
    if (at == std::string::npos) continue;
    EXPECT_GE(at, last) << "out of order: " << opening;
    last = at;
  }
}

TEST_F(ExamplePage, ParagraphsAreWhole) {
  for (const std::string& ending : kStoryEndings) EXPECT_NE(text_->find(ending), std::string::npos) << "lost: " << ending;
}

TEST_F(ExamplePage, NoChrome) {
  for (const std::string& chrome : kChrome) EXPECT_EQ(text_->find(chrome), std::string::npos) << "leaked: " << chrome;
}

TEST_F(ExamplePage, NoChromeInMarkdown) {
  std::string markdown = lede::to_markdown(*article_);
  for (const std::string& chrome : kChrome) EXPECT_EQ(markdown.find(chrome), std::string::npos) << "leaked: " << chrome;
}

TEST_F(ExamplePage, ContextBoxIsKept) {
  std::size_t story_end = text_->find("а не после войны\", – подытожила Мельник.");
  for (const std::string& opening : kContextOpenings) {
    std::size_t at = text_->find(opening);
    EXPECT_NE(at, std::string::npos) << "lost: " << opening;
    if (at != std::string::npos && story_end != std::string::npos) {
      EXPECT_GT(at, story_end) << "out of order: " << opening;
    }
  }
  EXPECT_NE(text_->find("подсолнечное масло."), std::string::npos) << "lost the end of the context box";
}

// The byline line under the headline carries a view counter ("2 417"): a number for the page, not the story.
TEST_F(ExamplePage, NoViewCounter) {
  EXPECT_EQ(text_->find("2 417"), std::string::npos) << *text_;
}

TEST_F(ExamplePage, PhotoCreditIsTheFiguresCredit) {
  const lede::Block* figure = nullptr;
  for (const lede::Block& block : article_->blocks) {
    if (block.kind == lede::BlockKind::figure) {
      figure = &block;
      break;
    }
  }
  ASSERT_NE(figure, nullptr) << "no figure block";
  EXPECT_NE(figure->credit.find("Фото: Дмитрий Савчук"), std::string::npos) << "credit: " << figure->credit;
  EXPECT_NE(figure->caption.find("Баржи с кукурузой у причала в порту Измаил"), std::string::npos)
      << "caption: " << figure->caption;
  EXPECT_EQ(figure->caption.find("Фото:"), std::string::npos) << "the credit stayed in the caption: " << figure->caption;
  EXPECT_NE(figure->src.find("izmail-barges-1200.jpg"), std::string::npos) << "src: " << figure->src;
}

TEST_F(ExamplePage, BlockquotesAreQuoteBlocks) {
  const std::vector<std::string> quoted = {"«Проблема не в том, что маршрут не работает.",
                                           "«Я разговаривала с владельцами нескольких элеваторов"};
  for (const std::string& opening : quoted) {
    bool found = false;
    for (const lede::Block& block : article_->blocks) {
      if (block.text.find(opening) == std::string::npos) continue;
      found = true;
      EXPECT_EQ(block.kind, lede::BlockKind::quote) << "not a quote block: " << opening;
    }
    EXPECT_TRUE(found) << "lost: " << opening;
  }
  // Quotes written inline in a paragraph stay paragraphs.
  for (const lede::Block& block : article_->blocks) {
    if (block.text.starts_with("\"Еще три года назад")) {
      EXPECT_EQ(block.kind, lede::BlockKind::paragraph);
    }
  }
}

TEST_F(ExamplePage, QuotationsNameTheirSpeakers) {
  // Four quotations: three credited to the analyst ("– написала Мельник", "– подытожила Мельник"), one to
  // "автор" ("– считает автор"), who is the column's one author, Ольга Мельник;
  // the short quoted name of the publication is not a quotation.
  ASSERT_EQ(article_->quotes.size(), 4u);
  int by_melnyk = 0;
  for (const lede::Quote& q : article_->quotes) {
    ASSERT_LT(q.block, article_->blocks.size());
    EXPECT_NE(article_->blocks[q.block].text.find(q.text), std::string::npos) << q.text;
    EXPECT_EQ(q.text.find("Делового вестника"), std::string::npos) << q.text;
    by_melnyk += q.speaker == "Мельник";
  }
  EXPECT_EQ(by_melnyk, 3);
  EXPECT_EQ(article_->quotes[1].speaker, "Ольга Мельник");
  EXPECT_EQ(article_->quotes[1].speaker_as_written, "автор");
  EXPECT_TRUE(article_->quotes[1].text.starts_with("Проблема не в том, что маршрут не работает.")) << article_->quotes[1].text;
}

TEST_F(ExamplePage, MarkdownQuotesAndEmphasis) {
  std::string markdown = lede::to_markdown(*article_);
  EXPECT_NE(markdown.find("> «Проблема не в том"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("*Быстрое*"), std::string::npos) << markdown;
}

TEST_F(ExamplePage, JsonHasTitleAndText) {
  std::string json = lede::to_json(*article_);
  EXPECT_NE(json.find(std::string("\"title\":\"") + std::string(kHeadline) + "\""), std::string::npos);
  EXPECT_NE(json.find("\"text\":\""), std::string::npos);
  EXPECT_NE(json.find("После блокады черноморских портов"), std::string::npos);
}

}  // namespace
