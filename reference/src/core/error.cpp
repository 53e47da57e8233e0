#include "tl/error.h"

namespace tl {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::NotImplementedError: return "NotImplementedError";
    case ErrorKind::RuntimeError: break;
  }
  return "RuntimeError";
}

}  // namespace tl
