// Direct quotations: the words a paragraph sets between quotation marks, and who said them when the text
// says so. Runs on the finished blocks; reads text only, never the tree. See docs/quotes.md.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "assemble/assemble.h"
#include "assemble/compare.h"
#include "decode/utf8.h"

namespace lede::assemble {
namespace {

// A quotation shorter than this many words is a title, a term or a scare quote ("спецоперация").
constexpr std::size_t kMinWords = 5;
// Fewer words are a quotation when a comma hands them over to their speech verb and speaker.
constexpr std::size_t kMinAttributedWords = 2;
// Text without spaces (Chinese, Japanese) is counted in characters instead.
constexpr std::size_t kMinCharsUnspaced = 15;
// A speaker is a name or a short description: "Tim Cook", "первый заместитель главы администрации".
constexpr std::size_t kMaxSpeakerWords = 6;
// The attribution is read this far after the closing mark, or before the opening one.
constexpr std::size_t kAttributionBytes = 160;
// A paragraph's own attribution before its quotation ("По его словам, «…»") is at most this long.
constexpr std::size_t kLeadInBytes = 80;
// A quoted name inside an attribution ("рассказал «Известиям»") is at most this long, marks included.
constexpr std::size_t kQuotedNameBytes = 48;
// No story quotes more: a page of thousands of quoted strings is data, and its list would only grow the output.
constexpr std::size_t kMaxQuotes = 500;

// Speech verbs after which (or before which) the speaker stands, lower case. Whole words:
constexpr std::string_view kVerbs[] = {
    // English
    "said", "says", "told", "tells", "added", "wrote", "writes", "explained", "noted", "stressed", "argued",
    "asked", "replied", "continued", "insisted", "warned", "recalled", "declared", "tweeted", "posted",
    "according", "admitted", "claimed", "concluded", "explains", "adds", "notes", "warns", "recalls",
    "acknowledged", "observed", "emphasized", "emphasised", "announced", "stated", "responded", "answered",
    "cautioned", "predicted", "remarked", "agrees", "agreed", "suggested", "suggests", "insists", "admits",
    "conceded", "concedes", "countered", "quipped", "joked", "commented", "comments", "confirmed", "reiterated",
    "urged", "testified", "recounted", "asserted", "asserts", "maintained", "complained",
    "boasted", "speculated", "shouted", "whispered", "asks", "emphasizes", "emphasises", "argues", "declares",
    "observes", "announces", "predicts", "responds",
    // German, French, Spanish, Portuguese, Italian
    "sagte", "sagt", "sagten", "erklärte", "betonte", "schrieb", "meinte", "ergänzte", "warnte", "so",
    "erklärt", "betont", "schreibt", "meint", "ergänzt", "warnt", "kommentierte", "kommentiert", "berichtete",
    "berichtet", "kritisierte", "kritisiert", "unterstrich", "versicherte", "bestätigte", "antwortete",
    "fragte", "erzählt", "erzählte", "erklärten", "betonten", "fordert", "forderte",
    "déclare", "déclaré", "explique", "expliqué", "estime", "affirme", "affirmé", "ajouté", "écrit", "dit",
    "ajoute", "souligne", "souligné", "précise", "précisé", "indique", "indiqué", "raconte", "confie",
    "assure", "assuré", "poursuit", "insiste",
    "selon", "dijo", "afirmó", "explicó", "añadió", "escribió", "señaló", "aseguró", "declaró", "según",
    "afirma", "explica", "añade", "señala", "asegura", "indicó", "comentó", "precisó", "destacó", "subrayó",
    "sostuvo", "agregó", "manifestó", "expresó",
    "disse", "afirmou", "explicou", "acrescentou", "escreveu", "segundo", "detto", "dichiarato", "spiegato",
    "diz", "acrescenta", "declarou", "ressaltou", "destacou", "contou",
    "aggiunto", "scritto", "secondo", "dice", "afferma", "spiega", "sottolinea", "aggiunge",
    // Norwegian, Swedish, Danish
    "sier", "sa", "säger", "sade", "sagde", "siger", "forteller", "berättar", "fortæller",
    // Czech, Polish
    "řekl", "řekla", "uvedl", "uvedla", "dodal", "dodala", "napsal", "napsala", "powiedział", "powiedziała",
    "dodał", "dodała", "napisał", "napisała", "stwierdził", "stwierdziła", "podkreślił", "podkreśliła", "mówi"};
// … and stems, for the inflected Russian and Ukrainian forms ("заявил", "заявила", "заявив").
constexpr std::string_view kVerbStems[] = {
    "сказа", "заяви", "написа", "отмети", "подчеркну", "добави", "счита", "подытожи", "поясни", "сообщи",
    "рассказа", "уточни", "говори", "пишет", "призна", "замети", "напомни", "резюмирова", "констатирова",
    "полага", "зазначи", "наголоси", "додав", "додала", "вважа", "підсумува", "повідоми", "розпові", "каже",
    "підкресли", "пише", "наголошу",
    // answered, assured, warned, commented, explained, cited, spoke out, is sure (ru); the same (uk)
    "ответи", "завери", "предупреди", "прокомментирова", "объясни", "цитиру", "высказа", "увере",
    "відзначи", "зауважи", "цитує", "прокоментува", "відпові", "запевни", "попереди", "нагада", "визна",
    "вислови", "переконан", "йдеться",
    // asked (a request, a question), continued, began, concluded, joked, objected (ru); asked, continued (uk)
    "попроси", "спроси", "продолжи", "нача", "законч", "заключи", "пошути", "возрази", "запита", "продовжи"};
// Words that open a clause before its subject, skipped: "And he said", "Thus Smith noted".
constexpr std::string_view kClauseOpeners[] = {"and", "but", "so", "thus", "then", "also", "while", "and,",
                                               "и", "а", "но", "і", "та", "und", "aber", "et", "mais", "y", "pero",
                                               "derweil", "etwa", "auch", "dann", "nun", "jetzt", "además",
                                               "también", "luego", "pues", "ainsi", "aussi", "alors", "donc"};
// Words a name never holds, in small letters: relatives and auxiliaries ("who", "had", "will"), and the
// words that follow a speaker: where and to whom they said it ("Block in a July 21 research note", "sagte
// Haustein dem Tagesspiegel", "Kate Moss im Interview", "sagte er weiter", "Зеленский в вечернем
// обращении", "издание со ссылкой на источники"). The name ends before them.
constexpr std::string_view kNotInNames[] = {"who", "which", "that", "whom", "whose", "is", "was", "were", "had",
                                            "has", "have", "will", "would", "could", "should", "be", "been",
                                            "being", "once", "i'd", "i’d", "haven't", "haven’t", "also", "который",
                                            "которая", "которые", "in", "during", "with", "about", "dem",
                                            "gegenüber", "weiter", "zudem", "auf", "vor", "mit", "nach", "bei", "im",
                                            "am", "zum", "zur", "über", "beim", "vom", "en", "durante", "til", "etter",
                                            "efter", "på", "ved", "в", "во",
                                            "на", "с", "со", "из", "при", "у", "для", "від", "під", "після",
                                            "после", "через", "u", "ve", "před", "w", "przed", "podczas"};
// Words that open no name, in small letters: prepositions and subordinators.
constexpr std::string_view kNotFirst[] = {"to", "in", "of", "on", "at", "for", "with", "by", "from", "about",
                                          "whether", "if", "because", "than", "us", "it", "this", "that",
                                          "what", "when", "where", "while", "as", "after", "before", "only", "just",
                                          "да", "в", "на", "о", "с", "auf", "nach", "bei", "mit", "für", "über",
                                          "wie", "als", "wenn", "dass", "weil", "ob", "con", "para", "por",
                                          "que", "como", "cuando", "si", "dans", "pour", "avec", "par", "comme",
                                          "quand"};
// Words that name nobody standing alone ("one", "another").
constexpr std::string_view kNotAlone[] = {"one", "another", "someone", "anyone", "nobody", "then", "which", "who",
                                          "that", "and", "but", "once", "now", "this", "i’d", "i'd"};
// "в сообщении X", "у заяві X": a statement whose author is the genitive after it.
constexpr std::string_view kInStatement[] = {"в", "во", "у"};
constexpr std::string_view kStatementNouns[] = {"сообщени", "заявлени", "пресс-релиз", "публикаци", "материале",
                                                "статье", "письме", "доклад", "отчет", "отчёт", "обращени",
                                                "повідомленн", "заяві", "релізі", "листі", "звіті", "публікаці",
                                                "матеріалі", "статті", "зверненн"};
// Titles written with a full stop before a name: "Dr. Jane Smith".
constexpr std::string_view kTitles[] = {"dr", "mr", "mrs", "ms", "prof", "st", "sen", "rep", "gov", "gen", "lt",
                                        "col", "sgt", "capt", "rev", "hon", "jr", "sr"};

bool ends_with_one_of(std::string_view word, std::span<const std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return word.ends_with(e); });
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}


// Auxiliaries of compound past tenses, skipped before the verb: "a déclaré", "ha detto", "has said".
constexpr std::string_view kAuxiliaries[] = {"a", "ha", "hat", "has", "had", "have", "avait", "habían"};
// A pronoun names nobody the reader can look up: a subject that is one is reported as the pronoun alone,
// and find_quotes() puts the person it stands for in its place, or nobody.
constexpr std::string_view kPronouns[] = {"he",  "she", "they", "we",  "i",   "it",  "он",  "она", "они",
                                          "мы",  "я",   "він", "вона", "вони", "ми", "er",  "sie", "wir",
                                          "il",  "elle", "ils", "elles", "él", "ella", "ellos", "on", "ona", "oni"};
// "По его словам", "За її словами": the possessives that stand for a speaker in a lead-in.
constexpr std::string_view kPossessives[] = {"его", "её", "ее", "його", "її"};
// The ones that stand for one person, by gender ("sie" is also "they": not read).
constexpr std::string_view kHe[] = {"he", "он", "він", "er", "il", "él", "on"};
constexpr std::string_view kShe[] = {"she", "она", "вона", "elle", "ella", "ona"};
// "считает автор", "said the author": the story's writer, when it has one.
constexpr std::string_view kTheAuthor[] = {"автор", "авторка", "автор колонки", "автор статьи", "the author",
                                           "the writer", "der autor", "die autorin", "l'auteur", "el autor",
                                           "la autora", "o autor", "a autora", "l'autore", "autor", "autorka"};
// Russian and Ukrainian surnames that say their bearer's gender: a "she" does not stand for "Петров".
constexpr std::string_view kHisEndings[] = {"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской"};
constexpr std::string_view kHerEndings[] = {"ова", "ева", "ёва", "ина", "ына", "ская", "цкая"};


// ---- UTF-8 helpers ----------------------------------------------------------------------------------

// The code point at s[i] (i < s.size()) and its length in bytes into *len, as decode::utf8_at reads it.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  const decode::Utf8Char u = decode::utf8_at(s, i);
  *len = u.length;
  return u.cp;
}

// "Dr.", "Mr.", "Prof.": a title and its full stop, before a name.
bool is_title(std::string_view word) {
  return word.size() > 1 && word.back() == '.' && is_one_of(decode::lower(word.substr(0, word.size() - 1)), kTitles);
}

// A word that starts with a capital letter (Latin, Latin-1, Greek, Cyrillic): a name, or a sentence's start.
bool starts_capital(std::string_view word) {
  std::size_t len = 1;
  if (word.empty()) return false;
  const char32_t c = decode_at(word, 0, &len);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x400 && c <= 0x42F) || (c >= 0x100 && c <= 0x17F && c % 2 == 0);
}

bool is_space(char32_t c) { return c == ' ' || c == '\n' || c == '\t' || c == 0xA0 || c == 0x202F; }
bool is_dash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015; }

// ---- quotation marks --------------------------------------------------------------------------------

// What an opening mark expects to close it. Straight quotes are told apart by their neighbours.
struct Open {
  std::size_t after;  // where the quoted words begin
  std::size_t at;     // where the opening mark stands
  char32_t close_a, close_b;
};

bool opens_word(std::string_view text, std::size_t at, std::size_t len) {
  bool before_ok = at == 0;
  if (!before_ok) {
    // The code point before `at`: step back over continuation bytes.
    std::size_t p = at - 1;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    std::size_t l = 1;
    char32_t prev = decode_at(text, p, &l);
    before_ok = is_space(prev) || prev == '(' || prev == '[' || is_dash(prev) || prev == ':' || prev == 0xAB ||
                prev == 0x201E || prev == 0x201C;
  }
  std::size_t l = 1;
  bool after_ok = at + len < text.size() && !is_space(decode_at(text, at + len, &l));
  return before_ok && after_ok;
}

struct Span {
  std::size_t open, begin, end, close_end;  // mark, words [begin, end), after the closing mark
};

// The outermost quotations of one block's text, in order. Inner ones (a title inside a quotation) are part
// of their quotation; a mark left open at the end of the block opens nothing.
std::vector<Span> quotations(std::string_view text) {
  std::vector<Span> found;
  std::vector<Open> stack;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != '"' && byte != '\n') {  // plain ASCII is never a mark: the common case
      ++i;
      continue;
    }
    std::size_t len = 1;
    char32_t c = decode_at(text, i, &len);
    const std::size_t next = i + len;
    bool closes = !stack.empty() && (c == stack.back().close_a || c == stack.back().close_b);
    if (c == '"' || c == 0x201D) {
      // Symmetric marks: one that opens a word opens a quotation (a title inside a quotation: "… под
      // видом "аварии" …"); any other closes the open one that expects it.
      if (opens_word(text, i, len)) {
        stack.push_back({next, i, c, c});
        closes = false;
      }
    } else if (!closes) {
      switch (c) {
        case 0x201C: stack.push_back({next, i, 0x201D, 0x201D}); break;   // “ … ”
        case 0x201E: stack.push_back({next, i, 0x201C, 0x201D}); break;   // „ … “ or „ … ”
        case 0xAB: stack.push_back({next, i, 0xBB, 0xBB}); break;         // « … »
        case 0x300C: stack.push_back({next, i, 0x300D, 0x300D}); break;   // 「 … 」
        case 0x300E: stack.push_back({next, i, 0x300F, 0x300F}); break;   // 『 … 』
        default: break;
      }
    }
    if (closes) {
      Open open = stack.back();
      stack.pop_back();
      if (stack.empty()) found.push_back({open.at, open.after, i, next});
    }
    if (c == '\n') stack.clear();  // a quotation does not run over a line break of the block
    i = next;
  }
  return found;
}

bool long_enough(std::string_view words, std::size_t min_words = kMinWords) {
  std::size_t count = 0, chars = 0;
  bool in_word = false, unspaced_script = false;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t len = 1;
    char32_t c = decode_at(words, i, &len);
    bool space = is_space(c);
    if (!space && !in_word) ++count;
    in_word = !space;
    if (!space) ++chars;
    if (c >= 0x2E80) unspaced_script = true;  // CJK: words are not set apart by spaces
    i += len;
  }
  return count >= min_words || (unspaced_script && chars >= kMinCharsUnspaced);
}

// A comma at the quotation's end, inside the marks or after them ("“Not at all,” he said", "«Смета выросла
// вдвое», — добавил …"): the way a quotation hands over to its attribution.
bool hands_over(std::string_view text, std::size_t close_begin, std::size_t close_end) {
  std::size_t inside = close_begin;
  while (inside > 0 && text[inside - 1] == ' ') --inside;
  if (inside > 0 && text[inside - 1] == ',') return true;
  std::size_t after = close_end;
  while (after < text.size() && text[after] == ' ') ++after;
  return after < text.size() && text[after] == ',';
}

// The quoted words without the spaces French and others set inside the marks ("« texte »"), and without the
// comma English sets inside them before the attribution ("“…,” she said").
std::string_view trim_quoted(std::string_view s) {
  for (;;) {
    if (s.starts_with(" ") || s.starts_with("\n")) s.remove_prefix(1);
    else if (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    else if (s.starts_with("\xE2\x80\xAF")) s.remove_prefix(3);
    else break;
  }
  for (;;) {
    if (s.ends_with(" ") || s.ends_with("\n")) s.remove_suffix(1);
    else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    else if (s.ends_with("\xE2\x80\xAF")) s.remove_suffix(3);
    else break;
  }
  if (s.ends_with(",")) s.remove_suffix(1);
  return s;
}

// ---- attribution ------------------------------------------------------------------------------------

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view strip_punct(std::string_view w) {
  auto punct = [](char c) {
    return c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == ')' || c == '(';
  };
  while (!w.empty() && punct(w.back())) w.remove_suffix(1);
  while (!w.empty() && punct(w.front())) w.remove_prefix(1);
  return w;
}

bool is_verb(std::string_view word) {
  static const std::unordered_set<std::string_view> kVerbSet(std::begin(kVerbs), std::end(kVerbs));
  const std::string w = decode::lower(strip_punct(word));
  if (w.empty()) return false;
  if (kVerbSet.contains(w)) return true;
  // An infinitive ("сказать", "заявити") says what someone may say, not who said this.
  if (w.ends_with("ть") || w.ends_with("ти")) return false;
  return std::any_of(std::begin(kVerbStems), std::end(kVerbStems),
                     [&](std::string_view stem) { return w.starts_with(stem); });
}

bool is_auxiliary(std::string_view word) {
  const std::string w = decode::lower(word);
  return is_one_of(w, kAuxiliaries);
}

bool ends_clause(std::string_view word) {
  char last = word.empty() ? '\0' : word.back();
  return last == ',' || last == '.' || last == ';' || last == ':' || last == '!' || last == '?';
}

// Initials and abbreviations of single letters: "U", "U.K", "J.K", "e.g" (the full stop after them ends
// nothing: "an expert at U.K. think-tank Chatham House").
bool initials(std::string_view word) {
  if (word.empty()) return false;
  std::size_t run = 0;
  for (char c : word) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (letter) {
      if (++run > 1) return false;
    } else if (c == '.') {
      run = 0;
    } else {
      return false;
    }
  }
  return true;
}

// A word of initials and its full stop: "M.", "U.K.", "J.K.".
bool initialled(std::string_view word) {
  return word.size() > 1 && word.back() == '.' && initials(word.substr(0, word.size() - 1));
}

// Joins words [from, to) into a speaker, stopping at the end of a clause or at an aside in parentheses.
// `before_verb`: the words are the subject of a verb that follows them ("… what he said"): when the name
// ends early, a pronoun between it and the verb is the subject.
std::string speaker_of(const std::vector<std::string_view>& words, std::size_t from, std::size_t to,
                       bool before_verb = false) {
  // A conjunction or an adverb that opens the clause is not the speaker's: "And he said", "Thus Smith noted".
  while (from < to && is_one_of(decode::lower(strip_punct(words[from])), kClauseOpeners)) ++from;
  // A preposition or a subordinator in small letters opens a phrase, not a name ("in which he", "whether").
  // Written small, or opening a sentence ("In einer Stellungnahme"); not in capitals ("MIT professor", "AS
  // Opposition Leader").
  if (from < to) {
    const std::string_view first = strip_punct(words[from]);
    const std::string folded = decode::lower(first);
    const std::string_view rest = first.empty() ? first : first.substr(decode::utf8_at(first, 0).length);
    const bool sentence_case = starts_capital(first) && decode::lower(rest) == rest;
    if (is_one_of(first, kNotFirst) || (sentence_case && is_one_of(folded, kNotFirst))) return {};
  }
  std::string out;
  for (std::size_t k = from; k < to && k < from + kMaxSpeakerWords; ++k) {
    std::string_view w = words[k];
    if (w.starts_with("(")) break;
    std::string_view clean = strip_punct(w);
    if (clean.empty()) break;
    const std::string folded_word = decode::lower(clean);
    // A pronoun among the words: the subject is a pronoun ("er zu Reportern", "And he").
    if (is_one_of(folded_word, kPronouns)) return folded_word;
    // French puts it after its verb: "a-t-il déclaré", "explique-t-elle", "dit-il".
    if (folded_word.ends_with("-il")) return "il";
    if (folded_word.ends_with("-elle")) return "elle";
    // A relative or an auxiliary, written in small letters, ends the name: "Parr has", "a former police
    // officer who responded", "Cardinal Newman once" ("Will Rasmussen" is a name).
    // (Past the first word: Scandinavian "en" is an article there, "sier en smørblid Retzius".)
    if (is_one_of(clean, kNotInNames) && !(k == from && clean == "en")) {
      // "the vacuity of his statement in light of what he said": the subject is "he", not "statement".
      for (std::size_t j = k + 1; before_verb && j < to; ++j)
        if (const std::string w = decode::lower(strip_punct(words[j])); is_one_of(w, kPronouns)) return w;
      break;
    }
    if (!out.empty()) out.push_back(' ');
    // "Dr.", "Mr.", "Prof." and initials ("Brian M. Riedl", "J.K. Rowling") end no clause: the name follows,
    // and they keep their full stop.
    const bool title = is_title(w) || (initialled(w) && starts_capital(w));
    out += title ? w : clean;
    if (ends_clause(w) && !title) break;
  }
  // A conjunction left at the end ("der Experte und erklärt") joins the next clause, not a name.
  for (std::size_t space = out.rfind(' ');
       space != std::string::npos && is_one_of(decode::lower(out.substr(space + 1)), kClauseOpeners);
       space = out.rfind(' '))
    out.erase(space);
  if (out.empty() || is_one_of(decode::lower(out), kNotAlone)) return {};
  return out;
}

// Where the first sentence of `text` ends: its first stop that does not close a title before a name
// ("said Dr. Smith"); npos when it runs to the end.
std::size_t sentence_stop(std::string_view text) {
  std::size_t stop = text.find_first_of(".!?;\n");
  while (stop != std::string_view::npos && text[stop] == '.') {
    std::size_t word = text.find_last_of(" \n", stop);
    word = word == std::string_view::npos ? 0 : word + 1;
    const std::string_view before = text.substr(word, stop - word);
    if (!is_one_of(decode::lower(before), kTitles) && !initials(before)) break;
    stop = text.find_first_of(".!?;\n", stop + 1);
  }
  return stop;
}

// The text after a closing mark, up to the end of its sentence: ", – написал Иванов." -> "написал Иванов.".
std::string_view after_quote(std::string_view text, std::size_t from) {
  std::string_view rest = text.substr(from, kAttributionBytes);
  std::size_t i = 0;
  while (i < rest.size()) {
    std::size_t len = 1;
    char32_t c = decode_at(rest, i, &len);
    if (!(is_space(c) || is_dash(c) || c == ',')) break;
    i += len;
  }
  rest.remove_prefix(i);
  std::size_t stop = sentence_stop(rest);
  // The next quotation ends the attribution, but a short name in guillemets or German marks inside it does
  // not ("рассказал «Известиям» эксперт Иван Петров", "sagte er der „Bild“"). English “…” is a quotation.
  std::size_t next_quotation = std::string_view::npos;
  for (std::size_t at = 0; at < rest.size();) {
    std::size_t m = rest.find('"', at);
    std::string_view found = "\"", close;
    for (const auto& [open, closing] : {std::pair<std::string_view, std::string_view>{"\xC2\xAB", "\xC2\xBB"},
                                        {"\xE2\x80\x9E", "\xE2\x80\x9C"}, {"\xE2\x80\x9C", ""}}) {
      const std::size_t here = rest.find(open, at);
      if (here < m) m = here, found = open, close = closing;
    }
    if (m == std::string_view::npos || close.empty()) {
      next_quotation = m;
      break;
    }
    const std::size_t c = rest.find(close, m + found.size());
    if (c == std::string_view::npos || c - m > kQuotedNameBytes ||
        rest.substr(m, c - m).find_first_of(".!?") != std::string_view::npos) {
      next_quotation = m;
      break;
    }
    at = c + close.size();
  }
  if (next_quotation < stop) return rest.substr(0, next_quotation);
  return rest.substr(0, stop == std::string_view::npos ? rest.size() : stop + 1);
}

// A Cyrillic word written as a name: a capital, then small letters ("Петров", not "ООН" or "глава").
bool cyrillic_name_word(std::string_view word) {
  word = strip_punct(word);
  std::size_t len = 1;
  if (word.empty()) return false;
  const char32_t first = decode_at(word, 0, &len);
  if (!((first >= 0x410 && first <= 0x42F) || (first >= 0x400 && first <= 0x40F))) return false;
  if (len >= word.size()) return false;
  std::size_t next_len = 1;
  const char32_t next = decode_at(word, len, &next_len);
  return (next >= 0x430 && next <= 0x44F) || (next >= 0x450 && next <= 0x45F);
}

// Words that open a prepositional phrase in Russian and Ukrainian: the word after one is its object, not a
// name ("в Москве", "у Києві").
constexpr std::string_view kCyrillicPrepositions[] = {"в", "во", "на", "с", "со", "у", "к", "ко", "по", "о", "об",
                                                      "из", "за", "для", "при", "от", "до", "під", "від", "з", "із",
                                                      "зі", "про", "через", "после", "після", "перед"};

constexpr std::string_view kPatronymicEndings[] = {"вич", "вна", "ична", "инична", "ич"};
constexpr std::string_view kHonorifics[] = {"господин", "госпожа", "пан", "пані", "пани", "мистер", "товарищ"};
// Endings of Russian and Ukrainian surnames ("Песков", "Петренко", "Ковальчук", "Зеленский").
constexpr std::string_view kSurnameEndings[] = {"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына",
                                                "ский", "цкий", "ская", "цкая", "енко", "ук", "юк", "чук",
                                                "вич", "ишин"};

// A Cyrillic word in small letters.
bool cyrillic_small_word(std::string_view word) {
  std::size_t len = 1;
  if (word.empty()) return false;
  const char32_t first = decode_at(word, 0, &len);
  return (first >= 0x430 && first <= 0x44F) || (first >= 0x450 && first <= 0x45F) || first == 0x491 ||
         first == 0x454 || first == 0x456 || first == 0x457;
}

// A Russian or Ukrainian attribution names its speaker last, after where and to whom it was said: "—
// заявил в интервью РБК глава Минфина Антон Силуанов", "— сказал журналистам пресс-секретарь президента
// Дмитрий Песков", "— рассказал «Известиям» эксперт Иван Петров". Reads the clause [from, …) after the
// verb: the Cyrillic name that ends it (two or three words, never a preposition's object) is the speaker,
// with its title when only a title stands before it ("— считает политолог Алексей Макаркин"). "" when the
// clause ends in no name, or when the name follows the verb directly (speaker_of reads those).
std::string cyrillic_speaker_at_end(const std::vector<std::string_view>& words, std::size_t from) {
  std::size_t to = from;
  while (to < words.size() && to < from + 12 && !ends_clause(words[to])) ++to;
  if (to < words.size() && to < from + 12) ++to;  // the word that ends the clause is in it
  std::size_t name = to;
  while (name > from && to - name < 3 && cyrillic_name_word(words[name - 1]) &&
         !(name - 1 > from && is_one_of(decode::lower(strip_punct(words[name - 2])), kCyrillicPrepositions)))
    --name;
  // A first name and a surname; three words when the middle one is a patronymic ("Иван Петрович
  // Сидоров"), else the first of three is the end of a title ("мэр Москвы Сергей Собянин").
  if (to - name == 3 && !ends_with_one_of(decode::lower(strip_punct(words[name + 1])), kPatronymicEndings)) ++name;
  // "попросил коллегу господин Путин": an honorific before one name is the name's.
  const bool honorific =
      to - name == 1 && name > from && is_one_of(decode::lower(strip_punct(words[name - 1])), kHonorifics);
  if (honorific) --name;
  else if (to - name < 2 || name == from) return {};  // one capitalized word may be a place ("журналистам Москвы")
  // Only small words, none a preposition or a plural dative ("журналистам"), before the name: its title.
  bool title = !honorific && to - from <= kMaxSpeakerWords;
  for (std::size_t k = from; k < name && title; ++k) {
    const std::string w = decode::lower(strip_punct(words[k]));
    title = cyrillic_small_word(words[k]) && strip_punct(words[k]) == words[k] &&
            !is_one_of(w, kCyrillicPrepositions) && !w.ends_with("ам") && !w.ends_with("ям");
  }
  std::string out;
  for (std::size_t k = title ? from : name; k < to; ++k) {
    if (!out.empty()) out.push_back(' ');
    out += strip_punct(words[k]);
  }
  return out;
}

// "написал Иванов", "said Tim Cook", "Smith said", "a déclaré le ministre", "so Müller", "according to AP".
std::string speaker_after(std::string_view tail) {
  std::vector<std::string_view> words = words_of(tail);
  if (words.empty()) return {};
  std::size_t first = 0;
  if (is_auxiliary(words[0]) && words.size() > 1) first = 1;
  if (is_verb(words[first])) {
    std::size_t from = first + 1;
    if (decode::lower(strip_punct(words[first])) == "according" && from < words.size() &&
        decode::lower(words[from]) == "to")
      ++from;
    // "говорится в сообщении пресс-службы", "йдеться у заяві МЗС": the statement's author follows its noun.
    if (from + 1 < words.size() && is_one_of(decode::lower(words[from]), kInStatement)) {
      const std::string noun = decode::lower(strip_punct(words[from + 1]));
      if (std::any_of(std::begin(kStatementNouns), std::end(kStatementNouns),
                      [&](std::string_view stem) { return noun.starts_with(stem); }))
        from += 2;
    }
    // German "so" is a speech verb only before a name or an article and a noun ("so die Ministerin").
    if (decode::lower(strip_punct(words[first])) == "so") {
      static constexpr std::string_view kArticles[] = {"der", "die", "das", "ein", "eine"};
      auto capitalised = [](std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; };
      bool article = from + 1 < words.size() &&
                     is_one_of(words[from], kArticles) &&
                     capitalised(words[from + 1]);
      if (from >= words.size() || !(capitalised(words[from]) || article)) return {};
    }
    if (std::string last = cyrillic_speaker_at_end(words, from); !last.empty()) return last;
    // "— сообщили в пресс-службе МВД", "— повідомили в пресслужбі КМДА": a plural verb and where it was
    // said name the office that said it, as written.
    const std::string verb = decode::lower(strip_punct(words[first]));
    if (verb.ends_with("ли") && from + 1 < words.size() &&
        is_one_of(decode::lower(words[from]), kInStatement))
      return speaker_of(words, from + 1, words.size());
    return speaker_of(words, from, words.size());
  }
  for (std::size_t k = 1; k < words.size() && k <= kMaxSpeakerWords; ++k) {
    if (ends_clause(words[k - 1]) && !is_title(words[k - 1])) {
      // "John Smith, a spokesman for the council, said": a name, an aside between commas, the verb.
      static constexpr std::string_view kArticles[] = {"the", "a", "an", "der", "die", "das", "ein", "eine", "le",
                                                       "la", "les", "el", "los", "las", "il", "lo", "un", "une", "una"};
      if (words[k - 1].back() == ',' && k <= 4 && starts_capital(words[0]) &&
          !is_one_of(decode::lower(strip_punct(words[0])), kArticles)) {
        for (std::size_t v = k + 1; v < words.size() && v <= k + 12; ++v) {
          if (words[v - 1].back() != ',' && ends_clause(words[v - 1]) && !initialled(words[v - 1])) break;
          if (words[v - 1].back() == ',' && is_verb(words[v]) && decode::lower(strip_punct(words[v])) != "so")
            return speaker_of(words, 0, k);
        }
      }
      break;
    }
    if (is_verb(words[k]) && decode::lower(strip_punct(words[k])) != "so") return speaker_of(words, 0, k, true);
  }
  return {};
}

// A quotation signed after a dash, with no speech verb: "“95% of web design is typography” — Oliver
// Reichenstein at AI.net.", "\"…\" -- a software engineer", "“…” – Milton Glaser". The signature is the
// rest of the sentence, ten words at most, opening with a capital (Russian "«…» — заявил Иванов" has its verb
// and is read by speaker_after).
std::string epigraph_speaker(std::string_view text, std::size_t from) {
  constexpr std::size_t kMaxSignatureWords = 10;
  std::string_view rest = text.substr(from);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  std::size_t dash_len = 0;
  if (rest.starts_with("--")) {
    dash_len = 2;
  } else if (!rest.empty()) {
    std::size_t len = 1;
    if (is_dash(decode_at(rest, 0, &len)) && rest.front() != '-') dash_len = len;
  }
  if (dash_len == 0 || dash_len >= rest.size() || rest[dash_len] != ' ') return {};
  rest.remove_prefix(dash_len + 1);
  const std::size_t stop = std::min(sentence_stop(rest), rest.find('\n'));
  if (stop != std::string_view::npos) rest = rest.substr(0, stop);
  const std::vector<std::string_view> words = words_of(rest);
  // A label ("— Source: Gitnux") signs nothing.
  if (words.empty() || words.size() > kMaxSignatureWords || !starts_capital(words[0]) || words[0].back() == ':')
    return {};
  if (std::any_of(words.begin(), words.end(), [](std::string_view w) { return is_verb(w); })) return {};
  return speaker_of(words, 0, words.size());
}

// A clause before a quotation that names its speaker and ends in a comma: "По словам Иванова, «…»",
// "According to Jane Smith, “…”", or "Как отметил министр Антон Силуанов, «…»" (as + verb + speaker).
std::string speaker_of_lead_in(std::string_view head) {
  std::size_t clause = head.find_last_of(".!?;:");
  if (clause != std::string_view::npos) head.remove_prefix(clause + 1);
  head.remove_suffix(1);  // the comma
  if (head.find(',') != std::string_view::npos) return {};
  std::vector<std::string_view> words = words_of(head);
  if (words.size() < 2) return {};
  const std::string first = decode::lower(words[0]);
  const std::string second = decode::lower(words[1]);
  // "По его словам", "За її словами": a pronoun, for find_quotes() to resolve.
  if ((first == "по" || first == "за") && words.size() == 3 && decode::lower(words[2]).starts_with("слов")) {
    if (second == "его" || second == "його") return "он";
    if (second == "её" || second == "ее" || second == "її") return "она";
  }
  // "По словам", "За словами", "Со слов", "According to", "Selon", "Laut", "Según", "Secondo", "Zdaniem", "Podle".
  std::size_t from = 0;
  if ((first == "по" || first == "за" || first == "со") && (second.starts_with("слов"))) from = 2;
  else if (first == "according" && second == "to") from = 2;
  else if (first == "selon" || first == "laut" || first == "según" || first == "secondo" || first == "zdaniem" ||
           first == "podle" || first == "segundo")
    from = 1;
  if (from == 0 && (first == "как" || first == "як" || first == "as" || first == "wie" || first == "comme" ||
                    first == "como" || first == "come" || first == "jak") && is_verb(words[1]))
    from = 2;
  if (from == 0 || from >= words.size()) return {};
  if (std::string last = cyrillic_speaker_at_end(words, from); !last.empty()) return last;
  return speaker_of(words, from, words.size());
}


// The speaker of the speech verb words[k] in a clause before a quotation: the words before it ("The mayor
// told reporters"), or after it when it opens the clause or a Cyrillic name ends it ("Об этом сообщил глава
// региона Вячеслав Гладков").
std::string speaker_of_verb(const std::vector<std::string_view>& words, std::size_t k) {
  if (k == 0) return speaker_of(words, 1, words.size());
  if (std::string last = cyrillic_speaker_at_end(words, k + 1); !last.empty()) return last;
  std::size_t from = k > kMaxSpeakerWords ? k - kMaxSpeakerWords : 0;
  for (std::size_t j = k; j-- > from;) {
    if (ends_clause(words[j])) {
      from = j + 1;
      break;
    }
  }
  std::size_t to = k;
  if (to > from && is_auxiliary(words[to - 1])) --to;
  return speaker_of(words, from, to, true);
}

// The clause before a quotation without its closing "that" ("заявил, что", "said that", "sagte, dass"),
// or all of it when it has none.
std::string_view without_that(std::string_view head) {
  static constexpr std::string_view kThat[] = {"что", "that", "dass", "що", "que", "che", "że"};
  const std::size_t space = head.find_last_of(" \n");
  if (space == std::string_view::npos) return head;
  if (!is_one_of(decode::lower(head.substr(space + 1)), kThat)) return head;
  head = head.substr(0, space);
  while (!head.empty() && (head.back() == ' ' || head.back() == ',')) head.remove_suffix(1);
  return head;
}

// "Tim Cook said:", "Мэр Киева Виталий Кличко заявил:", "Иванов заявил, что" before an opening mark.
std::string speaker_before(std::string_view text, std::size_t open, std::size_t floor) {
  std::size_t begin = open > kAttributionBytes ? open - kAttributionBytes : 0;
  begin = std::max(begin, floor);
  std::string_view head = text.substr(begin, open - begin);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\n')) head.remove_suffix(1);
  if (head.ends_with(',')) return speaker_of_lead_in(head);
  // "Иванов заявил, что «…»", "Smith said that “…”": reported speech that quotes the words themselves.
  if (std::string_view rest = without_that(head); rest.size() < head.size()) {
    std::size_t sentence = rest.find_last_of(".!?");
    if (sentence != std::string_view::npos) rest.remove_prefix(sentence + 1);
    const std::vector<std::string_view> words = words_of(rest);
    if (words.empty() || !is_verb(words.back())) return {};
    return speaker_of_verb(words, words.size() - 1);
  }
  if (!head.ends_with(':')) return {};
  std::size_t sentence = head.find_last_of(".!?");
  if (sentence != std::string_view::npos) head.remove_prefix(sentence + 1);
  std::vector<std::string_view> words = words_of(head);
  // "Глава региона Олег Петров: «…»": a name and its title, and no verb, open the paragraph. Only in
  // Cyrillic, where capitals mark names; English headings and German nouns are capitalized too ("The
  // Pitch:", "Sein Urteil:").
  if (begin == floor && sentence == std::string_view::npos && words.size() >= 2 && words.size() <= kMaxSpeakerWords &&
      std::none_of(words.begin(), words.end(), [](std::string_view w) { return is_verb(w); }) &&
      cyrillic_name_word(words[words.size() - 1]) && cyrillic_name_word(words[words.size() - 2]))
    return speaker_of(words, 0, words.size());
  // "Песков: «…»", as live blogs write: a surname alone, known by its ending ("Итог:", "Вывод:" are not).
  if (begin == floor && sentence == std::string_view::npos && words.size() == 1 && cyrillic_name_word(words[0]) &&
      ends_with_one_of(decode::lower(strip_punct(words[0])), kSurnameEndings))
    return std::string(strip_punct(words[0]));
  for (std::size_t k = words.size(); k-- > 0;) {
    if (is_verb(words[k])) return speaker_of_verb(words, k);
  }
  return {};
}

// A <blockquote>'s closing "— Name" line, if it has one; the quotation is the text before it.
void split_signature(std::string_view text, std::string_view* words, std::string* speaker) {
  *words = text;
  std::size_t line = text.rfind('\n');
  std::string_view last = line == std::string_view::npos ? std::string_view() : text.substr(line + 1);
  std::size_t len = 1;
  if (last.empty() || !is_dash(decode_at(last, 0, &len))) return;
  last.remove_prefix(len);
  std::vector<std::string_view> w = words_of(last);
  *speaker = speaker_of(w, 0, w.size());
  *words = text.substr(0, line);
}

bool is_pronoun(std::string_view speaker) { return is_one_of(speaker, kPronouns); }

// Whether `pronoun` can stand for `speaker`: one person named (the speaker ends in a name, not "the
// company" or "a note from Goldman Sachs analysts"), and no Cyrillic surname of the other gender.
bool may_stand_for(std::string_view pronoun, std::string_view speaker) {
  const bool he = is_one_of(pronoun, kHe), she = is_one_of(pronoun, kShe);
  if (!he && !she) return false;
  const std::size_t space = speaker.rfind(' ');
  const std::string_view last_word = space == std::string_view::npos ? speaker : speaker.substr(space + 1);
  if (!starts_capital(last_word)) return false;
  const std::string last = decode::lower(last_word);
  if (he && ends_with_one_of(last, kHerEndings)) return false;
  if (she && !ends_with_one_of(last, kHerEndings) && ends_with_one_of(last, kHisEndings)) return false;
  return true;
}

// Where a quotation stands in the body, for telling what comes between two of them.
struct Place {
  std::uint32_t block = 0;
  std::size_t open = 0;       // its opening mark in the block's text
  std::size_t close_end = 0;  // just after its closing mark
  std::size_t block_size = 0;
  bool opens_block = false;   // nothing but white space before its opening mark
};

// The quotation before the one being read: who said it, and where it ends.
struct Previous {
  bool any = false;
  std::string speaker;  // after resolution; "" when the text names nobody
  bool question = false;  // it asks something: the answer is another person's ("“…?” Okusan asked. ¶ “…,” he said.")
  Place place;
};

// Whether the previous quotation's speaker may carry over to the next: the text named one, and the
// quotation asked nothing (an answer is another person's).
bool may_carry_over(const Previous& previous) {
  return previous.any && !previous.speaker.empty() && !previous.question;
}

// The text between two quotations of one paragraph, from the first's closing mark to the second's opening.
std::string_view text_between(const Article& article, const Place& there, const Place& here) {
  return std::string_view(article.blocks[here.block].text).substr(there.close_end, here.open - there.close_end);
}

// The speech verbs in the text between two quotations, and whether any stands after its first sentence.
struct SpeechVerbs {
  std::size_t count = 0;
  bool after_first_sentence = false;
};
SpeechVerbs speech_verbs(std::string_view between) {
  const std::size_t sentence_end = std::min(sentence_stop(between), between.size());
  SpeechVerbs verbs;
  for (std::string_view w : words_of(between)) {
    if (!is_verb(w)) continue;
    ++verbs.count;
    verbs.after_first_sentence |= static_cast<std::size_t>(w.data() - between.data()) > sentence_end;
  }
  return verbs;
}

// Whether a pronoun attributing the quotation at `here` stands for the previous quotation's speaker:
// nothing but that quotation's attribution comes between them. In the same paragraph, at most a clause
// (“…,” Solecki says, “…,” he says); or the previous one ends its paragraph and this one opens the next,
// or its own attribution does (“…,” said Jessica Dorsey. ¶ “And I think …,” she said. — «…», — заявил
// Кличко. ¶ По его словам, «…»). Narrative in between names others as often as
// not ("Craig Le Clair, principal analyst at Forrester, sees … ¶ “…,” he said.").
bool follows_directly(const Article& article, const Previous& previous, const Place& here) {
  if (!may_carry_over(previous)) return false;
  const Place& there = previous.place;
  std::string_view between;
  if (here.block == there.block && here.open >= there.close_end) {
    between = text_between(article, there, here);
  } else if (here.block == there.block + 1 && there.close_end <= there.block_size) {
    // The next paragraph opens with the quotation, or with its own short attribution ("По его словам, «…»",
    // "He added: “…”"): one clause, no sentence before it.
    const std::string_view lead = std::string_view(article.blocks[here.block].text).substr(0, here.open);
    if (!here.opens_block) {
      if (lead.size() > kLeadInBytes || sentence_stop(lead) != std::string_view::npos) return false;
      // The attribution is the pronoun's own ("He added:"), not another person's ("Erasmus agrees:").
      const std::vector<std::string_view> lead_words = words_of(lead);
      if (std::none_of(lead_words.begin(), lead_words.end(), [](std::string_view w) {
            const std::string folded = decode::lower(strip_punct(w));
            return is_one_of(folded, kPronouns) || is_one_of(folded, kPossessives);
          }))
        return false;
    }
    between = std::string_view(article.blocks[there.block].text).substr(there.close_end);
  } else {
    return false;
  }
  if (between.size() > kAttributionBytes) return false;
  // One speech verb at most, in the first sentence: the previous quotation's own attribution. Another
  // reports somebody else's words ("…,” she said. It is never too late to begin, said Dr. Pratt. “…,” he
  // said.), and so does a second one in the same sentence ("She said he then announced: “…”").
  const SpeechVerbs verbs = speech_verbs(between);
  return verbs.count <= 1 && !verbs.after_first_sentence;
}

// Whether a quotation the text attributes to nobody continues the previous one: the same paragraph, and
// nothing between them but that quotation's own attribution, which names its speaker after it ("“…,” Lina
// Khatib told the AP. “The next move makes it trickier.”", "“…,” Smith said, “and it will.”").
bool continues_previous(const Article& article, const Previous& previous, const Place& here) {
  if (!may_carry_over(previous) || here.block != previous.place.block || here.open < previous.place.close_end)
    return false;
  std::string_view between = text_between(article, previous.place, here);
  while (!between.empty() && (between.back() == ' ' || between.back() == '\n')) between.remove_suffix(1);
  if (between.empty() || between.size() > kAttributionBytes) return false;
  const char last = between.back();
  if (last != '.' && last != ',' && last != ':') return false;
  // Exactly one speech verb, in the attribution's one sentence: the previous quotation's own.
  if (std::min(sentence_stop(between), between.size()) + 1 < between.size()) return false;
  return speech_verbs(between).count == 1;
}

// Puts the person a pronoun or "the author" stands for in the quotation's speaker, keeping the words
// the text used in speaker_as_written; a pronoun nobody can be found for leaves the speaker empty.
void resolve_reference(const Article& article, const Previous& previous, const Place& here, Quote* quote) {
  if (quote->speaker.empty()) {
    if (continues_previous(article, previous, here)) quote->speaker = previous.speaker;
    return;
  }
  const std::string folded = decode::lower(quote->speaker);
  if (is_one_of(folded, kTheAuthor)) {
    if (article.authors.size() != 1) return;
    quote->speaker_as_written = std::move(quote->speaker);
    quote->speaker = article.authors[0];
    return;
  }
  if (!is_one_of(folded, kPronouns)) return;
  std::string pronoun = std::move(quote->speaker);
  quote->speaker.clear();
  if (!follows_directly(article, previous, here) || !may_stand_for(pronoun, previous.speaker)) return;
  quote->speaker = previous.speaker;
  quote->speaker_as_written = std::move(pronoun);
}

// Appends a quotation whose speaker is settled; it becomes the previous one.
void push_quote(Quote quote, const Place& here, Previous* previous, std::vector<Quote>* quotes) {
  *previous = {true, quote.speaker, quote.text.ends_with('?'), here};
  quotes->push_back(std::move(quote));
}

// Appends a quotation with its speaker resolved.
void add_quote(const Article& article, std::string_view words, std::string speaker, const Place& here,
               Previous* previous, std::vector<Quote>* quotes) {
  Quote quote{std::string(words), std::move(speaker), here.block, {}};
  resolve_reference(article, *previous, here, &quote);
  push_quote(std::move(quote), here, previous, quotes);
}

// ---- Dialogue written with dashes ------------------------------------------------------------------

// Russian, Ukrainian and Scandinavian papers set direct speech as dialogue, with dashes instead of marks:
// "— Мы ждем его с визитом в Россию, — попросил коллегу господин Путин. — Обмен информацией полезен.",
// "– Det er ikke over, sier Retzius til NRK.". The words run from the paragraph's opening dash to a comma,
// "!", "?" or "…" before the next dash (or, in Scandinavian style, to the comma before a speech verb); the
// attribution follows; words after it, behind another dash, are the same speaker's.
struct DashDialogue {
  std::string_view first, second;  // the quoted words, before and after the attribution
  std::string speaker;
  std::size_t open = 0, first_end = 0, second_open = 0;
};

// The position of the dash that follows "," "!" "?" "…" (with or without a space between), from `from`;
// *words_end is where the quoted words end (after "!" or "?", before a comma).
std::size_t attribution_dash(std::string_view text, std::size_t from, std::size_t* words_end) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c != ',' && c != '!' && c != '?' && !(c == '\xE2' && text.substr(i, 3) == "\xE2\x80\xA6")) continue;
    std::size_t j = i + (c == '\xE2' ? 3 : 1);
    while (j < text.size() && text[j] == ' ') ++j;
    std::size_t len = 1;
    if (j < text.size() && is_dash(decode_at(text, j, &len)) && text[j] != '-') {
      *words_end = c == ',' ? i : i + (c == '\xE2' ? 3 : 1);
      return j + len;
    }
  }
  return std::string_view::npos;
}

bool read_dash_dialogue(std::string_view text, DashDialogue* out) {
  std::size_t at = text.find_first_not_of(" \n\t");
  std::size_t len = 1;
  if (at == std::string_view::npos || text[at] == '-' || !is_dash(decode_at(text, at, &len))) return false;
  at += len;
  while (at < text.size() && text[at] == ' ') ++at;
  std::size_t words_end = 0;
  std::size_t after = attribution_dash(text, at, &words_end);
  std::string_view tail;
  if (after != std::string_view::npos) {
    tail = text.substr(after);
  } else {
    // "– Det er ikke over, sier Retzius til NRK.": no second dash; the clause after the last comma of the
    // first sentence opens with a speech verb.
    const std::size_t stop = sentence_stop(text.substr(at));
    const std::size_t comma = text.substr(at, stop).rfind(',');
    if (comma == std::string_view::npos) return false;
    words_end = at + comma;
    tail = text.substr(words_end + 1);
    const std::vector<std::string_view> first_words = words_of(tail.substr(0, 40));
    if (first_words.empty() || !is_verb(first_words[0])) return false;
  }
  out->open = at;
  out->first = text.substr(at, words_end - at);
  while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
  // The attribution: to its sentence's end, or to a dash that resumes the words (",— входит в …").
  std::size_t resume_end = 0;
  const std::size_t resume = attribution_dash(tail, 0, &resume_end);
  std::size_t stop = sentence_stop(tail);
  std::string_view attribution =
      tail.substr(0, std::min({stop, resume == std::string_view::npos ? resume : resume_end, kAttributionBytes}));
  out->speaker = speaker_after(attribution);
  if (out->speaker.empty()) return false;
  // Words after the attribution: resumed by a dash inside its sentence (",— входит в …"), or behind
  // another dash after it ("… Путин. — Обмен информацией полезен.").
  const std::size_t sentence_end = stop == std::string_view::npos ? tail.size() : stop;
  std::size_t next = stop == std::string_view::npos ? tail.size() : stop + 1;
  if (resume < sentence_end) {
    next = resume;
  } else {
    while (next < tail.size() && tail[next] == ' ') ++next;
    std::size_t dash_len = 1;
    if (next >= tail.size() || tail[next] == '-' || !is_dash(decode_at(tail, next, &dash_len))) return true;
    next += dash_len;
  }
  while (next < tail.size() && tail[next] == ' ') ++next;
  out->second = tail.substr(next);
  while (!out->second.empty() && (out->second.back() == ' ' || out->second.back() == '\n'))
    out->second.remove_suffix(1);
  out->first_end = words_end;
  out->second_open = static_cast<std::size_t>(out->second.data() - text.data());
  return true;
}

}  // namespace

void find_quotes(Article* article) {
  article->quotes.clear();
  Previous previous;
  for (std::size_t b = 0; b < article->blocks.size() && article->quotes.size() < kMaxQuotes; ++b) {
    const Block& block = article->blocks[b];
    if (block.kind != BlockKind::paragraph && block.kind != BlockKind::quote) continue;
    const std::string_view text = block.text;
    DashDialogue dialogue;
    if (block.kind == BlockKind::paragraph && read_dash_dialogue(text, &dialogue)) {
      const auto here = [&](std::size_t open, std::size_t end) {
        return Place{static_cast<std::uint32_t>(b), open, end, text.size(), open == dialogue.open};
      };
      if (long_enough(dialogue.first))
        add_quote(*article, dialogue.first, dialogue.speaker, here(dialogue.open, dialogue.first_end), &previous,
                  &article->quotes);
      if (long_enough(dialogue.second) && article->quotes.size() < kMaxQuotes) {
        // The same speaker as the words before the attribution, as resolved.
        const bool first_kept = !article->quotes.empty() && article->quotes.back().block == b;
        std::string same = first_kept ? article->quotes.back().speaker : dialogue.speaker;
        std::string as_written = first_kept ? article->quotes.back().speaker_as_written : std::string();
        if (!is_pronoun(same))
          push_quote({std::string(dialogue.second), std::move(same), static_cast<std::uint32_t>(b),
                      std::move(as_written)},
                     here(dialogue.second_open, text.size()), &previous, &article->quotes);
      }
      continue;
    }
    std::vector<Span> spans = quotations(text);
    std::size_t floor = 0;
    bool any = false;
    for (const Span& s : spans) {
      if (article->quotes.size() >= kMaxQuotes) break;
      std::string_view words = trim_quoted(text.substr(s.begin, s.end - s.begin));
      // Fewer than five words are a quotation only when they hand over to a speech verb ("«Смета выросла
      // почти вдвое», — добавил глава департамента", "“Not at all,” he said"), not a term or a title.
      // Two words hand over only as a sentence ("Hold on!"); "white paper," a term, does not.
      const bool long_words = long_enough(words);
      const bool may_be_short = !long_words && hands_over(text, s.end, s.close_end) &&
                                (long_enough(words, kMinAttributedWords + 1) ||
                                 (long_enough(words, kMinAttributedWords) && !words.empty() &&
                                  (words.back() == '!' || words.back() == '?' || words.back() == '.')));
      std::string speaker;
      if (long_words || may_be_short) speaker = speaker_after(after_quote(text, s.close_end));
      if (!long_words && (!may_be_short || speaker.empty())) {
        floor = s.close_end;
        continue;
      }
      if (speaker.empty() || is_pronoun(speaker)) {
        std::string before = speaker_before(text, s.open, floor);
        if (!before.empty() && (speaker.empty() || !is_pronoun(before))) speaker = std::move(before);
      }
      if (speaker.empty()) speaker = epigraph_speaker(text, s.close_end);
      const bool opens_block = text.find_first_not_of(" \n\t") == s.open;
      const Place here{static_cast<std::uint32_t>(b), s.open, s.close_end, text.size(), opens_block};
      add_quote(*article, words, std::move(speaker), here, &previous, &article->quotes);
      floor = s.close_end;
      any = true;
    }
    if (block.kind == BlockKind::quote && !any) {
      std::string_view words;
      std::string speaker;
      split_signature(text, &words, &speaker);
      if (long_enough(words))
        add_quote(*article, words, std::move(speaker),
                  {static_cast<std::uint32_t>(b), 0, text.size(), text.size(), false}, &previous, &article->quotes);
    }
  }
}

}  // namespace lede::assemble
