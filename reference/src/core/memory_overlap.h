#pragma once
// Which elements of two tensors share memory: PyTorch's MemOverlap checks, which every
// write (in-place ops, copy_, random fills) runs before it touches memory.

#include "tl/tensor.h"

namespace tl::detail {

/// True when the elements fill a block of memory exactly, in some dim order
/// (PyTorch's `is_non_overlapping_and_dense`).
bool is_non_overlapping_and_dense(const Tensor& t);

/// Throws "unsupported operation: more than one element of the written-to tensor refers to a
/// single memory location. ..." when `out` is expanded (PyTorch's assert_no_internal_overlap).
void check_no_internal_overlap(const Tensor& out);

/// Throws "unsupported operation: some elements of the input tensor and the written-to tensor
/// refer to a single memory location. ..." when `in` shares some of `out`'s elements but not
/// exactly all of them (PyTorch's assert_no_partial_overlap; layouts too hard to compare pass).
void check_no_partial_overlap(const Tensor& out, const Tensor& in);

}  // namespace tl::detail
