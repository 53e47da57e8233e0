// Printing a tl::Scalar the way Python prints the number it stands for.
#include <ostream>
#include <string>

#include "print/number_format.h"
#include "tl/scalar.h"

namespace tl {

std::ostream& operator<<(std::ostream& os, const Scalar& s) {
  if (s.is_boolean()) return os << (s.to_bool() ? "True" : "False");
  if (s.is_integral()) return os << std::to_string(s.to_long());
  return os << detail::python_float_repr(s.to_double());
}

}  // namespace tl
