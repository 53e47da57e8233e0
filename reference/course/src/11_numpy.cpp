// Exercise 11-numpy. The task is in exercises/11-numpy/README.md.
#include "course/11_numpy.h"

#include <cstring>
#include <sstream>

#include <course/todo.h>

namespace course {

tl::Tensor tensor_from_vector(std::vector<double>& array) {
  // BEGIN SOLUTION 11-numpy
  return tl::from_blob(array.data(), {static_cast<int64_t>(array.size())}, tl::kDouble);
  // END SOLUTION
}

std::vector<float> vector_from_tensor(const tl::Tensor& t) {
  // BEGIN SOLUTION 11-numpy
  TL_CHECK(t.dtype() == tl::kFloat, "vector_from_tensor: expected a float32 tensor, got ", t.dtype());
  const tl::Tensor host = t.cpu().contiguous();  // row-major and readable from the CPU
  const float* p = host.data_ptr<float>();
  return std::vector<float>(p, p + host.numel());
  // END SOLUTION
}

std::vector<uint8_t> npy_bytes(const tl::Tensor& t) {
  // BEGIN SOLUTION 11-numpy
  const char* descr = nullptr;
  switch (t.dtype()) {
    case tl::kFloat: descr = "<f4"; break;
    case tl::kDouble: descr = "<f8"; break;
    case tl::kHalf: descr = "<f2"; break;
    case tl::kLong: descr = "<i8"; break;
    case tl::kInt: descr = "<i4"; break;
    case tl::kShort: descr = "<i2"; break;
    case tl::kChar: descr = "|i1"; break;
    case tl::kByte: descr = "|u1"; break;
    case tl::kBool: descr = "|b1"; break;
  }
  std::ostringstream shape;  // a Python tuple: (), (7,), (3, 4)
  shape << "(";
  for (int64_t d = 0; d < t.dim(); ++d) shape << (d ? ", " : "") << t.size(d);
  if (t.dim() == 1) shape << ",";
  shape << ")";
  std::string header = std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape.str() + ", }";
  if (t.dim() > 0) header.append(21 - std::to_string(t.size(0)).size(), ' ');  // NumPy's growth room
  const size_t unpadded = 10 + header.size() + 1;                               // prefix, header, '\n'
  header.append(64 - unpadded % 64, ' ');  // NumPy pads 1 to 64 bytes, never 0
  header += '\n';
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  out.push_back(static_cast<uint8_t>(header.size() & 0xFF));
  out.push_back(static_cast<uint8_t>(header.size() >> 8));
  out.insert(out.end(), header.begin(), header.end());
  const tl::Tensor host = t.cpu().contiguous();  // x86 is little-endian: memory order is the file's
  const auto* data = static_cast<const uint8_t*>(host.data_ptr());
  out.insert(out.end(), data, data + host.nbytes());
  return out;
  // END SOLUTION
}

tl::Tensor load_npy_as_float32(const std::string& path) {
  // BEGIN SOLUTION 11-numpy
  return tl::load_npy(path).to(tl::kFloat);
  // END SOLUTION
}

}  // namespace course
