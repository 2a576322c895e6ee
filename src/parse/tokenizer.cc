// The tokenizer's states, written as loops over the input rather than one byte per state transition: text
// and attribute values are scanned 16 bytes at a time for the few bytes that end them ('<', '&', CR, NUL,
// the quote). Linear in the input whatever it holds: every loop moves forward, an unterminated comment or
// attribute value is one scan to the end, and attributes past the limit are read without being stored.
#include "parse/tokenizer.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "parse/char_refs.h"

namespace lede::parse {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD, for NUL where the spec wants it

// The first byte of [p, end) that is a, b, c or d; `end` if none.
inline const char* find_any(const char* p, const char* end, char a, char b, char c, char d) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
  while (end - p >= 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                               _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
    if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    char x = *p;
    if (x == a || x == b || x == c || x == d) return p;
  }
  return end;
}

inline bool is_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Bytes that end a tag name (space, '/', '>'), an attribute name (also '='), an unquoted value (space, '>').
struct Classes {
  bool tag_name_end[256] = {};
  bool attr_name_end[256] = {};
  bool unquoted_special[256] = {};  // ends the value, or needs handling ('&', NUL, CR)
  constexpr Classes() {
    for (unsigned char c : {' ', '\n', '\t', '\f', '\r', '/', '>'}) tag_name_end[c] = attr_name_end[c] = true;
    attr_name_end[static_cast<unsigned char>('=')] = true;
    for (unsigned char c : {' ', '\n', '\t', '\f', '\r', '>', '&', '\0'}) unquoted_special[c] = true;
  }
};
constexpr Classes kClasses;

std::uint32_t hash_name(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

constexpr std::size_t kLinearDuplicateCheck = 8;  // more attributes than this: a hash table finds duplicates

}  // namespace

Tokenizer::Tokenizer(std::string_view input, std::size_t max_attributes)
    : pos_(input.data()), end_(input.data() + input.size()), max_attributes_(max_attributes) {}

void Tokenizer::set_text_mode(TextMode mode) {
  mode_ = mode;
  raw_end_name_.assign(name_);
}

TokenKind Tokenizer::next() {
  while (pos_ < end_) {
    TokenKind kind = mode_ == TextMode::data ? data() : raw_text();
    if (kind != TokenKind::eof) return kind;
  }
  return TokenKind::eof;
}

TokenKind Tokenizer::text_run(const char* start, const char* p) {
  pos_ = p;
  text_ = std::string_view(start, static_cast<std::size_t>(p - start));
  return p > start ? TokenKind::text : TokenKind::eof;
}

bool Tokenizer::char_ref(const char* p) {
  CharRef ref = decode_char_ref(std::string_view(p + 1, static_cast<std::size_t>(end_ - p - 1)), false);
  if (ref.consumed == 0) return false;
  std::memcpy(ref_text_, ref.text, ref.length);
  text_ = std::string_view(ref_text_, ref.length);
  pos_ = p + 1 + ref.consumed;
  return true;
}

// Data state: a text run, a decoded reference, or a tag. Returns eof when it only skipped something
// (a comment, a NUL) and the caller should go on.
TokenKind Tokenizer::data() {
  const char* start = pos_;
  const char* p = pos_;
  for (;;) {
    p = find_any(p, end_, '<', '&', '\r', '\0');
    if (p == end_) return text_run(start, p);
    char c = *p;
    if (c == '<') {
      // A tag, end tag, comment, DOCTYPE or processing instruction; anything else leaves '<' as text.
      bool markup = p + 1 < end_ && (is_alpha(p[1]) || p[1] == '!' || p[1] == '?' || (p[1] == '/' && p + 2 < end_));
      if (!markup) {
        ++p;
        continue;
      }
      if (p > start) return text_run(start, p);
      pos_ = p;
      TokenKind kind;
      if (tag(&kind)) return kind;
      return TokenKind::eof;  // skipped: the caller comes back
    }
    if (p > start) return text_run(start, p);
    if (c == '&') {
      if (char_ref(p)) return TokenKind::text;
      ++p;  // a literal '&': part of the run
      continue;
    }
    if (c == '\r') {  // CR LF and a lone CR are LF (the spec's input stream preprocessing)
      if (p + 1 < end_ && p[1] == '\n') {
        start = p = p + 1;
        continue;
      }
      pos_ = p + 1;
      text_ = "\n";
      return TokenKind::text;
    }
    start = p = p + 1;  // NUL in text: dropped, as the tree builder does in the body
  }
}

// At '<' followed by a letter, '!', '?' or '/' and one more byte. True when a tag was read into the token.
bool Tokenizer::tag(TokenKind* kind) {
  const char* p = pos_ + 1;
  char c = *p;
  if (is_alpha(c)) {
    pos_ = p;
    *kind = TokenKind::start_tag;
    return read_tag(false);
  }
  if (c == '/') {
    char d = p[1];
    if (is_alpha(d)) {
      pos_ = p + 1;
      *kind = TokenKind::end_tag;
      return read_tag(true);
    }
    if (d == '>') {  // "</>": nothing
      pos_ = p + 2;
      return false;
    }
    pos_ = p + 1;  // "</" and anything else: a bogus comment
    skip_to_gt();
    return false;
  }
  if (c == '!') {
    if (end_ - p >= 3 && p[1] == '-' && p[2] == '-') {
      pos_ = p + 3;
      skip_comment();
      return false;
    }
    pos_ = p + 1;  // DOCTYPE, <![CDATA[ (a bogus comment outside foreign content) and the like
    skip_to_gt();
    return false;
  }
  pos_ = p;  // "<?": a bogus comment
  skip_to_gt();
  return false;
}

void Tokenizer::skip_to_gt() {
  const void* gt = std::memchr(pos_, '>', static_cast<std::size_t>(end_ - pos_));
  pos_ = gt ? static_cast<const char*>(gt) + 1 : end_;
}

// After "<!--": to "-->" or "--!>"; "<!-->" and "<!--->" are empty comments; unterminated runs to the end.
void Tokenizer::skip_comment() {
  const char* content = pos_;
  if (content < end_ && *content == '>') {
    pos_ = content + 1;
    return;
  }
  if (end_ - content >= 2 && content[0] == '-' && content[1] == '>') {
    pos_ = content + 2;
    return;
  }
  const char* q = content;
  for (;;) {
    const void* gt = std::memchr(q, '>', static_cast<std::size_t>(end_ - q));
    if (!gt) {
      pos_ = end_;
      return;
    }
    q = static_cast<const char*>(gt);
    if (q - content >= 2 && q[-1] == '-' && q[-2] == '-') break;
    if (q - content >= 3 && q[-1] == '!' && q[-2] == '-' && q[-3] == '-') break;
    ++q;
  }
  pos_ = q + 1;
}

// Tag name, then attributes, to the closing '>'. False when the input ends first: the spec drops the tag.
bool Tokenizer::read_tag(bool end) {
  self_closing_ = false;
  attrs_.clear();
  buffer_.clear();
  const char* p = pos_;
  const char* name_begin = p;
  bool upper = false;
  while (p < end_ && !kClasses.tag_name_end[static_cast<unsigned char>(*p)]) {
    upper |= *p >= 'A' && *p <= 'Z';
    ++p;
  }
  if (upper) {
    name_buffer_.assign(name_begin, p);
    for (char& c : name_buffer_) c = lower(c);
    name_ = name_buffer_;
  } else {
    name_ = std::string_view(name_begin, static_cast<std::size_t>(p - name_begin));
  }
  pos_ = p;
  if (!read_attributes(!end)) {
    pos_ = end_;
    return false;
  }
  if (end) attrs_.clear();  // an end tag's attributes mean nothing
  return true;
}

// From after the tag name to past '>'. `keep`: store the attributes (start tags).
bool Tokenizer::read_attributes(bool keep) {
  const char* p = pos_;
  bool hashed = false;  // duplicates are looked up in hash_slots_
  for (;;) {
    while (p < end_ && is_space(*p)) ++p;
    if (p == end_) return false;
    if (*p == '>') {
      pos_ = p + 1;
      return true;
    }
    if (*p == '/') {
      ++p;
      if (p < end_ && *p == '>') {
        self_closing_ = true;
        pos_ = p + 1;
        return true;
      }
      continue;
    }
    // Attribute name (its first byte may be '=').
    const char* name_begin = p++;
    while (p < end_ && !kClasses.attr_name_end[static_cast<unsigned char>(*p)]) ++p;
    const char* name_end = p;
    while (p < end_ && is_space(*p)) ++p;
    bool store = keep && attrs_.size() < max_attributes_;
    if (keep && !store) dropped_attributes_ = true;
    Attr attr{};
    if (store) {
      attr.name_begin = static_cast<std::uint32_t>(buffer_.size());
      attr.name_len = static_cast<std::uint32_t>(name_end - name_begin);
      for (const char* q = name_begin; q < name_end; ++q) buffer_.push_back(lower(*q));
      attr.value_begin = static_cast<std::uint32_t>(buffer_.size());
    }
    if (p < end_ && *p == '=') {
      ++p;
      while (p < end_ && is_space(*p)) ++p;
      if (p == end_) return false;
      if (*p == '"' || *p == '\'') {
        char quote = *p++;
        for (;;) {
          const char* q = find_any(p, end_, quote, '&', '\r', '\0');
          if (store) buffer_.append(p, q);
          if (q == end_) return false;
          p = q + 1;
          if (*q == quote) break;
          if (*q == '&') {
            if (!store) continue;
            CharRef ref = decode_char_ref(std::string_view(p, static_cast<std::size_t>(end_ - p)), true);
            if (ref.consumed == 0) {
              buffer_.push_back('&');
            } else {
              buffer_.append(ref.text, ref.length);
              p += ref.consumed;
            }
          } else if (*q == '\r') {
            if (store) buffer_.push_back('\n');
            if (p < end_ && *p == '\n') ++p;
          } else if (store) {
            buffer_.append(kReplacement);
          }
        }
      } else {
        while (p < end_ && *p != '>' && !is_space(*p)) {
          const char* q = p;
          while (q < end_ && !kClasses.unquoted_special[static_cast<unsigned char>(*q)]) ++q;
          if (store) buffer_.append(p, q);
          p = q;
          if (p == end_ || *p == '>' || is_space(*p)) break;
          ++p;
          if (!store) continue;
          if (*q == '&') {
            CharRef ref = decode_char_ref(std::string_view(p, static_cast<std::size_t>(end_ - p)), true);
            if (ref.consumed == 0) {
              buffer_.push_back('&');
            } else {
              buffer_.append(ref.text, ref.length);
              p += ref.consumed;
            }
          } else {
            buffer_.append(kReplacement);  // NUL
          }
        }
      }
    }
    if (!store) continue;
    attr.value_len = static_cast<std::uint32_t>(buffer_.size() - attr.value_begin);
    std::string_view name(buffer_.data() + attr.name_begin, attr.name_len);
    // The first of two attributes with one name wins (the spec drops the later one).
    bool duplicate = false;
    if (!hashed) {
      for (const Attr& a : attrs_) {
        if (a.name_len == attr.name_len && std::memcmp(buffer_.data() + a.name_begin, name.data(), name.size()) == 0) {
          duplicate = true;
          break;
        }
      }
    } else {
      std::size_t mask = hash_slots_.size() - 1;
      for (std::size_t slot = hash_name(name) & mask;; slot = (slot + 1) & mask) {
        std::uint32_t index = hash_slots_[slot];
        if (index == 0) {
          hash_slots_[slot] = static_cast<std::uint32_t>(attrs_.size() + 1);
          break;
        }
        const Attr& a = attrs_[index - 1];
        if (a.name_len == attr.name_len && std::memcmp(buffer_.data() + a.name_begin, name.data(), name.size()) == 0) {
          duplicate = true;
          break;
        }
      }
    }
    if (duplicate) {
      buffer_.resize(attr.name_begin);
      continue;
    }
    attrs_.push_back(attr);
    // Past a few attributes, or when the table is half full: (re)build the table over all of them.
    if (attrs_.size() >= kLinearDuplicateCheck && (!hashed || attrs_.size() * 2 > hash_slots_.size())) {
      std::size_t size = 16;
      while (size < attrs_.size() * 4) size *= 2;
      hash_slots_.assign(size, 0);
      for (std::size_t i = 0; i < attrs_.size(); ++i) {
        std::string_view n(buffer_.data() + attrs_[i].name_begin, attrs_[i].name_len);
        std::size_t slot = hash_name(n) & (size - 1);
        while (hash_slots_[slot] != 0) slot = (slot + 1) & (size - 1);
        hash_slots_[slot] = static_cast<std::uint32_t>(i + 1);
      }
      hashed = true;
    }
  }
}

// RCDATA, RAWTEXT, script data and PLAINTEXT: text up to the end tag named like the start tag.
TokenKind Tokenizer::raw_text() {
  const char* start = pos_;
  const char* p = pos_;
  char amp = mode_ == TextMode::rcdata ? '&' : '<';
  std::size_t n = raw_end_name_.size();
  for (;;) {
    p = find_any(p, end_, '<', amp, '\r', '\0');
    if (p == end_) return text_run(start, p);
    char c = *p;
    if (c == '<') {
      bool end_tag = mode_ != TextMode::plaintext && static_cast<std::size_t>(end_ - p) > n + 2 && p[1] == '/';
      for (std::size_t i = 0; end_tag && i < n; ++i) end_tag = lower(p[2 + i]) == raw_end_name_[i];
      if (end_tag) {
        char after = p[2 + n];
        end_tag = is_space(after) || after == '/' || after == '>';
      }
      if (!end_tag) {
        ++p;
        continue;
      }
      mode_ = TextMode::data;  // the end tag itself is read in the data state
      return text_run(start, p);
    }
    if (p > start) return text_run(start, p);
    if (c == '&') {
      if (char_ref(p)) return TokenKind::text;
      ++p;  // a literal '&': part of the run
      continue;
    }
    if (c == '\r') {
      if (p + 1 < end_ && p[1] == '\n') {
        start = p = p + 1;
        continue;
      }
      pos_ = p + 1;
      text_ = "\n";
      return TokenKind::text;
    }
    pos_ = p + 1;  // NUL
    text_ = kReplacement;
    return TokenKind::text;
  }
}

}  // namespace lede::parse
