// Fuzz target: decode::to_utf8 over any bytes, with a Content-Type header and an override label taken from
// the input. Property: it never fails and always returns valid UTF-8 with a named encoding and source.
#include <cstddef>
#include <cstdint>
#include <string>

#include "decode/decode.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider data(bytes, size);
  std::string content_type = lede::fuzz::pick_content_type(data);
  std::string override_label = data.ConsumeIntegralInRange<int>(0, 3) == 0 ? lede::fuzz::pick_label(data) : "";
  std::string page = data.ConsumeRemainingBytesAsString();

  lede::decode::Decoded decoded = lede::decode::to_utf8(page, content_type, override_label);
  lede::fuzz::require_utf8("decoded page", decoded.utf8);
  lede::fuzz::require(!decoded.encoding.empty(), "an encoding is named");
  const std::string& s = decoded.source;
  lede::fuzz::require(s == "caller" || s == "bom" || s == "http" || s == "meta" || s == "detected" || s == "default",
                      "the source is one of the documented ones");
  if (s == "caller") {
    lede::fuzz::require(!lede::decode::canonical_encoding(override_label).empty(), "a caller label is a known one");
  }
  return 0;
}
