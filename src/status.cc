// Status code names: the stable strings JSON errors and logs use.
#include "lede/status.h"

namespace lede {

const char* Status::code_name() const {
  switch (code_) {
    case StatusCode::ok: return "ok";
    case StatusCode::empty_input: return "empty_input";
    case StatusCode::too_large: return "too_large";
    case StatusCode::invalid_argument: return "invalid_argument";
    case StatusCode::parse_error: return "parse_error";
    case StatusCode::io_error: return "io_error";
  }
  return "unknown";
}

}  // namespace lede
