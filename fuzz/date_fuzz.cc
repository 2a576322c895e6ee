// Fuzz target: the date reader (meta/dates.h) over any text — visible-text dates with and without a
// reference day, both numeric orders, and declared (ISO 8601 / RFC 2822) dates. Property: a date it
// returns is a real calendar day inside the documented year range, and to_iso() writes it as valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "meta/dates.h"

namespace {

void check(const lede::meta::DateTime& date) {
  using lede::fuzz::require;
  require(date.year >= 1 && date.year <= 9999, "a year with four digits");
  require(date.month >= 1 && date.month <= 12, "a month 1..12");
  require(date.day >= 1 && date.day <= 31, "a day 1..31");
  int y = 0, m = 0, d = 0;
  lede::meta::civil_from_days(lede::meta::days_from_civil(date.year, date.month, date.day), &y, &m, &d);
  require(y == date.year && m == date.month && d == date.day, "the day exists in the calendar");
  require(date.hour >= -1 && date.hour <= 23, "an hour -1..23");
  require(date.minute >= 0 && date.minute <= 59, "a minute 0..59");
  require(date.second >= 0 && date.second <= 60, "a second 0..60");
  require(date.offset_minutes > -24 * 60 && date.offset_minutes < 24 * 60, "an offset under a day");
  lede::fuzz::require_utf8("to_iso", lede::meta::to_iso(date));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider data(bytes, size);
  auto choice = data.ConsumeIntegral<std::uint8_t>();
  lede::meta::DateTime reference;
  reference.year = 2000 + (choice & 31);
  reference.month = 1 + data.ConsumeIntegralInRange<int>(0, 11);
  reference.day = 1 + data.ConsumeIntegralInRange<int>(0, 27);
  reference.hour = data.ConsumeIntegralInRange<int>(-1, 23);
  auto order = choice & 32 ? lede::meta::NumericOrder::month_first : lede::meta::NumericOrder::day_first;
  std::string text = data.ConsumeRemainingBytesAsString();

  lede::meta::DateTime out;
  if (lede::meta::parse_date(text, choice & 64 ? &reference : nullptr, order, &out)) check(out);
  out = {};
  if (lede::meta::parse_declared_date(text, &out)) check(out);
  return 0;
}
