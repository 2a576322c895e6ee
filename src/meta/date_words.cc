// Date vocabulary as data: month names (full, genitive and abbreviated forms) and relative-day words in
// English, German, French, Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish, Czech,
// Turkish, Russian, Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian, Croatian, Kazakh, Romanian,
// Hungarian, Finnish, Indonesian, Malay, Greek, Arabic, Hebrew and Hindi. Lookups only, on lower-case
// words (decode::lower).
// Left out on purpose: abbreviations that are common words in English ("ago" for agosto, "set", "out").
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "meta/dates.h"

namespace lede::meta {
namespace {

struct MonthWord {
  std::string_view word;
  int month;
};

constexpr MonthWord kMonths[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    // German (Austrian "Jänner", "Feber")
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"feber", 2}, {"märz", 3}, {"mär", 3}, {"mrz", 3},
    {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"okt", 10}, {"dez", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2}, {"fév", 2}, {"avr", 4}, {"juil", 7},
    {"déc", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"dic", 12},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6},
    {"lug", 7}, {"ott", 10},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"fev", 2},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    // Swedish, Norwegian, Danish
    {"augusti", 8}, {"maj", 5}, {"marts", 3}, {"desember", 12}, {"des", 12},
    // Polish (nominative and genitive)
    {"styczeń", 1}, {"stycznia", 1}, {"luty", 2}, {"lutego", 2}, {"marzec", 3}, {"marca", 3},
    {"kwiecień", 4}, {"kwietnia", 4}, {"maja", 5}, {"czerwiec", 6}, {"czerwca", 6},
    {"lipiec", 7}, {"lipca", 7}, {"sierpień", 8}, {"sierpnia", 8}, {"wrzesień", 9}, {"września", 9},
    {"październik", 10}, {"października", 10}, {"listopad", 11}, {"listopada", 11}, {"grudzień", 12},
    {"grudnia", 12}, {"sty", 1}, {"lut", 2}, {"kwi", 4}, {"cze", 6}, {"lip", 7}, {"sie", 8},
    {"wrz", 9}, {"paź", 10}, {"lis", 11}, {"gru", 12},
    // Czech (nominative and genitive)
    {"leden", 1}, {"ledna", 1}, {"únor", 2}, {"února", 2}, {"březen", 3}, {"března", 3},
    {"duben", 4}, {"dubna", 4}, {"květen", 5}, {"května", 5}, {"červen", 6}, {"června", 6},
    {"červenec", 7}, {"července", 7}, {"srpen", 8}, {"srpna", 8}, {"září", 9}, {"říjen", 10},
    {"října", 10}, {"listopadu", 11}, {"prosinec", 12}, {"prosince", 12},
    // Turkish
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6},
    {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    // Russian (nominative, genitive, abbreviations)
    {"январь", 1}, {"января", 1}, {"февраль", 2}, {"февраля", 2}, {"март", 3}, {"марта", 3},
    {"апрель", 4}, {"апреля", 4}, {"май", 5}, {"мая", 5}, {"июнь", 6}, {"июня", 6}, {"июль", 7},
    {"июля", 7}, {"август", 8}, {"августа", 8}, {"сентябрь", 9}, {"сентября", 9}, {"октябрь", 10},
    {"октября", 10}, {"ноябрь", 11}, {"ноября", 11}, {"декабрь", 12}, {"декабря", 12},
    {"янв", 1}, {"фев", 2}, {"февр", 2}, {"мар", 3}, {"апр", 4}, {"июн", 6}, {"июл", 7}, {"авг", 8},
    {"сен", 9}, {"сент", 9}, {"окт", 10}, {"ноя", 11}, {"нояб", 11}, {"дек", 12},
    // Ukrainian (nominative, genitive, abbreviations)
    {"січень", 1}, {"січня", 1}, {"лютий", 2}, {"лютого", 2}, {"березень", 3}, {"березня", 3},
    {"квітень", 4}, {"квітня", 4}, {"травень", 5}, {"травня", 5}, {"червень", 6}, {"червня", 6},
    {"липень", 7}, {"липня", 7}, {"серпень", 8}, {"серпня", 8}, {"вересень", 9}, {"вересня", 9},
    {"жовтень", 10}, {"жовтня", 10}, {"листопад", 11}, {"листопада", 11}, {"грудень", 12},
    {"грудня", 12}, {"січ", 1}, {"лют", 2}, {"бер", 3}, {"квіт", 4}, {"трав", 5}, {"черв", 6},
    {"лип", 7}, {"серп", 8}, {"вер", 9}, {"жовт", 10}, {"лист", 11}, {"груд", 12},
    // Belarusian (nominative, genitive)
    {"студзень", 1}, {"студзеня", 1}, {"люты", 2}, {"лютага", 2}, {"сакавік", 3}, {"сакавіка", 3},
    {"красавік", 4}, {"красавіка", 4}, {"травень", 5}, {"чэрвень", 6}, {"чэрвеня", 6},
    {"ліпень", 7}, {"ліпеня", 7}, {"жнівень", 8}, {"жніўня", 8}, {"верасень", 9}, {"верасня", 9},
    {"кастрычнік", 10}, {"кастрычніка", 10}, {"лістапад", 11}, {"лістапада", 11}, {"снежань", 12},
    {"снежня", 12},
    // Bulgarian and Macedonian
    {"януари", 1}, {"февруари", 2}, {"април", 4}, {"юни", 6}, {"юли", 7}, {"септември", 9},
    {"октомври", 10}, {"ноември", 11}, {"декември", 12}, {"јануари", 1}, {"мај", 5}, {"јуни", 6},
    {"јули", 7},
    // Serbian (Cyrillic and Latin) and Croatian (not "listopada": October in Croatian, November in Polish)
    {"јануар", 1}, {"фебруар", 2}, {"јун", 6}, {"јул", 7}, {"септембар", 9}, {"октобар", 10},
    {"новембар", 11}, {"децембар", 12}, {"avgust", 8}, {"septembar", 9}, {"oktobar", 10},
    {"novembar", 11}, {"decembar", 12}, {"siječnja", 1}, {"veljače", 2}, {"ožujka", 3}, {"travnja", 4},
    {"svibnja", 5}, {"lipnja", 6}, {"srpnja", 7}, {"kolovoza", 8}, {"rujna", 9},
    {"studenoga", 11}, {"studenog", 11}, {"prosinca", 12},
    // Kazakh
    {"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6},
    {"шілде", 7}, {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12},
    // Romanian
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6}, {"iulie", 7},
    {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    // Hungarian
    {"január", 1}, {"február", 2}, {"március", 3}, {"április", 4}, {"május", 5}, {"június", 6},
    {"július", 7}, {"augusztus", 8}, {"szeptember", 9}, {"október", 10},
    // Finnish (partitive, as dates are written: "14. maaliskuuta 2022")
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4}, {"toukokuuta", 5},
    {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9}, {"lokakuuta", 10},
    {"marraskuuta", 11}, {"joulukuuta", 12},
    // Indonesian and Malay
    {"januari", 1}, {"maret", 3}, {"juni", 6}, {"juli", 7}, {"agustus", 8}, {"oktober", 10},
    {"desember", 12}, {"julai", 7}, {"ogos", 8}, {"disember", 12},
    // Greek (genitive, as dates write them, and nominative)
    {"ιανουαρίου", 1}, {"φεβρουαρίου", 2}, {"μαρτίου", 3}, {"απριλίου", 4}, {"μαΐου", 5}, {"ιουνίου", 6},
    {"ιουλίου", 7}, {"αυγούστου", 8}, {"σεπτεμβρίου", 9}, {"οκτωβρίου", 10}, {"νοεμβρίου", 11},
    {"δεκεμβρίου", 12}, {"ιανουάριος", 1}, {"φεβρουάριος", 2}, {"μάρτιος", 3}, {"απρίλιος", 4},
    {"μάιος", 5}, {"ιούνιος", 6}, {"ιούλιος", 7}, {"αύγουστος", 8}, {"σεπτέμβριος", 9}, {"οκτώβριος", 10},
    {"νοέμβριος", 11}, {"δεκέμβριος", 12},
    // Arabic: the names of Egypt and the Gulf, and the Levant's one-word names (Shubat … Aylul)
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4}, {"مايو", 5},
    {"يونيو", 6}, {"يوليو", 7}, {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
    {"تموز", 7}, {"آب", 8}, {"أيلول", 9},
    // Hebrew, alone and with the prefix "in" that dates write ("14 במרץ 2022")
    {"ינואר", 1}, {"פברואר", 2}, {"מרץ", 3}, {"מרס", 3}, {"אפריל", 4}, {"מאי", 5}, {"יוני", 6},
    {"יולי", 7}, {"אוגוסט", 8}, {"ספטמבר", 9}, {"אוקטובר", 10}, {"נובמבר", 11}, {"דצמבר", 12},
    {"בינואר", 1}, {"בפברואר", 2}, {"במרץ", 3}, {"במרס", 3}, {"באפריל", 4}, {"במאי", 5}, {"ביוני", 6},
    {"ביולי", 7}, {"באוגוסט", 8}, {"בספטמבר", 9}, {"באוקטובר", 10}, {"בנובמבר", 11}, {"בדצמבר", 12},
    // Hindi
    {"जनवरी", 1}, {"फरवरी", 2}, {"फ़रवरी", 2}, {"मार्च", 3}, {"अप्रैल", 4}, {"मई", 5}, {"जून", 6},
    {"जुलाई", 7}, {"अगस्त", 8}, {"सितंबर", 9}, {"सितम्बर", 9}, {"अक्टूबर", 10}, {"अक्तूबर", 10},
    {"नवंबर", 11}, {"नवम्बर", 11}, {"दिसंबर", 12}, {"दिसम्बर", 12},
};

struct DayWord {
  std::string_view word;
  int days_back;
};

// "aujourd" is what is left of "aujourd'hui" after the apostrophe splits it.
constexpr DayWord kRelativeDays[] = {
    {"today", 0},     {"heute", 0},   {"aujourd", 0}, {"hoy", 0},     {"oggi", 0},   {"hoje", 0},
    {"dzisiaj", 0},   {"dziś", 0},    {"сегодня", 0}, {"сьогодні", 0}, {"vandaag", 0}, {"idag", 0},
    {"dnes", 0},      {"bugün", 0},   {"yesterday", 1}, {"gestern", 1}, {"hier", 1},  {"ayer", 1},
    {"ieri", 1},      {"ontem", 1},   {"wczoraj", 1}, {"вчера", 1},   {"вчора", 1},  {"gisteren", 1},
    {"igår", 1},      {"včera", 1},   {"dün", 1},
    {"днес", 0},      {"данас", 0},   {"danas", 0},   {"сёння", 0},   {"бүгін", 0},  {"astăzi", 0},
    {"tänään", 0},    {"јуче", 1},    {"juče", 1},    {"jučer", 1},   {"учора", 1},  {"кеше", 1},
    {"tegnap", 1},    {"eilen", 1},   {"kemarin", 1},
    {"σήμερα", 0},    {"χθες", 1},    {"اليوم", 0},   {"أمس", 1},     {"امس", 1},    {"היום", 0},
    {"אתמול", 1},     {"आज", 0},
};

struct UnitStem {
  std::string_view stem;  // matched as a prefix of the word
  int minutes;
};

constexpr UnitStem kUnits[] = {
    {"min", 1},       {"мин", 1},      {"хв", 1},       {"hour", 60},    {"hr", 60},     {"stunde", 60},
    {"std", 60},      {"heure", 60},   {"hora", 60},    {"ore", 60},     {"ora", 60},    {"godzin", 60},
    {"час", 60},      {"годин", 60},   {"uur", 60},     {"timm", 60},    {"saat", 60},   {"day", 1440},
    {"tag", 1440},    {"jour", 1440},  {"día", 1440},   {"dia", 1440},   {"giorn", 1440}, {"dni", 1440},
    {"dzień", 1440},  {"дн", 1440},    {"день", 1440},  {"dag", 1440},   {"gün", 1440},  {"week", 10080},
    {"woche", 10080}, {"semaine", 10080}, {"semana", 10080}, {"settiman", 10080}, {"tydz", 10080},
    {"недел", 10080}, {"тиж", 10080},
};

// Weekday names and their common abbreviations: they head datelines ("Monday, March 14").
constexpr std::string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
    "giovedì", "venerdì", "sabato", "segunda", "terça", "quarta", "quinta", "sexta", "poniedziałek", "wtorek",
    "środa", "czwartek", "piątek", "sobota", "niedziela", "понедельник", "вторник", "среда", "четверг",
    "пятница", "суббота", "воскресенье", "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця",
    "субота", "неділя",
};

constexpr std::string_view kAgoWords[] = {"ago", "назад", "тому", "vor", "hace", "fa", "temu", "há", "ha",
                                          "geleden", "sedan", "siden", "önce", "před", "il"};

constexpr std::string_view kUpdateWords[] = {
    "updated", "update", "modified", "edited", "revised", "reviewed", "aktualisiert", "überprüft", "aktualisierung", "geändert",
    "mis", "actualizado", "actualización", "aggiornato", "atualizado", "zaktualizowano", "aktualizacja",
    "bijgewerkt", "uppdaterad", "oppdatert", "opdateret", "aktualizováno", "güncellendi", "güncelleme",
    "обновлено", "обновлен", "обновление", "изменено", "оновлено", "оновлення", "змінено",
};

// Words that say a date is the first publication ("Published", "Originally posted", "Veröffentlicht").
constexpr std::string_view kPublishWords[] = {
    "published", "posted", "originally", "veröffentlicht", "erschienen", "publié", "publiée", "publicado",
    "publicada", "pubblicato", "pubblicata", "gepubliceerd", "publicerad", "publisert", "publiceret",
    "opublikowano", "publikacja", "publikováno", "yayınlandı", "yayınlanma", "опубликовано", "опубликован",
    "опубліковано", "публікація", "публикация",
};

}  // namespace

int month_from_word(std::string_view lower_word) {
  // Called for every word of every candidate date line: a hash lookup, built once.
  static const std::unordered_map<std::string_view, int> kByWord = [] {
    std::unordered_map<std::string_view, int> map;
    for (const MonthWord& m : kMonths) map.emplace(m.word, m.month);
    return map;
  }();
  if (lower_word.size() < 3 || lower_word.size() > 24) return 0;
  const auto it = kByWord.find(lower_word);
  return it == kByWord.end() ? 0 : it->second;
}

int relative_day_from_word(std::string_view lower_word) {
  for (const DayWord& d : kRelativeDays)
    if (d.word == lower_word) return d.days_back;
  return -1;
}

int relative_unit_minutes(std::string_view lower_word) {
  for (const UnitStem& u : kUnits)
    if (lower_word.substr(0, u.stem.size()) == u.stem) return u.minutes;
  return 0;
}

// Words between a date and its clock time: "at 3 pm", "um 14 Uhr", "à 08h12", "в 18:40", "у 14:20".
constexpr std::string_view kClockConnectors[] = {"at", "um", "à",  "a",   "às",    "alle", "в",   "о",   "o", "kl",
                                                 "у",  "u",  "la", "klo", "pukul", "saat", "las", "uhr", "h",
                                                 // the year's word: "2024 г., 14:35", "2024 року о 14:35"
                                                 "г", "года", "году", "год", "р", "року", "рік", "godine"};

bool is_clock_connector(std::string_view lower_word) {
  return std::find(std::begin(kClockConnectors), std::end(kClockConnectors), lower_word) != std::end(kClockConnectors);
}

bool is_ago_word(std::string_view lower_word) {
  return std::find(std::begin(kAgoWords), std::end(kAgoWords), lower_word) != std::end(kAgoWords);
}

bool is_weekday_word(std::string_view lower_word) {
  return std::find(std::begin(kWeekdays), std::end(kWeekdays), lower_word) != std::end(kWeekdays);
}

bool is_update_word(std::string_view lower_word) {
  return std::find(std::begin(kUpdateWords), std::end(kUpdateWords), lower_word) != std::end(kUpdateWords);
}

bool is_publish_word(std::string_view lower_word) {
  return std::find(std::begin(kPublishWords), std::end(kPublishWords), lower_word) != std::end(kPublishWords);
}

}  // namespace lede::meta
