// load_npy / load_npy_from_buffer: validate everything, then allocate, then copy.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/tensor_internal.h"
#include "io/npy_format.h"
#include "tl/npy.h"

namespace tl {
namespace {

// Reverses the bytes of each of `n` items of `width` bytes.
void swap_items(unsigned char* p, int64_t n, size_t width) {
  for (int64_t i = 0; i < n; ++i, p += width) std::reverse(p, p + width);
}

// Builds the tensor once the header is validated and the data size checked.
// `fill(dst, n)` copies the n data bytes into dst.
Tensor read_array(const detail::NpyHeader& h, const std::function<void(void*, size_t)>& fill) {
  // The data in file order: a Fortran-order array is the C-order array of reversed shape.
  Sizes file_shape = h.shape;
  if (h.fortran_order) std::reverse(file_shape.begin(), file_shape.end());
  Tensor raw = detail::make_tensor(file_shape, h.dtype);
  if (h.data_bytes == 0) return h.fortran_order ? detail::make_tensor(h.shape, h.dtype) : raw;
  auto* bytes = static_cast<unsigned char*>(raw.data_ptr());
  fill(bytes, static_cast<size_t>(h.data_bytes));
  const size_t width = element_size(h.dtype);
  if (h.byte_swap) swap_items(bytes, raw.numel(), width);
  // numpy stores any nonzero byte as True; a C++ bool must hold exactly 0 or 1.
  if (h.dtype == kBool) {
    for (int64_t i = 0; i < h.data_bytes; ++i) bytes[i] = bytes[i] != 0;
  }
  if (!h.fortran_order) return raw;
  // Read the file-order data through Fortran strides, then copy it into C order.
  Sizes strides(h.shape.size(), 1);
  for (size_t d = 1; d < h.shape.size(); ++d) strides[d] = strides[d - 1] * h.shape[d - 1];
  return detail::make_view(raw, h.shape, strides, 0).contiguous();
}

}  // namespace

Tensor load_npy_from_buffer(const void* data, size_t size) {
  TL_CHECK(data != nullptr || size == 0, "load_npy: data is a null pointer");
  const auto* bytes = static_cast<const unsigned char*>(data);
  const detail::NpyPreamble p = detail::parse_npy_preamble(bytes, size, size);
  const detail::NpyHeader h = detail::parse_npy_header(
      std::string_view(reinterpret_cast<const char*>(bytes) + p.header_offset, p.header_len));
  const size_t data_offset = p.header_offset + p.header_len;
  detail::check_npy_data_size(h, size - data_offset);
  return read_array(h, [&](void* dst, size_t n) { std::memcpy(dst, bytes + data_offset, n); });
}

Tensor load_npy(const std::string& path) {
  try {
    std::error_code ec;
    TL_CHECK(!std::filesystem::is_directory(path, ec), "load_npy: it is a directory");
    std::ifstream in(path, std::ios::binary);
    TL_CHECK(in, "load_npy: cannot open the file: ", std::strerror(errno));
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    TL_CHECK(end >= 0, "load_npy: cannot tell the file's size");
    in.seekg(0, std::ios::beg);
    const auto total = static_cast<uint64_t>(end);
    auto read = [&](void* dst, size_t n) {
      in.read(static_cast<char*>(dst), static_cast<std::streamsize>(n));
      TL_CHECK(in.gcount() == static_cast<std::streamsize>(n), "load_npy: read error (the file changed while reading?)");
    };

    unsigned char pre[detail::kNpyMaxPreamble] = {};
    const size_t avail = static_cast<size_t>(std::min<uint64_t>(total, sizeof pre));
    read(pre, avail);
    const detail::NpyPreamble p = detail::parse_npy_preamble(pre, avail, total);
    // Sizes are checked against the file size before anything is allocated or read.
    std::string text(p.header_len, '\0');
    in.seekg(static_cast<std::streamoff>(p.header_offset), std::ios::beg);
    read(text.data(), text.size());
    const detail::NpyHeader h = detail::parse_npy_header(text);
    detail::check_npy_data_size(h, total - p.header_offset - p.header_len);
    return read_array(h, read);
  } catch (const Error& e) {
    throw Error(detail::str_cat(e.what(), " (file '", path, "')"), e.kind());
  }
}

}  // namespace tl
