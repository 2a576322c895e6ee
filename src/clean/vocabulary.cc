// The vocabularies themselves. Words are matched whole, or as a prefix where the entry ends in '*', against
// the lower-cased words of a class/id value. Add words here, never as literals in the scorer.
#include "clean/vocabulary.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "decode/utf8.h"

namespace lede::clean {
namespace {

struct Word {
  std::string_view word;
  Hint hint;
};

// Class/id words. '*' = prefix match ("share*" matches "sharedaddy", "sharethis").
constexpr Word kWords[] = {
    // Navigation and site structure.
    {"nav", Hint::chrome}, {"navbar*", Hint::chrome}, {"navigation", Hint::chrome}, {"menu*", Hint::chrome},
    {"megamenu", Hint::chrome}, {"submenu", Hint::chrome}, {"breadcrumb*", Hint::chrome},
    {"crumbs", Hint::chrome}, {"footer*", Hint::weak_chrome}, {"masthead", Hint::chrome},
    {"topbar", Hint::chrome}, {"toolbar", Hint::chrome}, {"sidebar*", Hint::weak_chrome},
    {"rail", Hint::weak_chrome}, {"pagination", Hint::chrome},
    {"pager", Hint::chrome}, {"skip", Hint::weak_chrome}, {"skiplink*", Hint::chrome},
    {"copyright", Hint::weak_chrome}, {"sitemap", Hint::weak_chrome}, {"header", Hint::weak_chrome},
    {"disclaimer*", Hint::chrome},
    {"hamburger", Hint::chrome}, {"dropdown", Hint::weak_chrome}, {"offcanvas", Hint::chrome},
    // Sharing, following, printing.
    {"share*", Hint::chrome}, {"social*", Hint::chrome}, {"follow", Hint::weak_chrome},
    {"print", Hint::weak_chrome}, {"addthis", Hint::chrome}, {"bookmark*", Hint::weak_chrome},
    {"partage", Hint::chrome}, {"compartir", Hint::chrome}, {"compartilhar", Hint::chrome},
    {"condividi", Hint::chrome}, {"teilen", Hint::chrome},
    // Media players' own controls and their labels ("Play Video", "Loaded: 0%", "Fullscreen"): video.js,
    // MediaElement.js, Plyr.
    {"vjs", Hint::chrome}, {"mejs", Hint::chrome}, {"plyr", Hint::chrome},
    // Ads and promotion.
    {"ad", Hint::chrome}, {"ads", Hint::chrome}, {"adv", Hint::chrome}, {"advert*", Hint::chrome},
    {"adslot*", Hint::chrome}, {"adunit*", Hint::chrome}, {"adsense", Hint::chrome},
    {"dfp", Hint::chrome}, {"banner*", Hint::chrome}, {"promo*", Hint::chrome},
    // "Advertisement" as other languages name it in class names.
    {"werbung", Hint::chrome}, {"reklama", Hint::chrome}, {"reklam", Hint::chrome}, {"publicite", Hint::chrome},
    {"publicidad", Hint::chrome}, {"pubblicita", Hint::chrome}, {"publicidade", Hint::chrome},
    {"reclame", Hint::chrome}, {"mainos", Hint::chrome}, {"annonse", Hint::chrome}, {"iklan", Hint::chrome},
    {"sponsor*", Hint::chrome}, {"commercial", Hint::chrome}, {"affiliate*", Hint::chrome},
    // Prompts, banners and overlays.
    {"popup*", Hint::chrome}, {"modal*", Hint::chrome}, {"overlay", Hint::chrome},
    {"cookie*", Hint::chrome}, {"consent*", Hint::chrome}, {"gdpr", Hint::chrome},
    {"newsletter*", Hint::chrome}, {"subscri*", Hint::chrome}, {"signup", Hint::chrome},
    {"login", Hint::chrome}, {"regwall", Hint::chrome}, {"registration", Hint::chrome},
    // Widgets: tickers, weather, currency, language switchers, search.
    {"ticker*", Hint::chrome}, {"weather*", Hint::chrome}, {"currency*", Hint::chrome},
    {"exchange", Hint::weak_chrome}, {"lang", Hint::weak_chrome}, {"langs", Hint::weak_chrome},
    {"language*", Hint::weak_chrome}, {"switcher", Hint::weak_chrome}, {"search*", Hint::weak_chrome},
    {"clock", Hint::weak_chrome}, {"tagcloud", Hint::weak_chrome}, {"tags", Hint::weak_chrome},
    {"byline", Hint::weak_chrome}, {"dateline", Hint::weak_chrome}, {"meta", Hint::weak_chrome},
    {"author", Hint::weak_chrome}, {"bio", Hint::weak_chrome}, {"avatar", Hint::weak_chrome},
    // Captions and credits outside <figcaption>: part of a figure, not of the text.
    {"caption*", Hint::caption}, {"credit*", Hint::caption},
    // Comments.
    {"comment", Hint::comments}, {"comments", Hint::comments}, {"commentlist", Hint::comments}, {"disqus*", Hint::comments}, {"respond", Hint::comments},
    {"replies", Hint::comments}, {"discussion", Hint::comments}, {"kommentare", Hint::comments},
    {"commentaires", Hint::comments}, {"comentarios", Hint::comments}, {"commenti", Hint::comments},
    {"komentarze", Hint::comments}, {"kommentarer", Hint::comments}, {"reacties", Hint::comments},
    // Related-content rails.
    {"related*", Hint::related}, {"recommend*", Hint::related}, {"outbrain*", Hint::related},
    {"taboola*", Hint::related}, {"zergnet", Hint::related}, {"popular", Hint::related},
    {"trending", Hint::related}, {"mostread", Hint::related}, {"readmore", Hint::related},
    {"teaser*", Hint::related}, {"more", Hint::related}, {"also", Hint::related},
    {"upnext", Hint::related}, {"next", Hint::related}, {"prev", Hint::related}, {"previous", Hint::related},
    {"relacionad*", Hint::related}, {"correlat*", Hint::related}, {"similaire*", Hint::related},
    {"verwandt*", Hint::related}, {"meistgelesen", Hint::related},
    // Hidden text.
    {"hidden", Hint::hidden}, {"hide", Hint::hidden}, {"sronly", Hint::hidden},
    {"sr", Hint::hidden}, {"invisible", Hint::hidden}, {"offscreen", Hint::hidden},
    {"visuallyhidden", Hint::hidden}, {"screenreader*", Hint::hidden}, {"dnone", Hint::hidden},
    // The article body.
    {"article*", Hint::content}, {"content", Hint::content}, {"entry", Hint::content},
    {"post", Hint::content}, {"story*", Hint::content}, {"body", Hint::content},
    {"text", Hint::content}, {"main", Hint::content}, {"maincontent", Hint::content},
    {"prose", Hint::content}, {"richtext", Hint::content}, {"blogpost", Hint::content},
    {"postbody", Hint::content}, {"articlebody", Hint::content}, {"news", Hint::content},
};

// Whole short texts that are chrome wherever they stand (lower-case; compared after trimming).
constexpr std::string_view kChromePhrases[] = {
    "share", "share this", "share this article", "share on facebook", "share on twitter", "tweet",
    "email", "e-mail", "print", "menu", "menu open", "menu closed", "open menu", "close menu", "close",
    "x", "\xC3\x97", "\xE2\x9C\x95", "\xE2\x9C\x96",  // a close button's glyph: x, ×, ✕, ✖
    "search", "subscribe", "sign in", "sign up", "log in", "login", "register", "advertisement",
    "advertising", "ad", "sponsored", "read more", "continue reading", "skip to content",
    "skip to main content", "back to top", "languages", "language", "comments", "leave a comment",
    "loading...", "loading", "загрузка", "завантаження", "toggle navigation", "previous", "next", "copy link", "copied",
    "show caption", "hide caption", "table of contents", "contents", "in this article", "on this page", "jump to", "содержание",
    "зміст", "inhalt", "inhaltsverzeichnis", "sommaire", "índice", "indice", "spis treści",
    "реклама", "поделиться", "читать далее", "подробнее", "меню", "поиск", "войти", "подписаться",
    "комментарии", "реклама на сайте", "читайте также", "реклама", "поширити", "читайте також",
    "werbung", "anzeige", "teilen", "publicité", "partager", "publicidad", "compartir", "pubblicità",
    "condividi", "reklama", "udostępnij", "advertentie", "delen",
    // Labels whose value stands in another element: "By" | "Jane Doe", "Posted on" | a date.
    "by", "written by", "edited by", "posted by", "posted on", "reviewed by", "fact checked by", "published",
    "updated", "last updated", "category", "categories", "tags", "back to blog", "skip to the content",
    "article continues below", "story continues below", "table of content", "copied!", "link copied",
    "reply", "about the author", "about the authors", "related topics", "what to read next", "この記事を書いた人",
    "об авторе", "про автора",
    // Russian and Ukrainian page tools: print, discuss, send, bookmark, rate, report a typo, back, to the top.
    "версия для печати", "версія для друку", "распечатать", "роздрукувати", "печать", "друк",
    "обсудить на форуме", "обсудить", "обговорити", "отправить другу", "надіслати другу", "добавить в избранное",
    "в избранное", "додати в обране", "оцените статью", "оцініть статтю", "сообщить об ошибке",
    "повідомити про помилку", "вернуться назад", "назад", "наверх", "вгору", "нагору", "коментарі",
    "комментировать", "коментувати", "поділитися",
    // The same tools elsewhere.
    "printer-friendly version", "printer friendly version", "print this article", "print this page",
    "print this story", "email this story", "email this article", "email this page", "send to a friend",
    "email to a friend", "report an error", "report a typo", "add to favorites", "add to favourites",
    "bookmark this page", "artikel drucken", "artikel versenden", "seite drucken", "drucken",
    "zurück", "nach oben", "imprimer", "envoyer à un ami", "retour", "haut de page", "imprimir", "volver",
    "kontaktieren sie uns", "související témata", "quellen anzeigen", "zitiervorschlag", "auf dieser seite",
    "mit video", "mostrar comentarios", "sobre la firma", "à découvrir", "メールで送る", "おすすめ情報",
    "【関連記事】", "関連記事", "相关阅读", "相關閱讀", "похожие статьи", "схожі статті", "автор", "опубликовано",
    "обновлено", "von", "veröffentlicht", "aktualisiert", "par", "publié le", "por", "publicado",
    "book a demo", "request a demo", "get a demo", "pin it", "pin it here", "share your story", "back to video",
    "empfohlener redaktioneller inhalt", "externer inhalt", "external content", "embedded content",
    "ein klick für den datenschutz", "thema", "themen", "placeholder image",
    "top of page", "back to the top", "return to top", "return to contents", "back to contents", "read on",
    "full story", "larger picture", "view larger", "view this ad", "add to wishlist", "add to my wishlist",
    // A post's controls in a thread: "[reply] [top]", "Reply | Report" ("Quote:" stays: it opens a quotation).
    "top", "report", "report abuse", "permalink", "flag",
    // Portuguese, Spanish, Italian, French
    "compartilhe", "compartilhar", "publicidade", "leia mais", "saiba mais", "comentários", "assine",
    "continua após a publicidade", "continua depois da publicidade", "continua após publicidade",
    "leer más", "comentarios", "seguir leyendo", "sigue leyendo", "continúa leyendo", "leggi di più",
    "commenti", "continua a leggere", "lire la suite", "commentaires",
    // Share buttons standing as lines of their own, and a language switch.
    "facebook", "twitter", "linkedin", "whatsapp", "telegram", "pinterest", "reddit", "viber", "line",
    "はてなブックマーク", "вконтакте", "одноклассники", "언어변경",
    // Rails' headings: what a grid of teasers beside the story is called.
    "more news", "top stories", "latest news", "most read", "most popular", "read next", "up next", "trending",
    "also in the news", "in other news",
    "editor's picks", "editor’s picks", "don't miss", "don’t miss", "más noticias", "weitere artikel",
    "mehr nachrichten", "plus d'actualités", "plus d’actualités", "altre notizie", "mais notícias",
    // "You may also like" over a rail or an inline teaser.
    "auch interessant", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "à lire également", "sur le même sujet", "te puede interesar", "también te puede interesar",
    "potrebbe interessarti anche", "você também pode gostar", "dit vind je misschien ook interessant",
    // Russian and Ukrainian rails and labels
    "материалы по теме", "новости по теме", "новости партнеров", "новости партнёров", "самое читаемое",
    "последние новости", "главное", "популярное", "другие новости", "все новости", "лента новостей", "теги",
    "метки", "новини партнерів", "останні новини", "головне", "популярне", "найпопулярніше", "інші новини",
    "всі новини", "стрічка новин", "мітки", "новини на тему", "усі новини", "новости компаний",
    "новини компаній", "самое популярное", "главные новости", "головні новини", "видео дня", "відео дня",
    "загрузить еще", "загрузить ещё", "показать еще", "показать ещё", "показати більше", "показати ще",
    "читати також", "оцените материал", "оцініть матеріал",
    // The same labels and rails in more of the web's languages: share, advertisement, read more, comments,
    // related, most read, latest news.
    "lees meer", "reacties", "meest gelezen", "laatste nieuws", "gerelateerde artikelen",  // Dutch
    "dela", "annons", "läs mer", "kommentarer", "mest läst", "senaste nytt", "relaterat",  // Swedish
    "del", "annonse", "les mer", "mest lest", "siste nytt",                              // Norwegian
    "annonce", "læs mere", "mest læste", "seneste nyt",                                  // Danish
    "jaa", "mainos", "lue lisää", "kommentit", "luetuimmat", "uusimmat",                 // Finnish
    "czytaj więcej", "komentarze", "najczęściej czytane", "najnowsze",                   // Polish
    "sdílet", "komentáře", "nejčtenější", "diskuze",                                      // Czech
    "paylaş", "reklam", "devamını oku", "ilgili haberler", "yorumlar", "en çok okunanlar",  // Turkish
    "distribuie", "publicitate", "citește mai mult", "comentarii", "cele mai citite",      // Romanian
    "megosztás", "hirdetés", "hozzászólások", "legolvasottabb", "kapcsolódó cikkek",       // Hungarian
    "κοινοποίηση", "διαφήμιση", "σχόλια", "δημοφιλή", "τελευταία νέα",                    // Greek
    "bagikan", "iklan", "baca selengkapnya", "berita terkait", "komentar", "terpopuler",   // Indonesian
    "chia sẻ", "quảng cáo", "xem thêm", "tin liên quan", "bình luận",                    // Vietnamese
    "مشاركة", "شارك", "إعلان", "اقرأ المزيد", "تعليقات", "الأكثر قراءة", "أخبار ذات صلة",  // Arabic
    "اشتراک گذاری", "تبلیغات", "بیشتر بخوانید", "اخبار مرتبط",                          // Persian
    "שתף", "פרסומת", "קרא עוד", "תגובות", "עוד כתבות",                                   // Hebrew
    "शेयर करें", "विज्ञापन", "और पढ़ें", "टिप्पणियाँ",                                          // Hindi
    "แชร์", "โฆษณา", "อ่านเพิ่มเติม", "ข่าวที่เกี่ยวข้อง", "ความคิดเห็น",                       // Thai
    "シェア", "広告", "続きを読む", "関連ニュース", "コメント", "あわせて読みたい",           // Japanese
    "分享", "广告", "廣告", "阅读全文", "閱讀全文", "相关新闻", "相關新聞", "推荐阅读", "推薦閱讀",  // Chinese
    "공유", "공유하기", "광고", "더보기", "관련기사", "관련 기사", "댓글", "많이 본 뉴스",     // Korean
    "baca juga", "lees ook", "läs också", "les også", "læs også", "lue myös", "zobacz także", "čtěte také",
    "citește și", "διαβάστε επίσης", "اقرأ أيضا", "यह भी पढ़ें", "延伸阅读", "延伸閱讀",            // "Read also"
};

// A line that gives a reading time: "5 min read", "Reading time: 11 minutes", "Lesezeit: 4 Min.".
constexpr std::string_view kReadingTimes[] = {
    "min read", "mins read", "minute read", "minutes read", "min. read", "reading time", "read time",
    "lesezeit", "lesedauer", "время чтения", "мин чтения", "минут чтения", "хв читання", "час читання",
    "temps de lecture", "min de lecture", "tiempo de lectura", "min de lectura", "czas czytania", "leestijd",
    "tempo di lettura",
};

// The last word of a relative time ("6 hours ago", "3 дня назад", "2 дні тому") and the units before it.
constexpr std::string_view kAgo[] = {"ago", "назад", "тому"};
constexpr std::string_view kTimeUnits[] = {
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "секунду", "секунды", "секунд",
    "минуту", "минуты", "минут", "час", "часа", "часов", "день", "дня", "дней", "неделю", "недели",
    "недель", "месяц", "месяца", "месяцев", "год", "года", "лет", "хвилину", "хвилини", "хвилин",
    "години", "годин", "годину", "дні", "днів", "тиждень", "тижні", "тижнів", "місяць", "місяці",
    "місяців", "рік", "роки", "років"};
// Counters a thread shows beside each post ("42 points", "3 replies").
constexpr std::string_view kCounters[] = {"points", "point", "votes", "vote", "upvotes", "likes", "replies",
                                          "reply", "баллов", "балла", "голосов", "ответов", "відповідей"};
// A view count: "1,693 views", "1 234 просмотра".
constexpr std::string_view kViews[] = {"views", "view", "просмотров", "просмотра", "просмотр", "переглядів",
                                       "перегляди", "перегляд", "aufrufe", "vues", "visitas", "wyświetleń"};

// Lead-ins of boilerplate lines.
constexpr std::string_view kChromePrefixes[] = {
    "read also", "read more:", "see also:", "related:", "related articles", "related stories",
    "recommended", "more from", "more stories", "you may also like", "you might also like",
    "subscribe to", "sign up for", "follow us", "share this", "share on ", "advertisement",
    "читайте также", "читать также", "по теме:", "смотрите также", "подписывайтесь", "читайте нас",
    "читайте також", "дивіться також", "підписуйтесь", "lesen sie auch", "mehr zum thema",
    "lire aussi", "à lire aussi", "lee también", "leggi anche", "czytaj także", "czytaj też", "lesen sie mehr",
    "latest from", "související", "seguir en:", "mehr themen auf",
    "leia também", "leia mais:", "veja também", "saiba mais:", "lea también", "vea también", "ver también",
    "voir aussi", "à voir aussi", "vedi anche", "теги:", "тэги:", "мітки:", "теги ", "tags:", "больше новостей",
    "більше новин", "просмотров:", "просмотры:", "количество просмотров", "переглядів:", "переглядів ",
    "рейтинг:", "комментариев:", "перепечатка материалов", "при перепечатке",
    "при использовании материалов", "при копировании материалов", "при цитуванні", "при використанні матеріалів",
    "передрук матеріалів", "views:",
    // "Read also:" in more of the web's languages (with its colon: "Baca juga buku ini…" is a sentence).
    "baca juga:", "lihat juga:", "lees ook:", "läs också:", "les også:", "læs også:", "lue myös:",
    "czytaj również:", "zobacz też:", "zobacz także:", "čtěte také:", "čtěte též:", "přečtěte si také:",
    "citește și:", "citeşte şi:", "olvassa el ezt is:", "διαβάστε επίσης:", "διαβάστε ακόμη:", "اقرأ أيضا:",
    "اقرأ أيضاً:", "اقرأ ايضا:", "यह भी पढ़ें:", "ये भी पढ़ें:", "đọc thêm:", "xem thêm:", "延伸阅读：",
    "延伸閱讀：", "相关阅读：", "関連記事：",
};

// Month names and their common abbreviations (lower case; Cyrillic in the genitive, as dates write them).
constexpr std::string_view kMonths[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
    "settembre", "ottobre", "dicembre", "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря", "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
    "вересня", "жовтня", "листопада", "грудня",
};

// Words that make a short paragraph a prompt (lower case, matched anywhere in the folded text).
constexpr std::string_view kPromptWords[] = {
    "newsletter", "sign up", "signing up", "subscribe to", "create a free account", "create an account",
    "already have an account", "log in to", "sign in to", "privacy notice", "enable javascript",
    "aktivieren sie javascript", "javascript aktivieren", "registration is free", "inscrivez-vous",
    "abonnez-vous", "suscríbete", "boletín", "iscriviti", "zapisz się", "подпишитесь", "рассылк",
    "affiliate link", "affiliate commission", "may earn a commission", "we may earn", "paid promotion",
    "advertising on our site", "subscribe now", "subscribers only", "reserved for subscribers",
    "for subscribers", "nur für abonnenten", "für abonnenten", "réservé aux abonnés", "для подписчиков",
    "для передплатників", "会員限定", "会員登録", "登録すると", "詳しくはこちら", "有料会員",
    "підпишіться", "розсилк", "abonnieren sie", "jetzt anmelden", "jetzt registrieren",
    "earn a commission", "earns commissions", "earn commissions", "purchases made through",
    "check your inbox", "issue with the form", "please try again", "click a star", "rate this post",
    "rate this article", "how useful was this post", "votes - average", "pin it for later",
    "fehler gefunden", "jetzt abonnieren", "přihlaste se", "video has failed to load", "try refreshing your browser",
    "réservée aux abonnés", "il vous reste", "affiliate-links", "unterstützen sie uns", "mehr themen auf",
    "chosen independently", "we may receive compensation", "commission for products",
    // Rating and feedback prompts; calls for support; trial offers.
    "found this article helpful", "was this article helpful", "was this page helpful", "war dieser artikel hilfreich",
    "wie hat ihnen dieser artikel gefallen", "wie hat dir dieser artikel gefallen", "cet article vous a-t-il été utile",
    "¿te ha resultado útil", "был ли этот материал полезен", "чи була ця стаття корисною",
    "braucht deine unterstützung", "braucht ihre unterstützung", "support our journalism",
    "support independent journalism", "support local journalism", "soutenez notre journalisme",
    "no credit card required", "start your free trial", "start a free trial",
    // Typo reports ("Ошибка в тексте? Выделите её и нажмите Ctrl+Enter"), reuse terms, channel invitations.
    "ctrl+enter", "ctrl + enter", "ctrl+ enter", "при использовании материалов", "при копировании материалов",
    "при використанні матеріалів", "при цитуванні", "ссылка обязательна", "посилання обов'язкове",
    "посилання обов’язкове", "присоединяйтесь к нам", "следите за новостями", "приєднуйтесь до нас",
    "слідкуйте за новинами", "читайте нас у", "читайте нас в", "подписывайся", "підписуйся",
    "хочешь знать больше", "хочете знати більше",
    // Editorial disclaimers and reuse terms under a Russian or Ukrainian story.
    "мнение редакции может не совпадать", "думка редакції може не збігатися", "точка зрения редакции может",
    "на правах рекламы", "на правах реклами", "не несет ответственности за содержание",
    "не несе відповідальності за зміст", "использование материалов разрешается",
    "использование материалов сайта", "використання матеріалів дозволяється", "використання матеріалів сайту",
    // Comment rules over a comment section.
    "правила комментирования", "правил комментирования", "правил коментування", "правила коментування",
    "commenting guidelines", "comment guidelines", "for more stories like this", "マイページ",
    // Notes to readers with an ad blocker.
    "ad blocker", "adblocker", "werbeblocker", "bloqueur de publicité", "bloqueador de anuncios",
};

// A consent placeholder stands where an embed (a video, a post, a chart) waits for the reader's consent:
// "Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung … notwendig". It names the
// embedded or external content (kEmbedWords) and asks for consent or offers to show it (kConsentWords).
constexpr std::string_view kEmbedWords[] = {
    "external content", "embedded content", "third-party content", "third party content",
    "externe inhalt", "externen inhalt", "externer inhalt", "eingebettete inhalt", "eingebetteten inhalt",
    "inhalte von drittanbietern", "inhalt von drittanbietern", "drittplattform", "contenu externe",
    "contenus externes", "contenido externo", "contenidos externos", "contenuto esterno", "contenuti esterni",
    "externe inhoud", "ekstern innhold", "eksternt indhold", "externt innehåll", "treści zewnętrzn",
    "externí obsah", "obsah vložený z jiného webu", "внешний контент", "внешнего контента", "зовнішній контент",
    "inhalte von youtube", "inhalte von instagram", "inhalte von twitter", "-inhalte"};  // "YouTube-Inhalte"
constexpr std::string_view kConsentWords[] = {
    "consent", "einwilligung", "einverstanden", "zustimmung", "consentement", "consentimiento", "consenso",
    "toestemming", "samtykke", "samtycke", "zgod", "souhlas", "согласи", "згод", "anzeigen", "angezeigt",
    "anzuzeigen", "show", "display", "click", "klick", "afficher", "mostrar", "visualizza", "weergeven",
    "vis ", "visa ", "wyświetl", "zobrazit", "přeskočit", "přejít", "skip", "показать", "показати", "erlauben",
    "zulassen", "laden",
    // Where the page explains what loading it would share: "Mehr dazu in unserer Datenschutzerklärung".
    "datenschutz", "privatsphäre", "privacy policy", "privacy settings", "confidentialité", "privacidad"};

// A byline standing as a line of its own: "By Jane Doe", "Written by Jane Doe", "Автор: Иван Петров".
constexpr std::string_view kBylineLeadIns[] = {
    "by ", "by:", "written by ", "words by ", "reviewed by ", "medically reviewed by ", "edited by ",
    "posted by ", "fact checked by ", "fact-checked by ", "автор:", "автор ", "авторы:", "автори:", "von ",
    "par ", "por ", "di ", "autor:", "autorin:", "责编：", "(责编：", "（责编：", "责任编辑：", "（责任编辑：",
    "编辑：", "记者：", "記者：", "text:", "texte:", "tekst:", "texto:", "door:", "av:", "af:", "przez:",
    "oleh:", "yazar:", "penulis:", "بقلم:", "بقلم ", "文／", "文/", "撰文："};
// What opens a photo's credit, folded: a line of its own ("Image credit: © Depositphotos", "Фото: bzns.media")
// or the rest of a caption ("… in Tirana. Foto: Reuters", "(Photo: Jane Doe)"). Some open a credit only inside
// a caption: a line "Source: World Bank" under a chart is the text's, "Reuters" opens many a sentence.
struct CreditLeadIn {
  std::string_view folded;
  bool opens_line;
};
constexpr CreditLeadIn kCreditLeadIns[] = {
    {"image credit", true}, {"photo credit", true}, {"image source", true}, {"photo source", true},
    {"photo:", true}, {"photograph:", true}, {"photos:", true}, {"image:", true}, {"credit:", true},
    {"credits:", true}, {"picture:", true}, {"illustration:", true}, {"фото:", true}, {"фото ", true},
    {"світлина:", true}, {"foto:", true}, {"fotos:", true}, {"bild:", true}, {"imagen:", true},
    {"source image", true}, {"photo courtesy", true}, {"photos courtesy", true}, {"image courtesy", true},
    {"photo by ", true}, {"photograph by ", true}, {"image by ", true}, {"zdjęcie:", true}, {"fot. ", true},
    {"fot.:", true}, {"kuva:", true}, {"bilde:", true}, {"billede:", true}, {"fotó:", true},
    {"fotoğraf:", true}, {"ảnh:", true}, {"φωτογραφία:", true}, {"φωτό:", true}, {"صورة:", true},
    {"צילום:", true}, {"תמונה:", true}, {"写真：", true}, {"写真=", true}, {"图片来源：", true}, {"圖片來源：", true},
    {"사진=", true}, {"사진 =", true}, {"사진제공", true}, {"摄影：", true}, {"攝影：", true}, {"تصوير:", true},
    {"फोटो:", true}, {"फ़ोटो:", true}, {"तस्वीर:", true},
    // Inside a caption only.
    {"crédit", false}, {"crédito:", false}, {"source:", false}, {"quelle:", false}, {"fuente:", false},
    {"fonte:", false}, {"джерело:", false}, {"источник:", false}, {"©", false}, {"(c)", false},
    {"getty images", false}, {"reuters", false}, {"ap photo", false}};
constexpr std::string_view kCreditAgencies[] = {"getty images", "shutterstock", "istock", "istockphoto",
                                                "ap photo", "reuters", "afp", "depositphotos", "unsplash",
                                                "alamy", "epa", "dpa", "picture alliance", "тасс", "риа новости"};

// kWords split for lookup by their first letter (every entry starts with one): whole words, and prefixes
// (the '*' entries, without it). Most words of a page's class names ("flex", "mt", "col") meet a handful of
// entries of their letter and are rejected by length before a byte is compared. Built once.
struct WordIndex {
  std::vector<Word> whole[26];
  std::vector<Word> prefixes[26];
  WordIndex() {
    for (const Word& w : kWords) {
      const std::size_t letter = static_cast<std::size_t>(w.word.front() - 'a');
      if (w.word.back() == '*') prefixes[letter].push_back({w.word.substr(0, w.word.size() - 1), w.hint});
      else whole[letter].push_back(w);
    }
  }
};

const WordIndex& word_index() {
  static const WordIndex index;
  return index;
}

// The hint of one lower-cased word. `complete` is false when the word was cut (a class word longer than
// the tokenizer keeps): its kept start can still begin with a prefix entry, but equal no whole word.
Hint classify_word(std::string_view word, bool complete) {
  if (word.empty() || word.front() < 'a' || word.front() > 'z') return Hint::none;
  const WordIndex& index = word_index();
  const std::size_t letter = static_cast<std::size_t>(word.front() - 'a');
  Hint hint = Hint::none;
  if (complete) {
    for (const Word& w : index.whole[letter])
      if (w.word == word) hint = hint | w.hint;
  }
  for (const Word& w : index.prefixes[letter])
    if (word.starts_with(w.word)) hint = hint | w.hint;
  return hint;
}

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Trims white space and trailing ':', '.', '|', then lower-cases ASCII and the two-byte capitals whose
// lower case is two bytes too (decode::lower_code_point: Latin-1, Latin Extended-A, Greek, Cyrillic),
// in place: the phrase lists are written in lower case.
void fold_in_place(std::string* text);

std::string fold_phrase(std::string_view text) {
  std::size_t b = 0, e = text.size();
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (b < e && space(text[b])) ++b;
  while (e > b && (space(text[e - 1]) || text[e - 1] == ':' || text[e - 1] == '.' || text[e - 1] == '|')) --e;
  std::string out(text.substr(b, e - b));
  fold_in_place(&out);
  return out;
}

// Lower case in place, each letter in as many bytes as before: positions in the folded text are the text's.
void fold_in_place(std::string* text) {
  std::string& out = *text;
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c0 = static_cast<unsigned char>(out[i]);
    if (c0 < 0x80) {
      if (c0 >= 'A' && c0 <= 'Z') out[i] = static_cast<char>(c0 + 32);
      continue;
    }
    if (c0 >= 0xC2 && c0 <= 0xDF && i + 1 < n) {
      const auto c1 = static_cast<unsigned char>(out[i + 1]);
      if ((c1 & 0xC0) == 0x80) {
        const char32_t lower = decode::lower_code_point((static_cast<char32_t>(c0 & 0x1F) << 6) | (c1 & 0x3F));
        if (lower >= 0x80 && lower < 0x800) {  // not İ, whose lower case is one byte
          out[i] = static_cast<char>(0xC0 | (lower >> 6));
          out[i + 1] = static_cast<char>(0x80 | (lower & 0x3F));
        }
      }
    }
    if (c0 >= 0xC0) ++i;
  }
}

}  // namespace

Hint classify_names(std::string_view value) {
  Hint hint = Hint::none;
  // The current word, lower-cased, in place: no class word in the vocabulary is longer than this, so a
  // longer one is kept cut (`complete` false) for its prefix entries only.
  char buffer[32];
  std::size_t length = 0;
  bool complete = true;
  // A word after "has"/"with"/"no"/"show" names a state of the element, not what it is ("hasBanners",
  // "with-sidebar", "no-ads"): it says nothing.
  bool state_word = false;
  // A story word followed by a body word in one name ("article-body", "entryContent") names the body.
  bool story_word = false;
  // "sign" or "log" followed by "in" or "up" in one name ("sign-in-group", "logIn") is a sign-in wall.
  bool account_verb = false;
  // "hide" or "hidden" followed by "from" in one name ("hide-from-toc", "hiddenFromSearch") names where it
  // is left out, not that it is hidden: held back until the next word says which.
  bool hide_word = false;
  auto flush = [&] {
    if (length > 0) {
      const std::string_view word(buffer, length);
      const std::string_view whole = complete ? word : std::string_view();
      if (hide_word && whole != "from") hint = hint | Hint::hidden;
      hide_word = !state_word && (whole == "hide" || whole == "hidden");
      if (!state_word && !hide_word) hint = hint | classify_word(word, complete);
      state_word = whole == "has" || whole == "with" || whole == "no" || whole == "without" || whole == "show";
      if (story_word && (whole == "body" || whole == "content" || whole == "text")) hint = hint | Hint::body;
      story_word = whole == "article" || whole == "entry" || whole == "post" || whole == "story" || whole == "news";
      if (account_verb && (whole == "in" || whole == "up")) hint = hint | Hint::chrome;
      account_verb = whole == "sign" || whole == "log";
    }
    length = 0;
    complete = true;
  };
  bool atomic = false;  // inside an atomic-CSS class name ("Mstart(137px)--modalMinWidth"): says nothing
  // Joined forms ("sr-only" and "visually-hidden" arrive as two words): the value's letters and digits
  // run together, kept only while they can still be one of the four forms (at most 16 of them).
  char joined[16];
  std::size_t joined_length = 0;
  bool joined_fits = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    const bool alnum = is_alnum(c);
    if (alnum) {
      if (joined_length < sizeof joined) joined[joined_length++] = static_cast<char>(c | 0x20);
      else joined_fits = false;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      atomic = false;
      flush();
      if (hide_word) hint = hint | Hint::hidden;
      hide_word = false;
      story_word = false;  // the pair must stand in one class name
      account_verb = false;
    }
    if (c == '(') {
      atomic = true;
      length = 0;
      complete = true;
    }
    if (atomic) continue;
    if (!alnum) {
      flush();
      continue;
    }
    bool upper = c >= 'A' && c <= 'Z';
    // A camelCase hump starts a new word: "shareButtons" -> "share", "buttons".
    if (upper && length > 0 && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') flush();
    if (length < sizeof buffer) buffer[length++] = static_cast<char>(upper ? c - 'A' + 'a' : c);
    else complete = false;
  }
  flush();
  if (hide_word) hint = hint | Hint::hidden;
  if (joined_fits) {
    const std::string_view folded(joined, joined_length);
    if (folded == "sronly" || folded == "visuallyhidden" || folded == "screenreadertext" || folded == "dnone")
      hint = hint | Hint::hidden;
  }
  return hint;
}

namespace {

// The byte pairs a text holds, as a 4,096-bit set (a pair's key: the low six bits of each byte). A phrase
// whose first or last pair is missing is not in the text, so a line is read once for the pairs and most of
// the phrase lists below are rejected by two bit tests a phrase instead of a search each.
class BytePairs {
 public:
  static std::size_t key(unsigned char first, unsigned char second) {
    return (static_cast<std::size_t>(first & 63) << 6) | (second & 63);
  }
  void read(std::string_view text) {
    bits_.fill(0);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const std::size_t k = key(static_cast<unsigned char>(text[i]), static_cast<unsigned char>(text[i + 1]));
      bits_[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  }
  bool holds(std::size_t k) const { return (bits_[k >> 6] >> (k & 63)) & 1; }

 private:
  std::array<std::uint64_t, 64> bits_{};
};

// A list of phrases searched for anywhere in a folded line, each with the keys of its first and last byte
// pairs (a phrase of one byte has none and is always searched for).
class PhraseList {
 public:
  template <std::size_t N>
  explicit PhraseList(const std::string_view (&phrases)[N]) {
    for (std::string_view p : phrases) {
      if (p.size() >= 2) entries_.push_back({p, key_at(p, 0), key_at(p, p.size() - 2), false});
      else if (!p.empty()) entries_.push_back({p, 0, 0, true});
    }
  }
  bool any_in(std::string_view folded, const BytePairs& pairs) const {
    for (const Entry& e : entries_) {
      const bool may_hold = e.unfiltered || (pairs.holds(e.first) && pairs.holds(e.last));
      if (may_hold && folded.find(e.phrase) != std::string_view::npos) return true;
    }
    return false;
  }

 private:
  static std::size_t key_at(std::string_view p, std::size_t i) {
    return BytePairs::key(static_cast<unsigned char>(p[i]), static_cast<unsigned char>(p[i + 1]));
  }
  struct Entry {
    std::string_view phrase;
    std::size_t first, last;
    bool unfiltered;
  };
  std::vector<Entry> entries_;
};

// A short line of text, its folded form (fold_phrase) and that form's byte pairs, each made once however
// many rules read them.
class Line {
 public:
  explicit Line(std::string_view text) : raw(text) {}
  std::string_view folded() const {
    if (!folded_ready_) {
      folded_ = fold_phrase(raw);
      folded_ready_ = true;
    }
    return folded_;
  }
  // Whether a phrase of `list` stands anywhere in the folded line.
  bool holds_any(const PhraseList& list) const {
    if (!pairs_ready_) {
      pairs_.read(folded());
      pairs_ready_ = true;
    }
    return list.any_in(folded(), pairs_);
  }
  const std::string_view raw;

 private:
  mutable std::string folded_;
  mutable BytePairs pairs_;
  mutable bool folded_ready_ = false;
  mutable bool pairs_ready_ = false;
};

// Short texts that are chrome wherever they stand ("Share", "Read more", "Advertisement", "menu open",
// "Поделиться", a bare "By"), compared after case folding and trimming.
bool chrome_phrase(const Line& line) {
  const std::string_view text = line.raw;
  if (text.size() > 64) return false;
  // The phrases by their length, so that a line meets only the phrases as long as it is.
  struct ByLength {
    std::vector<std::string_view> phrases[65];
    ByLength() {
      for (std::string_view p : kChromePhrases)
        if (p.size() <= 64) phrases[p.size()].push_back(p);
    }
  };
  static const ByLength index;
  // A known label, also in brackets or behind an arrow: "(back to top)", "[ back to the top ]",
  // "^ back to top", "read on >>", "« Previous".
  static constexpr std::string_view kOpeners[] = {"(", "[", "{", "<", "^", " ", "\xC2\xAB", "\xE2\x80\xB9",
                                                  "\xE2\x86\x91", "\xE2\x96\xB2"};
  static constexpr std::string_view kClosers[] = {")", "]", "}", ">", " ", ":", ".", "\xC2\xBB", "\xE2\x80\xBA",
                                                  "\xE2\x86\x91", "\xE2\x96\xB2"};
  auto label = [&](std::string_view phrase) {
    // Most lines open and end with a letter: only a line with a wrapping byte at either end is unwrapped.
    auto wrapping = [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::strchr("([{<^ )]}>:.", c); };
    const bool wrapped = !phrase.empty() && (wrapping(phrase.front()) || wrapping(phrase.back()));
    for (bool cut = wrapped; cut;) {
      cut = false;
      for (std::string_view open : kOpeners) {
        if (!phrase.starts_with(open)) continue;
        phrase.remove_prefix(open.size());
        cut = true;
      }
      for (std::string_view close : kClosers) {
        if (!phrase.ends_with(close)) continue;
        phrase.remove_suffix(close.size());
        cut = true;
      }
    }
    if (phrase.empty() || phrase.size() > 64) return false;
    const std::vector<std::string_view>& same = index.phrases[phrase.size()];
    return std::find(same.begin(), same.end(), phrase) != same.end();
  };
  const std::string_view folded = line.folded();
  if (label(folded)) return true;
  // A row of them: "[reply] [top]", "Reply | Report".
  if (folded.find_first_of("|]") == std::string_view::npos) return false;
  std::size_t pieces = 0;
  for (std::string_view rest = folded; !rest.empty();) {
    std::size_t cut = rest.find_first_of("|]");
    std::string_view piece = rest.substr(0, cut == std::string_view::npos ? rest.size() : cut + (rest[cut] == ']'));
    rest.remove_prefix(cut == std::string_view::npos ? rest.size() : cut + 1);
    if (piece.find_first_not_of(" ") == std::string_view::npos) continue;
    if (!label(piece)) return false;
    ++pieces;
  }
  return pieces >= 2;
}

// A short paragraph that asks the reader to do something: subscribe, sign up, log in, enable JavaScript,
// accept a privacy notice, rate the post; affiliate disclosures and paywall notes.
bool prompt(const Line& line) {
  const std::string_view text = line.raw;
  if (text.size() > 320) return false;
  static const PhraseList kPrompts(kPromptWords);
  return line.holds_any(kPrompts);
}
// "Читайте РБК-Украина в Telegram", "Следите за новостями в нашем канале в Дзен": a short line that sends
// the reader to the site's channel elsewhere.
bool channel_prompt(const Line& line) {
  if (line.raw.size() > 160) return false;
  static constexpr std::string_view kAsks[] = {"читайте", "следите", "стежте", "слідкуйте", "подписывайтесь",
                                               "підписуйтесь", "присоединяйтесь", "приєднуйтесь", "follow us"};
  static constexpr std::string_view kChannels[] = {"telegram", "телеграм", "google news", "дзен", "viber", "вайбер",
                                                   "youtube", "instagram", "facebook", "whatsapp", "twitter"};
  const std::string_view folded = line.folded();
  if (std::none_of(std::begin(kAsks), std::end(kAsks), [&](std::string_view a) { return folded.starts_with(a); }))
    return false;
  return std::any_of(std::begin(kChannels), std::end(kChannels),
                     [&](std::string_view c) { return folded.find(c) != std::string_view::npos; });
}

// A paragraph that stands in for an embed until the reader consents (kEmbedWords, kConsentWords). These run
// longer than a prompt: a sentence on what the embed is and one on what consenting shares.
bool consent_placeholder(const Line& line) {
  if (line.raw.size() > 1200) return false;
  static const PhraseList kEmbeds(kEmbedWords), kConsents(kConsentWords);
  return line.holds_any(kEmbeds) && line.holds_any(kConsents);
}

// Lead-ins of boilerplate lines ("Read also:", "Читайте также", "Related:", "Share on", ...).
bool chrome_prefix(const Line& line) {
  // The lead-ins by their first byte, so that a line meets only those that can open it.
  struct ByFirstByte {
    std::vector<std::string_view> prefixes[256];
    ByFirstByte() {
      for (std::string_view p : kChromePrefixes) prefixes[static_cast<unsigned char>(p.front())].push_back(p);
    }
  };
  static const ByFirstByte index;
  // The lead-in is read from the line's first 80 bytes.
  std::string head;
  std::string_view folded = line.folded();
  if (line.raw.size() > 80) folded = head = fold_phrase(line.raw.substr(0, 80));
  if (folded.empty()) return false;
  for (std::string_view prefix : index.prefixes[static_cast<unsigned char>(folded.front())]) {
    if (folded.starts_with(prefix)) return true;
  }
  return false;
}

// A folded line's word count, for the short-line rules below.
std::size_t word_count(std::string_view folded) {
  return 1 + static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' '));
}

// A byline standing as a line of its own: "By Jane Doe", "Written by Jane Doe", "Автор: Иван Петров".
bool byline(const Line& line) {
  const std::string_view text = line.raw;
  if (text.empty() || text.size() > 160) return false;
  char last = text.back();
  if (last == '!' || last == '?' || last == '.') return false;
  const std::string_view folded = line.folded();
  for (std::string_view lead_in : kBylineLeadIns) {
    if (folded.starts_with(lead_in) && word_count(folded) <= 8) return true;
  }
  // A name and an e-mail address, nothing else: "신현주 기자 spicy@hankookilbo.com", "Jane Doe jane@example.com".
  // Not a contact line ("Email: …", "Source -- …", "For more information, email …").
  if (text.size() <= 80 && text.find('\n') == std::string_view::npos) {
    const std::size_t space = folded.rfind(' ');
    if (space == std::string_view::npos) return false;
    const std::string_view address = folded.substr(space + 1), name = folded.substr(0, space);
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || address.find('.', at) == std::string_view::npos ||
        address.back() == '.' || word_count(name) > 3)
      return false;
    return std::none_of(name.begin(), name.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == ':' || c == '-' || c == ',' || c == '(' || c == '@';
    });
  }
  return false;
}

// A photo credit standing as a line of its own: "Image credit: © Depositphotos", "Фото: bzns.media",
// "Studio X//Getty Images".
bool credit(const Line& line) {
  const std::string_view text = line.raw;
  if (text.empty() || text.size() > 160) return false;
  const std::string_view folded = line.folded();
  std::size_t words = word_count(folded);
  for (const CreditLeadIn& lead_in : kCreditLeadIns) {
    if (lead_in.opens_line && folded.starts_with(lead_in.folded) && words <= 15) return true;
  }
  for (std::string_view agency : kCreditAgencies) {
    if (words <= 10 && folded.size() > agency.size() && folded.ends_with(agency)) {
      char before = folded[folded.size() - agency.size() - 1];
      if (before == ' ' || before == '/' || before == '(' || before == '-') return true;
    }
  }
  return false;
}
// A breadcrumb trail standing as a line of its own: "Home > News > Story", "Главная › Новости › Статья".
bool breadcrumb(std::string_view text) {
  if (text.size() < 5 || text.size() > 200) return false;
  char last = text.back();
  if (last == '.' || last == '!' || last == '?') return false;
  // Spaced arrow-like separators, at least two: "Home > News > Story", "Home › News › Story". A slash is
  // no sign: prose writes "and/or", "Pro/ENGINEER", "帳/車/廳".
  static constexpr std::string_view kSeparators[] = {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " \xE2\x86\x92 "};
  for (std::string_view sep : kSeparators) {
    std::size_t count = 0;
    for (std::size_t at = text.find(sep); at != std::string_view::npos; at = text.find(sep, at + sep.size())) ++count;
    if (count >= 2) return true;
  }
  // Slashes only after the home page's name: "Главная / Новости / Общество", "Home / Blog / Post".
  static constexpr std::string_view kHomes[] = {"Home / ", "Главная / ", "Головна / ", "Startseite / ", "Accueil / ",
                                                "Inicio / ", "Strona główna / "};
  for (std::string_view home : kHomes)
    if (text.starts_with(home) && text.find(" / ", home.size()) != std::string_view::npos) return true;
  return false;
}

// A copyright line: "Copyright © 2025 Example Media", "© 2023 NPR. All rights reserved.", "Все права защищены".
bool copyright(const Line& line) {
  const std::string_view text = line.raw;
  if (text.size() > 240) return false;
  static constexpr std::string_view kReserved[] = {
      "all rights reserved", "alle rechte vorbehalten", "все права защищены", "всі права захищені",
      "tous droits réservés", "todos los derechos reservados"};
  static const PhraseList kRights(kReserved);
  const std::string_view folded = line.folded();
  return folded.starts_with("copyright") || folded.starts_with("\xC2\xA9") /* © */ || line.holds_any(kRights);
}

// The words of a folded line split at `separator` characters, at most `N` of them; false when it has more.
template <std::size_t N, typename Separator>
bool split_words(std::string_view folded, Separator separator, std::array<std::string_view, N>* words,
                 std::size_t* count) {
  *count = 0;
  std::string_view rest(folded);
  while (!rest.empty()) {
    while (!rest.empty() && separator(rest.front())) rest.remove_prefix(1);
    std::size_t end = 0;
    while (end < rest.size() && !separator(rest[end])) ++end;
    if (end) {
      if (*count == N) return false;
      (*words)[(*count)++] = rest.substr(0, end);
    }
    rest.remove_prefix(end);
  }
  return true;
}

// A short line of page metadata rather than prose: a reading time ("5 min read", "Lesezeit: 4 Min."), a
// relative time ("6 hours ago", "3 дня назад"), a view count ("1,693 views") or a post's counter ("42 points",
// "42 points 2 days ago").
bool meta_line(const Line& line) {
  const std::string_view text = line.raw;
  if (text.empty() || text.size() > 80) return false;
  std::array<std::string_view, 8> words;
  std::size_t n = 0;
  if (!split_words(line.folded(), [](char c) { return c == ' '; }, &words, &n) || n == 0) return false;
  static const PhraseList kReading(kReadingTimes);
  if (line.holds_any(kReading)) return true;
  auto in = [](std::string_view word, const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  auto number = [](std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
  };
  // "6 hours ago", "an hour ago", "Posted 2 days ago", "Last updated 15 hours ago"; not "Reading 5 days
  // ago" (a town before the time).
  static constexpr std::string_view kLeadIns[] = {"posted", "updated", "published", "about", "last", "опубликовано",
                                                  "обновлено", "опубліковано", "оновлено"};
  // A post's counter before its time: "42 points 2 days ago".
  std::size_t first = 0;
  if (n >= 2 && number(words[0]) && in(words[1], kCounters)) {
    if (n == 2) return true;
    first = 2;
  }
  bool count = n >= first + 3 && (number(words[n - 3]) || words[n - 3] == "a" || words[n - 3] == "an");
  bool lead_in = true;
  for (std::size_t i = first; i + 3 < n; ++i) lead_in = lead_in && in(words[i], kLeadIns);
  if (count && lead_in && in(words[n - 1], kAgo) && in(words[n - 2], kTimeUnits)) return true;
  if (n >= 2 && n <= 3 && in(words[n - 1], kViews) && number(words[0])) return true;
  return false;
}

// A short line that reads as a byline or dateline rather than prose: a date or a clock time
// ("12 ноября 2024, 14:35", "May 16, 2024", "14.03.2022", "11:00 AM PDT") among at most sixteen words,
// with no sentence end.
// A date written the CJK way in one token: digits with 月 and 日, or a clock with 時 and 分 ("2025年1月13日",
// "1月13日(月)", "20時01分") — short, starting with a digit. (Korean writes 년/월/일 as words apart.)
bool cjk_date_token(std::string_view w) {
  if (w.empty() || w.size() > 30 || w[0] < '0' || w[0] > '9') return false;
  constexpr std::string_view kMonth = "\xE6\x9C\x88", kDay = "\xE6\x97\xA5", kHour = "\xE6\x99\x82";
  constexpr std::string_view kMinute = "\xE5\x88\x86";
  const bool month_day = w.find(kMonth) != std::string_view::npos && w.find(kDay) != std::string_view::npos;
  const bool clock = w.find(kHour) != std::string_view::npos && w.find(kMinute) != std::string_view::npos;
  return month_day || clock;
}

bool dateline(const Line& line) {
  const std::string_view text = line.raw;
  if (text.empty() || text.size() > 200) return false;
  char last = text.back();
  if (last == '.' || last == '!' || last == '?') return false;
  // A CJK sentence ends with 。！？ (E3 80 82, EF BC 81, EF BC 9F).
  if (text.ends_with("\xE3\x80\x82") || text.ends_with("\xEF\xBC\x81") || text.ends_with("\xEF\xBC\x9F"))
    return false;
  const std::string_view folded = line.folded();
  // Words: split at white space and at the punctuation dates use.
  auto separator = [](char c) { return c == ' ' || c == ',' || c == '|' || c == '/' || c == '(' || c == ')'; };
  std::array<std::string_view, 16> words;
  std::size_t n = 0;
  if (!split_words(folded, separator, &words, &n) || n == 0) return false;
  auto digits = [](std::string_view w) {
    std::size_t count = 0;
    for (char c : w) count += (c >= '0' && c <= '9');
    return count;
  };
  bool number = false, month = false, clock = false, numeric_date = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    std::size_t d = digits(w);
    if (d > 0 && d == w.size() && d <= 4) number = true;
    // 14:35, 14.03.2022, 2022-03-14, 03/14/2022 (the slash was a separator: two numbers remain)
    if (d >= 3 && w.find(':') != std::string_view::npos && d + 1 >= w.size() - 2) clock = true;
    if (d >= 6 && (std::count(w.begin(), w.end(), '.') == 2 || std::count(w.begin(), w.end(), '-') == 2) &&
        d + 2 == w.size())
      numeric_date = true;
    std::string_view bare = w;
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ':')) bare.remove_suffix(1);
    if (std::find(std::begin(kMonths), std::end(kMonths), bare) != std::end(kMonths)) month = true;
    // A CJK date token anywhere in a short line, or opening a longer one ("2018年6月18日 10:01 発信地：…").
    if ((text.size() <= 80 || i == 0) && cjk_date_token(w)) numeric_date = true;
  }
  // Korean writes the parts apart: "2025년 5월 15일".
  if (text.size() <= 80) {
    std::size_t parts = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view w = words[i];
      if (!w.empty() && w[0] >= '0' && w[0] <= '9' && w.size() <= 8 &&
          (w.ends_with("\xEB\x85\x84") || w.ends_with("\xEC\x9B\x94") || w.ends_with("\xEC\x9D\xBC")))
        ++parts;  // 년, 월, 일
    }
    if (parts >= 2) numeric_date = true;
  }
  return numeric_date || clock || (month && number);
}

}  // namespace

bool is_chrome_phrase(std::string_view text) { return chrome_phrase(Line(text)); }

bool looks_like_credit(std::string_view text) { return credit(Line(text)); }

std::size_t credit_lead_in_at(std::string_view caption) {
  std::string folded(caption);
  fold_in_place(&folded);
  std::size_t first = std::string_view::npos;
  for (const CreditLeadIn& lead_in : kCreditLeadIns) {
    for (std::size_t at = folded.find(lead_in.folded); at != std::string::npos && at < first;
         at = folded.find(lead_in.folded, at + 1)) {
      const char before = at > 0 ? folded[at - 1] : ' ';
      if (before == ' ' || before == '\n' || before == '(' || before == '.' || before == '!' || before == '?') {
        first = at;
        break;
      }
    }
  }
  return first;
}

bool introduces_author_box(std::string_view text) {
  static constexpr std::string_view kLabels[] = {
      "about the author", "about the authors", "about the writer", "author bio", "この記事を書いた人",
      "筆者プロフィール", "об авторе", "про автора", "über den autor", "über die autorin", "zum autor",
      "zur autorin", "à propos de l'auteur", "à propos de l’auteur", "sobre el autor", "sobre la autora",
      "sobre o autor", "sobre a autora", "o autorze", "sull'autore", "sull’autore"};
  // Most lines are longer or shorter than any label: no folding for them. (A label may carry a colon and
  // spaces around it, which the folding trims.)
  if (text.size() < 8 || text.size() > 48) return false;
  const std::string folded = fold_phrase(text);
  return std::find(std::begin(kLabels), std::end(kLabels), std::string_view(folded)) != std::end(kLabels);
}

bool announces_comments(std::string_view text) {
  if (text.size() > 200) return false;
  const std::string folded = fold_phrase(text);
  const std::string_view t = folded;
  static constexpr std::string_view kWhole[] = {"leave a reply", "leave a comment", "post a comment",
                                                "add a comment", "join the discussion", "join the conversation",
                                                "kommentare", "комментарии", "коментарі", "commentaires",
                                                "comentarios", "commenti", "komentarze"};
  if (std::find(std::begin(kWhole), std::end(kWhole), t) != std::end(kWhole)) return true;
  // "Comments (26)", "Комментарии (3)".
  if (std::size_t paren = t.find(" ("); paren != std::string_view::npos && t.back() == ')') {
    const std::string_view word = t.substr(0, paren);
    static constexpr std::string_view kWords[] = {"comments", "responses", "kommentare", "комментарии", "коментарі"};
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
  }
  // "59 Comments", "59 Comments on “…”", "3 Responses to …", "12 Kommentare": a count, then the word.
  std::size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == ',')) ++i;
  if (i == 0 || i >= t.size() || t[i] != ' ') return false;
  const std::string_view rest = t.substr(i + 1);
  // Not "replies": a forum's thread shows its count of replies over the replies that are its content.
  static constexpr std::string_view kCounted[] = {"comment", "response", "thought", "kommentar", "commentaire",
                                                  "comentario", "komentarz", "комментари", "коментар"};
  return std::any_of(std::begin(kCounted), std::end(kCounted), [&](std::string_view w) { return rest.starts_with(w); });
}

namespace {

// A paragraph's text without the spaces and line breaks around it.
std::string_view without_blank_ends(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

// A template's placeholder left in the page's text, "$$ARTICLEAD$$", "{{AD_SLOT}}", "%%BANNER%%": a token of
// capitals, digits and underscores between doubled delimiters.
bool template_placeholder(std::string_view text) {
  text = without_blank_ends(text);
  static constexpr std::pair<std::string_view, std::string_view> kDelimiters[] = {
      {"$$", "$$"}, {"{{", "}}"}, {"%%", "%%"}, {"[[", "]]"}};
  for (const auto& [open, close] : kDelimiters) {
    if (text.size() <= open.size() + close.size() || !text.starts_with(open) || !text.ends_with(close)) continue;
    std::string_view token = text.substr(open.size(), text.size() - open.size() - close.size());
    bool capitals = std::all_of(token.begin(), token.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (capitals && token.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) return true;
  }
  return false;
}

// A separator left standing as a line of its own: "|", "•", "/ /" between menu items or share buttons, or a
// lone dash. (Rules stay: "* * *" and "___" break a story's scenes and sections.)
bool separator_only(std::string_view text) {
  if (text.size() > 24 || text.find_first_of("|/\\-\xE2\xC2") == std::string_view::npos) return false;
  text = without_blank_ends(text);
  if (text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94") return true;
  static constexpr std::string_view kSeparators[] = {"\xE2\x80\xA2", "\xC2\xB7", "|", "/", "\\", " "};
  bool any = false;
  while (!text.empty()) {
    bool matched = false;
    for (std::string_view sep : kSeparators) {
      if (!text.starts_with(sep)) continue;
      any |= sep != " ";
      text.remove_prefix(sep.size());
      matched = true;
      break;
    }
    if (!matched) return false;
  }
  return any;
}

}  // namespace

bool is_boilerplate_line(std::string_view text) {
  const Line line(text);
  if (text.size() < 64 && template_placeholder(text)) return true;
  if (separator_only(text)) return true;
  if (text.size() > 320) return consent_placeholder(line);  // every other rule is for a short line
  return chrome_phrase(line) || dateline(line) || prompt(line) || meta_line(line) || byline(line) ||
         breadcrumb(text) || copyright(line) || (text.size() < 300 && chrome_prefix(line)) ||
         channel_prompt(line) || consent_placeholder(line);
}

}  // namespace lede::clean
