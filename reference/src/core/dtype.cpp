#include "tl/dtype.h"

#include <ostream>

namespace tl {

size_t element_size(ScalarType t) {
  switch (t) {
    case kByte: case kChar: case kBool: return 1;
    case kShort: case kHalf: return 2;
    case kInt: case kFloat: return 4;
    case kLong: case kDouble: return 8;
  }
  return 1;
}

bool is_floating_point(ScalarType t) { return t == kHalf || t == kFloat || t == kDouble; }

bool is_integral(ScalarType t) {
  return t == kByte || t == kChar || t == kShort || t == kInt || t == kLong;
}

std::string dtype_name(ScalarType t) {
  switch (t) {
    case kByte: return "torch.uint8";
    case kChar: return "torch.int8";
    case kShort: return "torch.int16";
    case kInt: return "torch.int32";
    case kLong: return "torch.int64";
    case kHalf: return "torch.float16";
    case kFloat: return "torch.float32";
    case kDouble: return "torch.float64";
    case kBool: break;
  }
  return "torch.bool";
}

const char* scalar_type_name(ScalarType t) {
  switch (t) {
    case kByte: return "Byte";
    case kChar: return "Char";
    case kShort: return "Short";
    case kInt: return "Int";
    case kLong: return "Long";
    case kHalf: return "Half";
    case kFloat: return "Float";
    case kDouble: return "Double";
    case kBool: break;
  }
  return "Bool";
}

ScalarType promote_types(ScalarType a, ScalarType b) {
  if (a == b) return a;
  // PyTorch's lookup table restricted to the dtypes tl supports (u1 i1 i2 i4 i8 f2 f4 f8 b1).
  constexpr ScalarType u1 = kByte, i1 = kChar, i2 = kShort, i4 = kInt, i8 = kLong;
  constexpr ScalarType f2 = kHalf, f4 = kFloat, f8 = kDouble, b1 = kBool;
  static constexpr ScalarType table[kNumScalarTypes][kNumScalarTypes] = {
      /*        u1  i1  i2  i4  i8  f2  f4  f8  b1 */
      /* u1 */ {u1, i2, i2, i4, i8, f2, f4, f8, u1},
      /* i1 */ {i2, i1, i2, i4, i8, f2, f4, f8, i1},
      /* i2 */ {i2, i2, i2, i4, i8, f2, f4, f8, i2},
      /* i4 */ {i4, i4, i4, i4, i8, f2, f4, f8, i4},
      /* i8 */ {i8, i8, i8, i8, i8, f2, f4, f8, i8},
      /* f2 */ {f2, f2, f2, f2, f2, f2, f4, f8, f2},
      /* f4 */ {f4, f4, f4, f4, f4, f4, f4, f8, f4},
      /* f8 */ {f8, f8, f8, f8, f8, f8, f8, f8, f8},
      /* b1 */ {u1, i1, i2, i4, i8, f2, f4, f8, b1},
  };
  return table[static_cast<int>(a)][static_cast<int>(b)];
}

std::ostream& operator<<(std::ostream& os, ScalarType t) { return os << dtype_name(t); }

}  // namespace tl
