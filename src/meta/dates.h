// Dates as pages write them: ISO 8601 and RFC 2822 from declarations, and the many ways visible text says a
// day ("14 марта 2022, 12:30", "14.03.2022", "Mar 14, 2022", "2022年3月14日", "вчера", "3 hours ago").
// Parsing only: it never decides which date on a page is the publication date (meta.cc does).
#pragma once

#include <string>
#include <string_view>

namespace lede::meta {

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;  // hour < 0: the time of day is unknown
  bool has_offset = false;                // the page gave a time zone
  int offset_minutes = 0;                 // east of UTC

  bool valid() const { return year > 0; }
};

// How to read an all-numeric date whose day and month could swap (03/04/2022).
enum class NumericOrder { day_first, month_first };

// Finds the first date in `text`. `reference` (may be null) resolves relative dates and dates without a
// year; without it they are not dates. Years outside 1990..(reference year + 1, or 2100) are rejected.
// Returns false when the text holds no date.
bool parse_date(std::string_view text, const DateTime* reference, NumericOrder order, DateTime* out);

// A declared machine-readable date (ISO 8601, RFC 2822, or what parse_date reads), from metadata.
bool parse_declared_date(std::string_view text, DateTime* out);

// "2022-03-14", "2022-03-14T12:30:00", "2022-03-14T12:30:00+03:00", "2022-03-14T12:30:00Z".
std::string to_iso(const DateTime& date);

// Days since 1970-01-01 of a valid date (proleptic Gregorian), for comparing and shifting days.
long days_from_civil(int year, int month, int day);
void civil_from_days(long days, int* year, int* month, int* day);

// Month and relative-day vocabulary, in the languages of date_words.cc.
int month_from_word(std::string_view lower_word);             // 1..12, or 0
int relative_day_from_word(std::string_view lower_word);      // 0 today, 1 yesterday, -1 not one
// Units of "N <unit> ago": minutes 1, hours 60, days 1440, weeks 10080; 0 when not a unit word.
int relative_unit_minutes(std::string_view lower_word);
bool is_ago_word(std::string_view lower_word);
bool is_clock_connector(std::string_view lower_word);  // "at", "um", "à", "в", "у", "klo", ... before a clock
bool is_weekday_word(std::string_view lower_word);  // "monday", "mon", "montag", "понедельник", ...  // "ago", "назад", "тому", "vor", "hace", "fa", "temu", ...
// Words that say a date is an update, not the first publication ("updated", "обновлено", "aktualisiert").
bool is_update_word(std::string_view lower_word);
// Words that say a date is the first publication ("published", "опубликовано", "veröffentlicht").
bool is_publish_word(std::string_view lower_word);

}  // namespace lede::meta
