// convert: turns bytes in a known encoding into valid UTF-8, dispatching to the UTF-8 repair, UTF-16,
// single-byte table or glibc iconv (multi-byte CJK) decoder. Never fails: bad input becomes U+FFFD.
// Must not choose the encoding, and must not loop without consuming input.
#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/internal.h"

namespace lede::decode::detail {
namespace {

const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

// A few iconv_t per thread, one per multi-byte iconv name, opened on first use and closed when the
// thread ends. iconv_open reads gconv modules and costs far more than a whole small page's decoding.
class IconvCache {
 public:
  ~IconvCache() {
    for (Slot& s : slots_) {
      if (s.cd != kNoIconv) iconv_close(s.cd);
    }
  }
  // A reset descriptor for `name`, or kNoIconv when glibc does not know it.
  iconv_t get(const char* name) {
    for (Slot& s : slots_) {
      if (s.name == name || (s.name != nullptr && std::strcmp(s.name, name) == 0)) {
        if (s.cd != kNoIconv) iconv(s.cd, nullptr, nullptr, nullptr, nullptr);
        return s.cd;
      }
      if (s.name == nullptr) {
        s.name = name;
        s.cd = iconv_open("UTF-8", name);
        return s.cd;
      }
    }
    return kNoIconv;  // more names than slots: cannot happen with the encoding table we have
  }

 private:
  struct Slot {
    const char* name = nullptr;
    iconv_t cd = kNoIconv;
  };
  std::array<Slot, 8> slots_{};
};

IconvCache& iconv_cache() {
  thread_local IconvCache cache;
  return cache;
}

void append_iconv(std::string_view bytes, const Encoding& enc, std::string* out) {
  iconv_t cd = iconv_cache().get(enc.iconv_name);
  if (cd == kNoIconv) {  // glibc without this converter: keep what is ASCII, replace the rest
    append_single_byte(bytes, windows1252_encoding(), out);
    return;
  }
  const std::size_t start = out->size();
  std::size_t used = start;
  out->resize(start + bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
  std::size_t in_left = bytes.size();
  auto grow = [&](std::size_t at_least) {
    std::size_t want = out->size() * 2;
    if (want < used + at_least) want = used + at_least;
    out->resize(want);
  };
  while (in_left > 0) {
    char* o = out->data() + used;
    std::size_t o_left = out->size() - used;
    const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    used = static_cast<std::size_t>(o - out->data());
    if (r != static_cast<std::size_t>(-1) && in_left == 0) break;
    if (r == static_cast<std::size_t>(-1) && errno == E2BIG) {
      grow(64);
      continue;
    }
    // EILSEQ (invalid), EINVAL (incomplete at the end) or anything else: one U+FFFD, skip one byte.
    // Every pass through here consumes a byte, so the loop always ends. (One WHATWG detail glibc
    // lacks: the gb18030/GBK decoder reads a lone 0x80 as the euro sign, as windows-936 did.)
    if (out->size() - used < 3) grow(3);
    const bool euro = *in == '\x80' && std::strcmp(enc.iconv_name, "GB18030") == 0;
    std::memcpy(out->data() + used, euro ? "\xE2\x82\xAC" : "\xEF\xBF\xBD", 3);
    used += 3;
    ++in;
    --in_left;
  }
  // Flush a stateful decoder (ISO-2022-JP) back to its initial state; it may emit pending output.
  for (int tries = 0; tries < 8; ++tries) {
    char* o = out->data() + used;
    std::size_t o_left = out->size() - used;
    const std::size_t r = iconv(cd, nullptr, nullptr, &o, &o_left);
    used = static_cast<std::size_t>(o - out->data());
    if (r != static_cast<std::size_t>(-1) || errno != E2BIG) break;
    grow(64);
  }
  out->resize(used);
  // An input 0x00 decodes to U+0000; lede's output never carries NULs.
  if (std::memchr(out->data() + start, 0, used - start) != nullptr) {
    std::string fixed;
    fixed.reserve(used - start + 16);
    for (std::size_t i = start; i < used; ++i) {
      if ((*out)[i] == '\0') {
        fixed.append("\xEF\xBF\xBD", 3);
      } else {
        fixed.push_back((*out)[i]);
      }
    }
    out->resize(start);
    out->append(fixed);
  }
}

}  // namespace

void convert(std::string_view bytes, const Encoding& enc, std::string* out) {
  switch (enc.kind) {
    case Kind::kUtf8: {
      const Utf8Stats st = scan_utf8(bytes, /*stop_at_error=*/true);
      if (st.clean()) {
        out->append(bytes);  // the fast path: already valid, copy as is
      } else {
        append_utf8_repaired(bytes, out);
      }
      return;
    }
    case Kind::kUtf16Le:
      append_utf16(bytes, /*big_endian=*/false, out);
      return;
    case Kind::kUtf16Be:
      append_utf16(bytes, /*big_endian=*/true, out);
      return;
    case Kind::kSingleByte:
      append_single_byte(bytes, enc, out);
      return;
    case Kind::kMultiByte:
      append_iconv(bytes, enc, out);
      return;
    case Kind::kReplacement:  // never chosen by decode.cc; decode as windows-1252 rather than fail
    case Kind::kUserDefined:
      append_single_byte(bytes, windows1252_encoding(), out);
      return;
  }
}

}  // namespace lede::decode::detail
