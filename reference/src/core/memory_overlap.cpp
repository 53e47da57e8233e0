// PyTorch's MemOverlap rules (ATen/MemoryOverlap.cpp): only dense tensors are compared;
// anything else is "too hard" and passes.
#include "core/memory_overlap.h"

#include <algorithm>

namespace tl::detail {
namespace {

enum class Overlap { kNone, kFull, kPartial, kTooHard };

Overlap overlap_status(const Tensor& a, const Tensor& b) {
  if (a.is_same(b)) return Overlap::kFull;
  if (a.numel() == 0 || b.numel() == 0) return Overlap::kNone;
  if (!a.is_same_storage(b)) return Overlap::kNone;  // tested first: the cheapest answer
  if (!is_non_overlapping_and_dense(a) || !is_non_overlapping_and_dense(b)) return Overlap::kTooHard;
  const auto* a_begin = static_cast<const char*>(a.data_ptr());
  const auto* b_begin = static_cast<const char*>(b.data_ptr());
  const char* a_end = a_begin + a.nbytes();
  const char* b_end = b_begin + b.nbytes();
  if (a_begin == b_begin && a_end == b_end) return a.strides() == b.strides() ? Overlap::kFull : Overlap::kPartial;
  return (a_begin < b_end && b_begin < a_end) ? Overlap::kPartial : Overlap::kNone;
}

}  // namespace

bool is_non_overlapping_and_dense(const Tensor& t) {
  const size_t nd = static_cast<size_t>(t.dim());
  const Sizes& sizes = t.sizes();
  const Sizes& strides = t.strides();
  if (nd == 1) return sizes[0] < 2 || strides[0] == 1;
  Sizes perm(nd, 0);
  for (size_t i = 0; i < nd; ++i) perm[i] = static_cast<int64_t>(i);
  // Size-0/1 dims last, the others by increasing stride.
  std::sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
    if (sizes[static_cast<size_t>(a)] < 2) return false;
    if (sizes[static_cast<size_t>(b)] < 2) return true;
    return strides[static_cast<size_t>(a)] < strides[static_cast<size_t>(b)];
  });
  int64_t expected = 1;
  for (int64_t d : perm) {
    const int64_t size = sizes[static_cast<size_t>(d)];
    if (size < 2) return true;
    if (strides[static_cast<size_t>(d)] != expected) return false;
    expected *= size;
  }
  return true;
}

void check_no_internal_overlap(const Tensor& out) {
  if (is_non_overlapping_and_dense(out)) return;
  for (size_t d = 0; d < static_cast<size_t>(out.dim()); ++d) {
    TL_CHECK(!(out.strides()[d] == 0 && out.sizes()[d] > 1),
             "unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location. Please clone() the tensor before performing the operation.");
  }
}

void check_no_partial_overlap(const Tensor& out, const Tensor& in) {
  TL_CHECK(overlap_status(out, in) != Overlap::kPartial,
           "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
           "memory location. Please clone() the tensor before performing the operation.");
}

}  // namespace tl::detail
