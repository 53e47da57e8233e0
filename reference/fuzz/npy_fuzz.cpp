// libFuzzer target for tl::load_npy_from_buffer: arbitrary bytes must either load or throw
// tl::Error, never crash, leak, read out of bounds or trip UBSan. Whatever loads is read in
// full and must survive a save/load round trip unchanged. Built by reference/fuzz/CMakeLists.txt
// (TL_BUILD_FUZZ=ON, clang); run with ci/fuzz-npy.sh.
#include <cstdint>
#include <cstring>
#include <vector>

#include "tl/npy.h"

namespace {

// Reads every element as its C++ type (UBSan checks e.g. that bools are 0 or 1).
double touch_all(const tl::Tensor& t) {
  double sum = 0;
  tl::dispatch(t.dtype(), [&]<typename T>() {
    const T* p = static_cast<const T*>(t.data_ptr());
    for (int64_t i = 0; i < t.numel(); ++i) sum += static_cast<double>(static_cast<float>(p[i]));
  });
  return sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tl::Tensor t;
  try {
    t = tl::load_npy_from_buffer(data, size);
  } catch (const tl::Error&) {
    return 0;  // rejected cleanly: fine
  }
  // Whatever loads is a contiguous host tensor whose bytes fit its storage.
  if (!t.is_cpu() || !t.is_contiguous() || t.dim() > 32) __builtin_trap();
  volatile double sink = touch_all(t);
  (void)sink;
  const std::vector<uint8_t> saved = tl::save_npy_to_buffer(t);
  const tl::Tensor back = tl::load_npy_from_buffer(saved.data(), saved.size());
  if (back.dtype() != t.dtype() || !(back.sizes() == t.sizes()) ||
      std::memcmp(back.data_ptr(), t.data_ptr(), static_cast<size_t>(t.nbytes())) != 0)
    __builtin_trap();
  if (tl::save_npy_to_buffer(back) != saved) __builtin_trap();
  return 0;
}
