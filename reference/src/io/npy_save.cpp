// save_npy / save_npy_to_buffer: the bytes np.save writes for the same array.
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "io/npy_format.h"
#include "tl/npy.h"

namespace tl {
namespace {

// Header + data in little-endian C order.
std::vector<uint8_t> encode(const Tensor& t) {
  TL_CHECK(t.defined(), "save_npy: the tensor is undefined");
  const Tensor host = t.cpu().contiguous();  // logical (row-major) order
  const std::string head = detail::npy_header_bytes(host.dtype(), host.sizes());
  std::vector<uint8_t> out(head.begin(), head.end());
  const size_t header = out.size();
  const auto nbytes = static_cast<size_t>(host.nbytes());
  out.resize(header + nbytes);
  if (nbytes > 0) std::memcpy(out.data() + header, host.data_ptr(), nbytes);
  const size_t width = element_size(host.dtype());
  if constexpr (std::endian::native == std::endian::big) {
    for (size_t i = header; i < out.size(); i += width) std::reverse(out.begin() + i, out.begin() + i + width);
  }
  return out;
}

}  // namespace

std::vector<uint8_t> save_npy_to_buffer(const Tensor& t) { return encode(t); }

void save_npy(const std::string& path, const Tensor& t) {
  const std::vector<uint8_t> bytes = encode(t);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  TL_CHECK(out, "save_npy: cannot open '", path, "' for writing: ", std::strerror(errno));
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  out.close();
  TL_CHECK(out, "save_npy: writing '", path, "' failed: ", std::strerror(errno));
}

}  // namespace tl
