#pragma once
/// @file ex04_seed_0.h
/// @brief Exercise ex04-seed-0: the notebook's exercise 4, "Set the random seed to 0 and do
/// exercises 2 & 3 over again".
///
/// Read exercises/ex04-seed-0/README.md first. Run the tests with `ctest -L ex04-seed-0`.

#include <cstdint>

#include <tl/tl.h>

namespace course {

/// @brief Everything exercises 2 and 3 make, from one seed.
struct SeededMatmul {
  tl::Tensor tensor;   ///< `torch.rand(7, 7)`, drawn first
  tl::Tensor row;      ///< `torch.rand(1, 7)`, drawn second
  tl::Tensor product;  ///< `torch.matmul(tensor, row.T)`, shape (7, 1)
};

/// @brief `torch.manual_seed(seed)`, then exercises 2 and 3 again.
///
/// Seeds the default CPU generator with `seed` (`tl::manual_seed`), draws the (7, 7) tensor,
/// then the (1, 7) row, and multiplies them. With seed 0 the product is the notebook's
/// `tensor([[1.8542], [1.9611], [2.2884], [3.0481], [1.7067], [2.5290], [1.7989]])`, every
/// time. Write it with `tl` directly (exercises are graded one by one, so do not call
/// `course::random_7x7` or `course::matmul_with_row`).
SeededMatmul seeded_matmul(uint64_t seed = 0);

}  // namespace course
