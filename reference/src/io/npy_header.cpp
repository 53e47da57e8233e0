// Reading and writing the .npy preamble and header (see npy_format.h).
#include <bit>
#include <cstring>

#include "io/npy_format.h"
#include "io/py_literal.h"
#include "tl/error.h"

namespace tl::detail {
namespace {

constexpr unsigned char kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
// numpy aligns the data to 64 bytes and leaves room for the first (or, in Fortran order,
// last) dim to grow to 21 digits, so a header can be rewritten in place.
constexpr size_t kArrayAlign = 64;
constexpr size_t kGrowthAxisMaxDigits = 21;
// numpy's NPY_MAXDIMS.
constexpr size_t kMaxDims = 32;

struct DescrEntry {
  char kind;
  int size;
  ScalarType dtype;
};
constexpr DescrEntry kDescrs[] = {
    {'b', 1, kBool}, {'u', 1, kByte}, {'i', 1, kChar}, {'i', 2, kShort}, {'i', 4, kInt},
    {'i', 8, kLong}, {'f', 2, kHalf}, {'f', 4, kFloat}, {'f', 8, kDouble},
};
constexpr const char* kSupported = "|b1 |u1 |i1 <i2 <i4 <i8 <f2 <f4 <f8 (in any byte order)";

const char* kind_hint(char kind) {
  switch (kind) {
    case 'c': return " (complex numbers)";
    case 'U': return " (unicode strings)";
    case 'S': case 'a': return " (byte strings)";
    case 'O': return " (Python objects, stored with pickle)";
    case 'V': return " (raw or structured records)";
    case 'M': return " (datetime64)";
    case 'm': return " (timedelta64)";
    case 'u': return " (unsigned integers wider than 8 bits have no tl dtype)";
    default: return "";
  }
}

[[noreturn]] void unsupported(const PyLiteral& descr, char kind) {
  throw Error(str_cat("load_npy: unsupported dtype ", py_repr(descr), kind_hint(kind), "; tl reads ", kSupported));
}

// "<f4" -> kFloat; sets `swap` when the data must be byte-swapped for this host.
ScalarType dtype_of_descr(const PyLiteral& descr, bool& swap) {
  if (descr.kind == PyLiteral::Kind::List)
    throw Error("load_npy: unsupported dtype: structured arrays (a list 'descr') are not supported");
  TL_CHECK(descr.kind == PyLiteral::Kind::String, "load_npy: 'descr' must be a string, got ", py_repr(descr));
  const std::string& s = descr.text;
  size_t i = 0;
  char order = '=';
  if (!s.empty() && (s[0] == '<' || s[0] == '>' || s[0] == '=' || s[0] == '|')) order = s[i++];
  if (i == s.size()) unsupported(descr, 0);
  const char kind = s[i++];
  // The item size: one or two digits and nothing after them.
  const size_t n = s.size() - i;
  if (n < 1 || n > 2 || s[i] < '0' || s[i] > '9' || (n == 2 && (s[i + 1] < '0' || s[i + 1] > '9')))
    unsupported(descr, kind);
  const int size = n == 1 ? s[i] - '0' : (s[i] - '0') * 10 + (s[i + 1] - '0');
  for (const DescrEntry& e : kDescrs) {
    if (e.kind == kind && e.size == size) {
      const bool little = std::endian::native == std::endian::little;
      swap = size > 1 && ((order == '>' && little) || (order == '<' && !little));
      return e.dtype;
    }
  }
  unsupported(descr, kind);
}

// Python int syntax as numpy writes it ("12", "-3", Python 2's "12L"). Returns false when
// the text is not an integer; sets `overflow` when it is one outside int64.
bool parse_int64(const std::string& text, int64_t& value, bool& overflow) {
  size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++i;
  size_t end = text.size();
  if (end > i && (text[end - 1] == 'L' || text[end - 1] == 'l')) --end;
  if (i == end) return false;
  value = 0;
  overflow = false;
  for (; i < end; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    const int digit = text[i] - '0';
    // Accumulate negatively so that INT64_MIN parses too.
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, digit, &value)) overflow = true;
  }
  if (!negative && !overflow && __builtin_mul_overflow(value, -1, &value)) overflow = true;
  return true;
}

Sizes shape_of(const PyLiteral& shape) {
  TL_CHECK(shape.kind == PyLiteral::Kind::Tuple, "load_npy: 'shape' must be a tuple of integers, got ",
           py_repr(shape));
  TL_CHECK(shape.items.size() <= kMaxDims, "load_npy: shape has ", shape.items.size(), " dims; at most ",
           kMaxDims, " are supported");
  Sizes out;
  for (const PyLiteral& item : shape.items) {
    int64_t v = 0;
    bool overflow = false;
    TL_CHECK(item.kind == PyLiteral::Kind::Number && parse_int64(item.text, v, overflow), "load_npy: shape ",
             py_repr(shape), " has an entry that is not an integer: ", py_repr(item));
    TL_CHECK(!overflow, "load_npy: shape ", py_repr(shape), " has an entry that does not fit in int64: ",
             py_repr(item));
    TL_CHECK(v >= 0, "load_npy: shape ", py_repr(shape), " has a negative entry: ", v);
    out.push_back(v);
  }
  return out;
}

std::string shape_repr(IntArrayRef shape) {
  std::string out = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(shape[i]);
  }
  if (shape.size() == 1) out += ',';
  return out + ")";
}

// numel * itemsize, refusing shapes whose size overflows int64. As numpy does, zero dims do
// not excuse huge other dims: strides are computed from them too.
int64_t data_bytes(IntArrayRef shape, ScalarType dtype) {
  int64_t bytes = static_cast<int64_t>(element_size(dtype));
  bool empty = false;
  for (int64_t d : shape) {
    if (d == 0) empty = true;
    TL_CHECK(!__builtin_mul_overflow(bytes, d == 0 ? 1 : d, &bytes), "load_npy: shape ", shape_repr(shape),
             " is too big for dtype '", npy_descr(dtype), "': its size in bytes overflows int64");
  }
  return empty ? 0 : bytes;
}

}  // namespace

NpyPreamble parse_npy_preamble(const unsigned char* bytes, size_t avail, uint64_t total) {
  const size_t m = avail < sizeof kMagic ? avail : sizeof kMagic;
  TL_CHECK(m == 0 || std::memcmp(bytes, kMagic, m) == 0, "load_npy: not a .npy file: it does not start with \"\\x93NUMPY\"",
           avail >= 2 && bytes[0] == 'P' && bytes[1] == 'K' ? " (it looks like a zip archive; .npz is not supported)" : "");
  TL_CHECK(total >= 8, "load_npy: file is truncated: ", total, " bytes is too short for a .npy preamble");
  NpyPreamble p;
  p.major = bytes[6];
  p.minor = bytes[7];
  TL_CHECK(p.major >= 1 && p.major <= 3 && p.minor == 0, "load_npy: unsupported .npy format version ", p.major,
           ".", p.minor, " (tl reads 1.0, 2.0 and 3.0)");
  const size_t len_bytes = p.major == 1 ? 2 : 4;
  p.header_offset = 8 + len_bytes;
  TL_CHECK(total >= p.header_offset && avail >= p.header_offset, "load_npy: file is truncated: a version ",
           p.major, ".0 preamble needs ", p.header_offset, " bytes but the file has ", total);
  uint64_t len = 0;
  for (size_t i = 0; i < len_bytes; ++i) len |= static_cast<uint64_t>(bytes[8 + i]) << (8 * i);
  TL_CHECK(len <= total - p.header_offset, "load_npy: file is truncated: the preamble declares a ", len,
           "-byte header but ", total - p.header_offset, " bytes remain");
  p.header_len = static_cast<size_t>(len);
  return p;
}

NpyHeader parse_npy_header(std::string_view text) {
  const PyLiteral* descr = nullptr;
  const PyLiteral* fortran = nullptr;
  const PyLiteral* shape = nullptr;
  const std::vector<PyDictEntry> entries = parse_py_dict(text);
  for (const PyDictEntry& e : entries) {
    const PyLiteral** slot = e.key == "descr" ? &descr : e.key == "fortran_order" ? &fortran
                           : e.key == "shape" ? &shape : nullptr;
    PyLiteral key;
    key.kind = PyLiteral::Kind::String;
    key.text = e.key;
    TL_CHECK(slot != nullptr, "load_npy: header has an unexpected key ", py_repr(key),
             " (a .npy header has exactly 'descr', 'fortran_order' and 'shape')");
    TL_CHECK(*slot == nullptr, "load_npy: header has a duplicate key ", py_repr(key));
    *slot = &e.value;
  }
  TL_CHECK(descr != nullptr, "load_npy: header is missing the key 'descr'");
  TL_CHECK(fortran != nullptr, "load_npy: header is missing the key 'fortran_order'");
  TL_CHECK(shape != nullptr, "load_npy: header is missing the key 'shape'");

  NpyHeader h;
  h.dtype = dtype_of_descr(*descr, h.byte_swap);
  TL_CHECK(fortran->kind == PyLiteral::Kind::Bool, "load_npy: 'fortran_order' must be True or False, got ",
           py_repr(*fortran));
  h.fortran_order = fortran->truth;
  h.shape = shape_of(*shape);
  h.data_bytes = data_bytes(h.shape, h.dtype);
  return h;
}

void check_npy_data_size(const NpyHeader& h, uint64_t remaining) {
  const auto want = static_cast<uint64_t>(h.data_bytes);
  TL_CHECK(remaining >= want, "load_npy: file is truncated: header declares ", want, " bytes of data but ",
           remaining, " remain");
  TL_CHECK(remaining == want, "load_npy: ", remaining - want, " bytes of trailing data after the ", want,
           " bytes the header declares");
}

const char* npy_descr(ScalarType dtype) {
  switch (dtype) {
    case kByte: return "|u1";
    case kChar: return "|i1";
    case kShort: return "<i2";
    case kInt: return "<i4";
    case kLong: return "<i8";
    case kHalf: return "<f2";
    case kFloat: return "<f4";
    case kDouble: return "<f8";
    case kBool: break;
  }
  return "|b1";
}

std::string npy_header_bytes(ScalarType dtype, IntArrayRef shape) {
  // Same text as numpy.lib.format._write_array_header: keys sorted, a trailing ", ".
  std::string dict = std::string("{'descr': '") + npy_descr(dtype) + "', 'fortran_order': False, 'shape': " +
                     shape_repr(shape) + ", }";
  if (!shape.empty()) {
    const size_t digits = std::to_string(shape[0]).size();
    if (digits < kGrowthAxisMaxDigits) dict.append(kGrowthAxisMaxDigits - digits, ' ');
  }
  // _wrap_header: pad with spaces and a final '\n' so the data starts 64-byte aligned;
  // version 2.0 (4-byte length) only when the header is too long for 1.0's 2 bytes.
  const size_t text = dict.size() + 1;  // + '\n'
  int major = 1;
  size_t prefix = 10;
  size_t pad = kArrayAlign - (prefix + text) % kArrayAlign;
  if (text + pad > 0xFFFF) {
    major = 2;
    prefix = 12;
    pad = kArrayAlign - (prefix + text) % kArrayAlign;
  }
  const size_t len = text + pad;
  std::string out(reinterpret_cast<const char*>(kMagic), sizeof kMagic);
  out += static_cast<char>(major);
  out += '\0';
  for (size_t i = 0; i < prefix - 8; ++i) out += static_cast<char>((len >> (8 * i)) & 0xFF);
  out += dict;
  out.append(pad, ' ');
  out += '\n';
  return out;
}

}  // namespace tl::detail
