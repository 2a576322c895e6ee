// The clean stage's vocabulary lookups and the assemble stage's loose title comparison, on their own: the
// class-word reading, the boilerplate-line rules and their phrase search, and the title key.
#include <gtest/gtest.h>

#include <string>

#include "assemble/compare.h"
#include "clean/vocabulary.h"

namespace lede {
namespace {

using clean::Hint;
using clean::classify_names;
using clean::has;
using clean::is_boilerplate_line;
using clean::looks_like_credit;

TEST(Vocabulary, ClassWordsAreReadWholeAndByPrefixAcrossHumpsAndSeparators) {
  EXPECT_TRUE(has(classify_names("site-nav"), Hint::chrome));
  EXPECT_TRUE(has(classify_names("shareButtons"), Hint::chrome));         // "share*", split at the hump
  EXPECT_TRUE(has(classify_names("sharedaddy"), Hint::chrome));           // a prefix entry
  EXPECT_TRUE(has(classify_names("entry-content"), Hint::content));
  EXPECT_TRUE(has(classify_names("entry-content"), Hint::body));          // story word + body word
  EXPECT_FALSE(has(classify_names("entry sidebar-content"), Hint::body)); // the pair stands in two names
  EXPECT_FALSE(has(classify_names("navigator"), Hint::chrome));           // "nav" is whole, not a prefix
  EXPECT_TRUE(has(classify_names("vjs-control-text"), Hint::chrome));     // a player's "Loaded: 0%"
  EXPECT_TRUE(has(classify_names("bloque-publicidad"), Hint::chrome));    // names in the site's language
  EXPECT_TRUE(has(classify_names("noticiasRelacionadas"), Hint::related));
  EXPECT_TRUE(has(classify_names("kommentare-box"), Hint::comments));
  EXPECT_FALSE(has(classify_names("video-js"), Hint::chrome));            // the player itself: its <video>
  EXPECT_EQ(classify_names("flex mt-4 col-md-8"), Hint::none);
  EXPECT_EQ(classify_names(""), Hint::none);
}

TEST(Vocabulary, AWordLongerThanTheTokenizerKeepsItsPrefixEntriesOnly) {
  // 40 letters: cut to its first 32, it still starts with "share" and "sidebar", and equals no whole word.
  EXPECT_TRUE(has(classify_names("sharethisbuttonsbarforallthearticlepages"), Hint::chrome));
  EXPECT_TRUE(has(classify_names("sidebarwidgetareaforthelongestnameever1"), Hint::weak_chrome));
  EXPECT_EQ(classify_names("navnavnavnavnavnavnavnavnavnavnavnavnav"), Hint::none);
}

TEST(Vocabulary, StateWordsAtomicCssAndJoinedHiddenForms) {
  EXPECT_FALSE(has(classify_names("has-sidebar"), Hint::weak_chrome));  // a state, not a sidebar
  EXPECT_FALSE(has(classify_names("no-ads"), Hint::chrome));
  EXPECT_FALSE(has(classify_names("Mstart(137px)--modalMinWidth"), Hint::chrome));
  EXPECT_TRUE(has(classify_names("sr-only"), Hint::hidden));
  EXPECT_TRUE(has(classify_names("visually-hidden"), Hint::hidden));
  EXPECT_TRUE(has(classify_names("screen-reader-text"), Hint::hidden));
  EXPECT_TRUE(has(classify_names("d-none"), Hint::hidden));       // only as the joined form "dnone"
  EXPECT_FALSE(has(classify_names("d-none-md"), Hint::hidden));   // not one of the joined forms
  EXPECT_TRUE(has(classify_names("hide"), Hint::hidden));
  EXPECT_TRUE(has(classify_names("hidden-xs"), Hint::hidden));    // hidden somewhere: weighed as hidden
  EXPECT_TRUE(has(classify_names("card is-hidden"), Hint::hidden));
  EXPECT_FALSE(has(classify_names("hide-from-toc no-link"), Hint::hidden));  // left out of the contents
  EXPECT_FALSE(has(classify_names("hiddenFromSearch"), Hint::hidden));
  EXPECT_TRUE(has(classify_names("hide from"), Hint::hidden));    // two names: "from" is not its condition
  EXPECT_TRUE(has(classify_names("sign-in-group"), Hint::chrome));
  EXPECT_TRUE(has(classify_names("logIn"), Hint::chrome));
}

TEST(Vocabulary, SeparatorsAndTopicLabelsStandingAloneAreBoilerplate) {
  for (const char* line : {"|", " | ", "•", "· ·", "/", "—", "-", "Themen", "Thema:", "Placeholder Image", "x", "×", "✕"})
    EXPECT_TRUE(is_boilerplate_line(line)) << line;
  // A label in brackets or behind an arrow is the label.
  for (const char* line : {"(Back to top)", "[ Back To The Top ]", "^ back to top", "Next >>", "« Previous", "Top of Page"})
    EXPECT_TRUE(is_boilerplate_line(line)) << line;
  EXPECT_FALSE(is_boilerplate_line("(Back to the harbour we sailed)"));
  // A row of a post's controls; a row of words that are not all labels stays.
  EXPECT_TRUE(is_boilerplate_line("[reply] [top]"));
  EXPECT_TRUE(is_boilerplate_line("Reply | Report"));
  EXPECT_FALSE(is_boilerplate_line("Reply | Jane Doe"));
  EXPECT_FALSE(is_boilerplate_line("Quote:"));
  // A story's scene and section breaks stay.
  for (const char* line : {"* * *", "***", "___", "--- ---", "1 | 2"}) EXPECT_FALSE(is_boilerplate_line(line)) << line;
}

TEST(Vocabulary, BoilerplateLinesAreFoundWhereverTheirPhraseStands) {
  // A prompt phrase in the middle of a line of up to 320 bytes.
  EXPECT_TRUE(is_boilerplate_line("Never miss a story: Subscribe to our weekly briefing and get it first."));
  EXPECT_TRUE(is_boilerplate_line("Die Redaktion braucht deine Unterstützung, jeden Monat."));
  // The same phrase in a long paragraph is prose.
  const std::string prose(400, 'x');
  EXPECT_FALSE(is_boilerplate_line(prose + " subscribe to our newsletter"));
  // A consent placeholder at any length up to 1,200 bytes, with capitals folded.
  const std::string consent =
      "Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche EINWILLIGUNG notwendig. " + std::string(300, 'y');
  EXPECT_TRUE(is_boilerplate_line(consent));
  EXPECT_FALSE(is_boilerplate_line("Eingebettete Inhalte sind ein Thema dieses Artikels. " + std::string(300, 'y')));
  EXPECT_TRUE(is_boilerplate_line("Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu "
                                  "in unserer Datenschutzerklärung."));
  // Cyrillic capitals fold: "ВСЕ ПРАВА ЗАЩИЩЕНЫ", and a reading time.
  EXPECT_TRUE(is_boilerplate_line("© 2024 Издание. ВСЕ ПРАВА ЗАЩИЩЕНЫ"));
  EXPECT_TRUE(is_boilerplate_line("Время чтения: 4 мин"));
  EXPECT_TRUE(is_boilerplate_line("Share this article"));
  EXPECT_TRUE(is_boilerplate_line("  Read more: "));
  EXPECT_FALSE(is_boilerplate_line("The council met on Tuesday to read more than forty letters from residents."));
  EXPECT_TRUE(is_boilerplate_line("Continua após a publicidade"));  // Brazilian sites' inline ad marker
  EXPECT_TRUE(is_boilerplate_line("Leia também: Prefeitura anuncia nova linha de bonde"));
  EXPECT_TRUE(is_boilerplate_line("Comentários"));
  // Capitals of Latin Extended-A, Greek and the whole Cyrillic block fold too; labels in more languages.
  EXPECT_TRUE(is_boilerplate_line("Інші новини"));
  EXPECT_TRUE(is_boilerplate_line("Мнение редакции может не совпадать с мнением автора"));
  EXPECT_TRUE(is_boilerplate_line("Хочешь знать больше? Подписывайся!"));
  EXPECT_TRUE(is_boilerplate_line("Показати більше"));
  EXPECT_FALSE(is_boilerplate_line("Использование материалов дела показало, что суд ошибся."));
  EXPECT_TRUE(is_boilerplate_line("ZOBACZ TAKŻE: Sejm przyjął ustawę o transporcie"));
  EXPECT_TRUE(is_boilerplate_line("Čtěte také: Vláda schválila rozpočet"));
  EXPECT_TRUE(is_boilerplate_line("Διαβάστε επίσης: Νέα γραμμή τραμ στη Θεσσαλονίκη"));
  EXPECT_TRUE(is_boilerplate_line("ΣΧΌΛΙΑ"));
  EXPECT_TRUE(is_boilerplate_line("Baca juga: Pemkot umumkan jalur trem baru"));
  EXPECT_TRUE(is_boilerplate_line("اقرأ أيضا: البلدية تعلن خط ترام جديد"));
  EXPECT_TRUE(is_boilerplate_line("यह भी पढ़ें: नगर निगम ने नई ट्राम लाइन की घोषणा की"));
  EXPECT_TRUE(is_boilerplate_line("Paylaş"));
  EXPECT_TRUE(is_boilerplate_line("続きを読む"));
  EXPECT_TRUE(is_boilerplate_line("관련기사"));
  EXPECT_FALSE(is_boilerplate_line("Baca juga buku ini jika Anda ingin memahami sejarah kota yang panjang itu."));
  // Bylines and photo credits in more languages; a sentence that opens the same way is prose.
  EXPECT_TRUE(is_boilerplate_line("Tekst: Kari Nordmann"));
  EXPECT_TRUE(is_boilerplate_line("Oleh: Budi Santoso"));
  EXPECT_TRUE(is_boilerplate_line("بقلم: أحمد علي"));
  EXPECT_FALSE(is_boilerplate_line("Oleh karena itu, dewan kota menunda pemungutan suara."));
  EXPECT_TRUE(looks_like_credit("Fot. Jan Kowalski / Agencja Gazeta"));
  EXPECT_TRUE(looks_like_credit("צילום: משה כהן"));
  EXPECT_TRUE(looks_like_credit("写真：共同通信"));
  EXPECT_TRUE(looks_like_credit("摄影：新华社记者 王鹏"));
  EXPECT_TRUE(looks_like_credit("تصوير: أحمد حسن"));
  EXPECT_TRUE(looks_like_credit("फोटो: पीटीआई"));
  EXPECT_TRUE(looks_like_credit("사진제공 연합뉴스"));
  EXPECT_FALSE(looks_like_credit("Fotografia to jego pasja od dzieciństwa, mówi burmistrz."));
  // A caption's lead-ins that open no line of their own: a chart's source, a sentence on an agency.
  EXPECT_TRUE(looks_like_credit("Image source: Mises Institute"));
  EXPECT_FALSE(looks_like_credit("Source: World Bank, 2024"));
  EXPECT_FALSE(looks_like_credit("Reuters reported the deal on Monday."));
  EXPECT_TRUE(is_boilerplate_line("Ошибка в тексте? Выделите её мышкой и нажмите Ctrl + Enter"));
  EXPECT_TRUE(is_boilerplate_line("При використанні матеріалів посилання на сайт обов'язкове"));
  EXPECT_TRUE(is_boilerplate_line("Материалы по теме"));
  EXPECT_TRUE(is_boilerplate_line("Следите за новостями в нашем Telegram"));
  EXPECT_FALSE(is_boilerplate_line("Президент написал в Telegram, что переговоры продолжатся в пятницу."));
  // The site's channels elsewhere, its tags and its loading notice; news that mentions them stays.
  EXPECT_TRUE(is_boilerplate_line("Читайте РБК-Украина в Telegram"));
  EXPECT_TRUE(is_boilerplate_line("Больше новостей — на нашем канале в Дзен"));
  EXPECT_TRUE(is_boilerplate_line("Теги: Москва, мост"));
  EXPECT_TRUE(is_boilerplate_line("Загрузка..."));
  EXPECT_FALSE(is_boilerplate_line("Читайте, что пишут в Telegram-каналах о переговорах в Стамбуле, в нашем обзоре "
                                   "на следующей неделе, когда станут известны все подробности встречи."));
  // Older Russian and Ukrainian pages' tools and counters, a reprint notice and a slash breadcrumb.
  for (const char* line : {"Версия для печати", "Обсудить на форуме", "Просмотров: 1234", "Переглядів: 845",
                           "Отправить другу", "Сообщить об ошибке", "Наверх",
                           "Перепечатка материалов разрешена только со ссылкой на источник",
                           "Главная / Новости / Общество"})
    EXPECT_TRUE(is_boilerplate_line(line)) << line;
  EXPECT_FALSE(is_boilerplate_line("Назад в прошлое: как город выглядел сто лет назад, рассказывают архивы."));
  EXPECT_FALSE(is_boilerplate_line("Главная улица города будет закрыта до пятницы."));
  // "Comments (12)" stays: it is where the story ends (assemble/comment_heading.cc).
  EXPECT_FALSE(is_boilerplate_line("Comments (12)"));
  EXPECT_FALSE(is_boilerplate_line("Комментарии (5)"));
  for (const char* line : {"Printer-friendly version", "Email this story", "Send to a friend", "Artikel drucken",
                           "Nach oben", "Envoyer à un ami", "Views: 1234"})
    EXPECT_TRUE(is_boilerplate_line(line)) << line;
  // CJK datelines, bylines and share buttons; CJK sentences that hold a date stay.
  EXPECT_TRUE(is_boilerplate_line("2025年1月13日 20時01分"));
  EXPECT_TRUE(is_boilerplate_line("2025년 5월 15일 오후 3:20"));
  EXPECT_TRUE(is_boilerplate_line("(责编：牛镛、岳弘彬)"));
  EXPECT_TRUE(is_boilerplate_line("신현주 기자 spicy@hankookilbo.com"));
  EXPECT_TRUE(is_boilerplate_line("はてなブックマーク"));
  EXPECT_FALSE(is_boilerplate_line("2025年1月13日に政府が新しい方針を発表した。"));
  EXPECT_FALSE(is_boilerplate_line("Email: drdavidday@aol.com"));  // a contact line is a page's content
  EXPECT_FALSE(is_boilerplate_line("For more information, email conference@sit.edu"));
}

TEST(Vocabulary, DatelinesAndMetaLinesAreShortAndSplitIntoFewWords) {
  EXPECT_TRUE(is_boilerplate_line("12 ноября 2024, 14:35"));
  EXPECT_TRUE(is_boilerplate_line("Posted 2 days ago"));
  EXPECT_TRUE(is_boilerplate_line("1,693 views"));
  EXPECT_TRUE(is_boilerplate_line("42 points 2 days ago"));  // a thread's post counter and its time
  EXPECT_TRUE(is_boilerplate_line("3 replies"));
  EXPECT_FALSE(is_boilerplate_line("He scored 42 points in the final."));
  // Seventeen words with a date are a sentence's worth, not a dateline.
  EXPECT_FALSE(is_boilerplate_line("one two three four five six seven eight nine ten eleven twelve thirteen "
                                   "fourteen fifteen sixteen May 2024"));
}

TEST(Vocabulary, HeadingsThatOpenTheComments) {
  using clean::announces_comments;
  EXPECT_TRUE(announces_comments("59 Comments on “The December Comfort Watches”"));
  EXPECT_TRUE(announces_comments("3 Responses to Tram line approved"));
  EXPECT_TRUE(announces_comments("Leave a Reply"));
  EXPECT_TRUE(announces_comments("Комментарии (12)"));
  EXPECT_TRUE(announces_comments("1,204 comments"));
  EXPECT_FALSE(announces_comments("Comments"));        // a tutorial's section on code comments
  EXPECT_FALSE(announces_comments("12 replies"));      // a forum thread's replies are its content
  EXPECT_FALSE(announces_comments("Comments on the draft law"));
}

TEST(Compare, TheTitleKeyIsComparedWithoutBuildingTheParagraphsKey) {
  const std::string key = assemble::comparable("«Київ» — Є і Ї: Straße “42”");
  EXPECT_TRUE(assemble::has_comparable_key("КИЇВ - є і ї: straße \"42\"", key));
  EXPECT_FALSE(assemble::has_comparable_key("КИЇВ - є і ї: straße \"42\" and more", key));
  EXPECT_FALSE(assemble::has_comparable_key("КИЇВ", key));
  // Case folds as every stage folds it: Latin-1, Latin Extended-A and Greek too.
  EXPECT_EQ(assemble::comparable("ÉCOLE ŁÓDŹ ΆΘΗΝΑ"), assemble::comparable("école łódź άθηνα"));
  EXPECT_TRUE(assemble::has_comparable_key("", ""));
  EXPECT_TRUE(assemble::has_comparable_key(" — ", ""));
  EXPECT_FALSE(assemble::has_comparable_key("a", ""));
}

}  // namespace
}  // namespace lede
