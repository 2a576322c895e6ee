// Date parsing (dates.h): ISO 8601 first, then a token scan for the shapes visible text uses. It finds a
// date in a string; it must not judge whether that date is the page's publication date.
#include "meta/dates.h"

#include <array>
#include <cstdio>
#include <vector>

#include "decode/utf8.h"
#include "meta/text.h"

namespace lede::meta {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool valid_day(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

int max_year(const DateTime* reference) { return reference && reference->valid() ? reference->year + 1 : 2100; }

// Reads exactly n digits at s[i]; false when they are not there.
bool digits(std::string_view s, std::size_t i, std::size_t n, int* value) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_ascii_digit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  *value = v;
  return true;
}

// A zone designator at s[i]: "Z", "+03:00", "+0300", "+03", "-05:00". Advances *i on success.
bool zone(std::string_view s, std::size_t* i, int* offset) {
  std::size_t p = *i;
  while (p < s.size() && s[p] == ' ') ++p;
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    *offset = 0;
    *i = p + 1;
    return true;
  }
  if (p >= s.size() || (s[p] != '+' && s[p] != '-')) return false;
  const int sign = s[p] == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!digits(s, p + 1, 2, &h)) return false;
  std::size_t q = p + 3;
  if (q < s.size() && s[q] == ':') ++q;
  if (digits(s, q, 2, &m)) q += 2;
  else m = 0;
  if (h > 14 || m > 59) return false;
  *offset = sign * (h * 60 + m);
  *i = q;
  return true;
}

// Time zone abbreviations pages print after a clock time, with their offsets in minutes. Ambiguous ones
// (IST, CST in Asia) read as the common western meaning or are left out.
struct ZoneName {
  std::string_view name;
  int offset;
};
constexpr ZoneName kZoneNames[] = {
    {"utc", 0},      {"gmt", 0},      {"z", 0},         {"est", -300},  {"edt", -240}, {"cst", -360},
    {"cdt", -300},   {"mst", -420},   {"mdt", -360},    {"pst", -480},  {"pdt", -420}, {"bst", 60},
    {"cet", 60},     {"cest", 120},   {"mez", 60},      {"mesz", 120},  {"eet", 120},  {"eest", 180},
    {"msk", 180},    {"jst", 540},    {"kst", 540},     {"aest", 600},  {"aedt", 660},
};

// ISO 8601 at s[i]: YYYY-MM-DD, optionally followed by [T ]HH:MM[:SS[.fff]][zone].
bool iso_at(std::string_view s, std::size_t i, DateTime* out) {
  DateTime d;
  if (!digits(s, i, 4, &d.year) || i + 10 > s.size() || s[i + 4] != '-' || !digits(s, i + 5, 2, &d.month) ||
      s[i + 7] != '-' || !digits(s, i + 8, 2, &d.day))
    return false;
  if (!valid_day(d.year, d.month, d.day)) return false;
  std::size_t p = i + 10;
  if (p < s.size() && is_ascii_digit(s[p])) return false;
  if (p + 5 < s.size() && (s[p] == 'T' || s[p] == ' ' || s[p] == 't')) {
    int h, m;
    if (digits(s, p + 1, 2, &h) && p + 3 < s.size() && s[p + 3] == ':' && digits(s, p + 4, 2, &m) && h < 24 &&
        m < 60) {
      d.hour = h;
      d.minute = m;
      p += 6;
      int sec;
      if (p < s.size() && s[p] == ':' && digits(s, p + 1, 2, &sec) && sec < 61) {
        d.second = sec > 59 ? 59 : sec;
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
          ++p;
          while (p < s.size() && is_ascii_digit(s[p])) ++p;
        }
      }
      int offset;
      if (zone(s, &p, &offset)) {
        d.has_offset = true;
        d.offset_minutes = offset;
      }
    }
  }
  *out = d;
  return true;
}

struct Token {
  enum Kind { number, word, punct } kind;
  std::string_view raw;  // the bytes in the text
  std::string low;       // words: lower case
  int value = 0;         // numbers
  bool space_before = false;
  int digits = 0;        // numbers: how many digits ("2024" and "２０２４" have four)
};

// A decimal digit's value in the scripts pages write dates in: ASCII, full-width (Japanese and Chinese
// pages: "２０２４年１月１３日"), Arabic-Indic and Persian, Devanagari; -1 for anything else.
int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  for (const char32_t zero : {U'\uFF10', U'\u0660', U'\u06F0', U'\u0966'})
    if (c >= zero && c <= zero + 9) return static_cast<int>(c - zero);
  return -1;
}

void tokenize(std::string_view text, std::vector<Token>* tokens) {
  tokens->clear();
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, len, valid] = decode::utf8_at(text, i);
    if (digit_value(c) >= 0) {
      std::size_t j = i;
      int v = 0, digits = 0;
      for (int digit; j < text.size();) {
        const decode::Utf8Char d = decode::utf8_at(text, j);
        if ((digit = digit_value(d.cp)) < 0) break;
        if (v < 100000) v = v * 10 + digit;
        ++digits;
        j += d.length;
      }
      tokens->push_back({Token::number, text.substr(i, j - i), {}, v, space, digits});
      i = j;
    } else if (is_letter(c)) {
      std::size_t j = i;
      // CJK ideographs and Hangul syllables are single-character words: 年 月 日 년 월 일 stand alone.
      const bool cjk = c >= 0x2E80;
      if (cjk) {
        j += len;
      } else {
        char32_t prev = 0;
        while (j < text.size()) {
          const auto [d, l, d_valid] = decode::utf8_at(text, j);
          if (!is_letter(d) || d >= 0x2E80) break;
          // Two words a template glued, the second capitalised: "EditorialNovember 22, 2018" (a category and
          // the date in spans with no space between) reads "Editorial November".
          if (prev >= 'a' && prev <= 'z' && d >= 'A' && d <= 'Z') break;
          prev = d;
          j += l;
        }
      }
      std::string_view raw = text.substr(i, j - i);
      tokens->push_back({Token::word, raw, decode::lower(raw), 0, space});
      i = j;
      if (i < text.size() && text[i] >= 'A' && text[i] <= 'Z' && is_letter(c) && c < 0x2E80) {
        space = true;  // the glued word starts as after a space
        continue;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2009) {
      space = true;
      i += len;
      continue;
    } else {
      tokens->push_back({Token::punct, text.substr(i, len), {}, 0, space});
      i += len;
    }
    space = false;
  }
}

bool is_punct(const Token& t, char c) { return t.kind == Token::punct && t.raw.size() == 1 && t.raw[0] == c; }

// A clock time starting at token k: H:MM[:SS] [am|pm] [zone]. Returns the index after it, or k.
std::size_t clock_at(const std::vector<Token>& t, std::size_t k, DateTime* d) {
  if (k + 2 >= t.size() || t[k].kind != Token::number || t[k].digits > 2) return k;
  const bool colon = is_punct(t[k + 1], ':') || (is_punct(t[k + 1], '.') && !t[k + 1].space_before);
  if (!colon || t[k + 2].kind != Token::number || t[k + 2].digits != 2 || t[k + 2].space_before) return k;
  int h = t[k].value, m = t[k + 2].value, s = 0;
  std::size_t n = k + 3;
  if (n + 1 < t.size() && is_punct(t[n], ':') && t[n + 1].kind == Token::number && t[n + 1].digits == 2) {
    s = t[n + 1].value;
    n += 2;
  }
  if (n < t.size() && t[n].kind == Token::word) {
    const std::string& w = t[n].low;
    if ((w == "am" || w == "a") && h <= 12) {
      if (h == 12) h = 0;
      ++n;
    } else if ((w == "pm" || w == "p") && h <= 12) {
      if (h < 12) h += 12;
      ++n;
    }
    if (n < t.size() && t[n].kind == Token::punct && t[n].raw == "." && n + 1 < t.size() &&
        t[n + 1].kind == Token::word && t[n + 1].low == "m")
      n += 2;  // "p.m."
  }
  if (h > 23 || m > 59 || s > 59) return k;
  d->hour = h;
  d->minute = m;
  d->second = s;
  // A zone: "GMT", "UTC+3", "+03:00", "MSK".
  if (n < t.size() && t[n].kind == Token::word) {
    for (const ZoneName& z : kZoneNames) {
      if (t[n].low == z.name) {
        d->has_offset = true;
        d->offset_minutes = z.offset;
        ++n;
        break;
      }
    }
  }
  if (n + 1 < t.size() && t[n].kind == Token::punct && (t[n].raw == "+" || t[n].raw == "-") &&
      t[n + 1].kind == Token::number && (t[n + 1].digits == 4 || t[n + 1].digits <= 2)) {
    const int sign = t[n].raw == "-" ? -1 : 1;
    int hh = t[n + 1].digits == 4 ? t[n + 1].value / 100 : t[n + 1].value;
    int mm = t[n + 1].digits == 4 ? t[n + 1].value % 100 : 0;
    if (hh <= 14 && mm < 60) {
      d->has_offset = true;
      d->offset_minutes = sign * (hh * 60 + mm);
      n += 2;
    }
  }
  return n;
}

// Looks for a clock time shortly after token `after` or just before token `before`.
void find_clock(const std::vector<Token>& t, std::size_t before, std::size_t after, DateTime* d) {
  for (std::size_t k = after; k < t.size() && k < after + 4; ++k) {
    if (clock_at(t, k, d) != k) return;
    if (t[k].kind == Token::word && !is_clock_connector(t[k].low)) break;
  }
  const std::size_t from = before >= 4 ? before - 4 : 0;
  for (std::size_t k = from; k < before; ++k) {
    DateTime probe;
    const std::size_t end = clock_at(t, k, &probe);
    if (end != k && end + 3 >= before) {
      d->hour = probe.hour;
      d->minute = probe.minute;
      d->second = probe.second;
      if (probe.has_offset && !d->has_offset) {
        d->has_offset = true;
        d->offset_minutes = probe.offset_minutes;
      }
      return;
    }
  }
}

bool year_ok(int y, const DateTime* reference) { return y >= 1990 && y <= max_year(reference); }

int year_value(const Token& t) {
  if (t.kind != Token::number) return 0;
  if (t.digits == 4) return t.value;
  return 0;
}

bool day_token(const Token& t) { return t.kind == Token::number && t.digits <= 2 && t.value >= 1 && t.value <= 31; }

bool ordinal_suffix(const Token& t) {
  return t.kind == Token::word &&
         (t.low == "st" || t.low == "nd" || t.low == "rd" || t.low == "th" || t.low == "er" || t.low == "e" ||
          t.low == "º" || t.low == "o" || t.low == "go" || t.low == "ego");
}

bool connector(const Token& t) {
  if (t.kind == Token::punct) return t.raw == "," || t.raw == "." || t.raw == "-" || t.raw == "/";
  return t.low == "de" || t.low == "del" || t.low == "of" || t.low == "the" || t.low == "di";
}

// Year without a year on the page: the reference year, or the year before when the day would be later.
int infer_year(int month, int day, const DateTime* reference) {
  if (!reference || !reference->valid()) return 0;
  if (month > reference->month || (month == reference->month && day > reference->day)) return reference->year - 1;
  return reference->year;
}

bool finish(DateTime d, const DateTime* reference, DateTime* out) {
  if (!valid_day(d.year, d.month, d.day) || !year_ok(d.year, reference)) return false;
  *out = d;
  return true;
}

// A date around the month word at token m.
bool month_date(const std::vector<Token>& t, std::size_t m, const DateTime* reference, DateTime* out) {
  DateTime d;
  d.month = month_from_word(t[m].low);
  if (!d.month) return false;
  // Day before the month: "14 марта", "14. März", "14 de marzo", "le 14 mars", "14th of March".
  std::size_t first = m, last = m;
  std::size_t k = m;
  if (k > 0 && (is_punct(t[k - 1], '.') || connector(t[k - 1]))) --k;
  if (k > 0 && ordinal_suffix(t[k - 1])) --k;
  // (A number glued after ':' is a clock's minutes, not a day.)
  std::size_t after = m + 1;
  if (after < t.size() && is_punct(t[after], '.') && !t[after].space_before) ++after;  // "Mar. 14"
  if (k > 0 && day_token(t[k - 1]) && !(k >= 2 && is_punct(t[k - 2], ':') && !t[k - 1].space_before)) {
    d.day = t[k - 1].value;
    first = k - 1;
  } else if (after < t.size() && day_token(t[after]) &&
             !(after + 1 < t.size() && is_punct(t[after + 1], ':') && !t[after + 1].space_before)) {
    // Day after the month: "Mar 14, 2022", "March 14th".
    d.day = t[after].value;
    last = after;
    if (last + 1 < t.size() && ordinal_suffix(t[last + 1]) && !t[last + 1].space_before) ++last;
  }
  // Year after: "14 марта 2022", "Mar 14, 2022", "14 de marzo de 2022", "14 марта 2022 г."
  std::size_t y = last + 1;
  for (int skips = 0; y < t.size() && skips < 2 && t[y].kind != Token::number && connector(t[y]); ++skips) ++y;
  if (y < t.size() && year_value(t[y]) && year_ok(year_value(t[y]), reference)) {
    d.year = year_value(t[y]);
    last = y;
  }
  // Year before a month that its day follows: Hungarian "2022. március 14.".
  if (!d.year && first == m && d.day) {
    std::size_t b = m;
    if (b > 0 && is_punct(t[b - 1], '.')) --b;
    if (b > 0 && year_value(t[b - 1]) && year_ok(year_value(t[b - 1]), reference)) {
      d.year = year_value(t[b - 1]);
      first = b - 1;
    }
  }
  if (!d.day) {
    // "March 2022" names a month, not a day: not a date.
    return false;
  }
  if (!d.year) {
    d.year = infer_year(d.month, d.day, reference);
    if (!d.year) return false;
  }
  find_clock(t, first, last + 1, &d);
  return finish(d, reference, out);
}

// All-numeric dates: 14.03.2022, 14/03/2022, 03/14/2022, 2022/03/14, 2022.03.14, 14.03.22.
// A two-digit year ("03/09/99"): the latest year with those digits not after the reference's next year;
// without a reference, as POSIX reads %y (69-99 the 1900s, 00-68 the 2000s).
int century_of(int two_digits, const DateTime* reference) {
  if (reference == nullptr || !reference->valid()) return two_digits >= 69 ? 1900 + two_digits : 2000 + two_digits;
  int year = (reference->year / 100) * 100 + two_digits;
  while (year > reference->year + 1) year -= 100;
  return year;
}

bool numeric_date(const std::vector<Token>& t, std::size_t k, const DateTime* reference, NumericOrder order,
                  DateTime* out) {
  if (k + 4 >= t.size()) return false;
  const Token &a = t[k], &s1 = t[k + 1], &b = t[k + 2], &s2 = t[k + 3], &c = t[k + 4];
  if (a.kind != Token::number || b.kind != Token::number || c.kind != Token::number) return false;
  if (s1.kind != Token::punct || s2.kind != Token::punct || s1.raw != s2.raw) return false;
  const char sep = s1.raw[0];
  if (sep != '.' && sep != '/' && sep != '-') return false;
  if (b.space_before || c.space_before || s1.space_before) return false;
  // Not part of a longer number run (an IP address or a version: 1.2.3.4).
  if (k + 5 < t.size() && t[k + 5].kind == Token::punct && t[k + 5].raw[0] == sep && !t[k + 5].space_before &&
      k + 6 < t.size() && t[k + 6].kind == Token::number && !t[k + 6].space_before)
    return false;
  if (k >= 1 && t[k - 1].kind == Token::punct && t[k - 1].raw[0] == sep && !a.space_before) return false;
  DateTime d;
  if (a.digits == 4) {
    d.year = a.value;
    d.month = b.value;
    d.day = c.value;
    if (b.digits > 2 || c.digits > 2) return false;
  } else {
    if (a.digits > 2 || b.digits > 2) return false;
    if (c.digits == 4) d.year = c.value;
    else if (c.digits == 2 && sep != '-') d.year = century_of(c.value, reference);
    else return false;
    int first = a.value, second = b.value;
    bool month_first = order == NumericOrder::month_first && sep == '/';
    if (first > 12 && second <= 12) month_first = false;
    else if (second > 12 && first <= 12) month_first = true;
    d.day = month_first ? second : first;
    d.month = month_first ? first : second;
  }
  find_clock(t, k, k + 5, &d);
  return finish(d, reference, out);
}

// 2022年3月14日, 2022년 3월 14일.
bool cjk_date(const std::vector<Token>& t, std::size_t k, const DateTime* reference, DateTime* out) {
  if (k + 4 >= t.size()) return false;
  if (!year_value(t[k])) return false;
  auto is = [&](std::size_t i, std::string_view a, std::string_view b) {
    return i < t.size() && t[i].kind == Token::word && (t[i].raw == a || t[i].raw == b);
  };
  if (!is(k + 1, "年", "년") || t[k + 2].kind != Token::number || !is(k + 3, "月", "월") ||
      t[k + 4].kind != Token::number)
    return false;
  DateTime d;
  d.year = t[k].value;
  d.month = t[k + 2].value;
  d.day = t[k + 4].value;
  std::size_t after = k + 5;
  if (is(after, "日", "일")) ++after;
  find_clock(t, k, after, &d);
  return finish(d, reference, out);
}

// "вчера", "yesterday, 12:30", "3 hours ago", "vor 2 Tagen", "il y a 3 heures".
bool relative_date(const std::vector<Token>& t, const DateTime* reference, DateTime* out) {
  if (!reference || !reference->valid()) return false;
  long day = days_from_civil(reference->year, reference->month, reference->day);
  DateTime d;
  bool found = false;
  for (std::size_t k = 0; k < t.size() && !found; ++k) {
    if (t[k].kind != Token::word) continue;
    const int back = relative_day_from_word(t[k].low);
    if (back >= 0) {
      civil_from_days(day - back, &d.year, &d.month, &d.day);
      find_clock(t, k, k + 1, &d);
      found = true;
    }
  }
  if (!found) {
    bool ago = false;
    for (const Token& x : t) ago |= x.kind == Token::word && is_ago_word(x.low);
    for (std::size_t k = 0; ago && k + 1 < t.size() && !found; ++k) {
      if (t[k].kind != Token::number || t[k + 1].kind != Token::word) continue;
      const int unit = relative_unit_minutes(t[k + 1].low);
      if (!unit) continue;
      const long minutes = static_cast<long>(t[k].value) * unit;
      if (minutes > 60L * 24 * 60) return false;  // months ago: too vague to be a day
      long total = day * 1440 + (reference->hour >= 0 ? reference->hour * 60 + reference->minute : 0) - minutes;
      civil_from_days(total >= 0 ? total / 1440 : (total - 1439) / 1440, &d.year, &d.month, &d.day);
      found = true;
    }
  }
  if (!found) return false;
  return finish(d, reference, out);
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int* year, int* month, int* day) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (*month <= 2));
}

bool parse_date(std::string_view text, const DateTime* reference, NumericOrder order, DateTime* out) {
  if (text.size() > 400) text = text.substr(0, 400);
  // Without a digit only a relative date ("yesterday") can be here, and those need the reference.
  bool digit = false;
  for (std::size_t i = 0; i < text.size() && !digit;) {
    const decode::Utf8Char u = decode::utf8_at(text, i);
    digit = digit_value(u.cp) >= 0;
    i += u.length;
  }
  if (!digit && (!reference || !reference->valid())) return false;
  for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
    if (!is_ascii_digit(text[i]) || (i > 0 && is_ascii_digit(text[i - 1]))) continue;
    DateTime d;
    if (iso_at(text, i, &d) && year_ok(d.year, reference)) {
      *out = d;
      return true;
    }
  }
  thread_local std::vector<Token> tokens;
  tokenize(text, &tokens);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& tok = tokens[k];
    if (tok.kind == Token::word && month_from_word(tok.low) && month_date(tokens, k, reference, out)) return true;
    if (tok.kind == Token::number) {
      if (numeric_date(tokens, k, reference, order, out)) return true;
      if (cjk_date(tokens, k, reference, out)) return true;
    }
  }
  return relative_date(tokens, reference, out);
}

bool parse_declared_date(std::string_view text, DateTime* out) {
  text = trim(text);
  if (text.empty()) return false;
  DateTime d;
  if (text.size() >= 10 && iso_at(text, 0, &d) && year_ok(d.year, nullptr)) {
    *out = d;
    return true;
  }
  // Compact ISO: 20220314 or 20220314T123000Z.
  if (text.size() >= 8 && digits(text, 0, 4, &d.year) && digits(text, 4, 2, &d.month) && digits(text, 6, 2, &d.day) &&
      (text.size() == 8 || text[8] == 'T') && valid_day(d.year, d.month, d.day) && year_ok(d.year, nullptr)) {
    *out = d;
    return true;
  }
  return parse_date(text, nullptr, NumericOrder::day_first, out);
}

std::string to_iso(const DateTime& d) {
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  std::string out(buf, static_cast<std::size_t>(n));
  if (d.hour < 0) return out;
  n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", d.hour, d.minute, d.second);
  out.append(buf, static_cast<std::size_t>(n));
  if (!d.has_offset) return out;
  if (d.offset_minutes == 0) return out + "Z";
  const int a = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
  n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace lede::meta
