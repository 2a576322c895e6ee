// Status: errors as values. Every public call that can fail returns one; nothing throws across the API.
// Thread contract: a value type.
#pragma once

#include <string>
#include <utility>

namespace lede {

enum class StatusCode {
  ok = 0,
  empty_input,      // zero bytes, or nothing but white space
  too_large,        // the input exceeds Options::max_input_bytes
  invalid_argument, // a caller's option is unusable (e.g. an unknown charset name)
  parse_error,      // the HTML parser gave up (should not happen on any byte string)
  io_error,         // reading or writing a file failed (CLI and tools)
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::ok; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Stable lowercase name of the code ("ok", "empty_input", ...), for JSON errors and logs.
  const char* code_name() const;

 private:
  StatusCode code_ = StatusCode::ok;
  std::string message_;
};

}  // namespace lede
