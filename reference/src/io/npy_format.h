#pragma once
// The .npy format: the fixed preamble, the header dict and the mapping of numpy dtype
// strings to tl dtypes. Layout (numpy.lib.format):
//   "\x93NUMPY" major minor  header_len (uint16 LE for 1.0, uint32 LE for 2.0/3.0)
//   header: a Python dict literal, space-padded and ending in '\n'
//   data:   numel * itemsize bytes, C or Fortran order

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tl/dtype.h"
#include "tl/sizes.h"

namespace tl::detail {

/// Bytes of the longest preamble (magic, version, 4-byte header length).
constexpr size_t kNpyMaxPreamble = 12;

/// What the preamble says: the header text lies at [header_offset, header_offset + header_len).
struct NpyPreamble {
  int major = 0;
  int minor = 0;
  size_t header_offset = 0;
  size_t header_len = 0;
};

/// What the header says, validated: the data is `data_bytes` bytes right after the header.
struct NpyHeader {
  ScalarType dtype = kFloat;
  bool byte_swap = false;      // the data's byte order is not the host's
  bool fortran_order = false;
  Sizes shape;
  int64_t data_bytes = 0;      // numel * itemsize, known not to overflow
};

/// Reads the preamble from the first `avail` bytes of a `total`-byte input; checks the
/// magic, the version and that the header fits. Throws tl::Error otherwise.
NpyPreamble parse_npy_preamble(const unsigned char* bytes, size_t avail, uint64_t total);

/// Parses and validates the header text. Throws tl::Error naming the problem.
NpyHeader parse_npy_header(std::string_view text);

/// Throws unless exactly `h.data_bytes` bytes follow the header (`remaining` of them do).
void check_npy_data_size(const NpyHeader& h, uint64_t remaining);

/// numpy's descr for a dtype written in little-endian order: "<f4", "|b1", ...
const char* npy_descr(ScalarType dtype);

/// The preamble and padded header that np.save (NumPy 1.24) writes for a C-order array.
std::string npy_header_bytes(ScalarType dtype, IntArrayRef shape);

}  // namespace tl::detail
