#pragma once
/// @file print.h
/// @brief Options for printing tensors, as Python's `torch.set_printoptions`.

#include <optional>
#include <string>
#include <string_view>

#include "tl/device.h"

namespace tl {

class Tensor;

/// @brief How `std::cout << t` lays out a tensor (PyTorch's `torch.set_printoptions`).
///
/// The defaults are PyTorch's: 4 digits, summarise beyond 1000 elements with 3 items at
/// each edge, 80 columns, and scientific notation chosen from the values.
///
/// Example:
/// @code
/// tl::PrintOptions opts = tl::get_printoptions();
/// opts.precision = 2;
/// tl::set_printoptions(opts);
/// std::cout << tl::tensor({1.12345}) << "\n";   // tensor([1.12])
/// tl::set_printoptions({});                      // back to the defaults
/// @endcode
struct PrintOptions {
  /// @brief Digits after the decimal point for floating values (must be >= 0).
  int precision = 4;
  /// @brief Tensors with more elements than this are summarised with `...`
  /// (may be `std::numeric_limits<double>::infinity()` to never summarise).
  double threshold = 1000;
  /// @brief Items kept at the beginning and end of each summarised dim (must be >= 0).
  int edgeitems = 3;
  /// @brief Characters per line used to wrap long rows.
  int linewidth = 80;
  /// @brief `true` forces scientific notation, `false` forbids it, empty lets the values decide.
  std::optional<bool> sci_mode;

  /// @brief The options of a named profile of `torch.set_printoptions(profile=...)`:
  /// `"default"`, `"short"` (precision 2, edgeitems 2) or `"full"` (never summarise); the
  /// other fields keep their defaults.
  /// @throws tl::Error (ValueError) for another name: `unknown print profile 'long'
  /// (expected 'default', 'short' or 'full')`.
  /// @code
  /// tl::set_printoptions(tl::PrintOptions::profile("full"));   // print every element
  /// @endcode
  static PrintOptions profile(std::string_view name);
};

/// @brief `torch.set_printoptions`: replaces the options used by every later print, in every
/// thread (all fields at once; pass `{}` to restore the defaults).
/// @throws tl::Error (ValueError) for a negative precision (`Format specifier missing
/// precision`) or edgeitems (`edgeitems must be non-negative, got -1`); the options in force
/// are then unchanged.
/// @code
/// tl::PrintOptions opts;
/// opts.sci_mode = false;
/// tl::set_printoptions(opts);
/// std::cout << tl::tensor({1e-6, 1.0}) << "\n";   // tensor([    0.0000,     1.0000]), not 1.0000e-06
/// // (the column width is the one PyTorch computes for scientific notation)
/// @endcode
void set_printoptions(const PrintOptions& options);

/// @brief The options in force now (a copy): PyTorch's `torch._tensor_str.PRINT_OPTS`.
/// @code
/// int digits = tl::get_printoptions().precision;   // 4 unless changed
/// @endcode
PrintOptions get_printoptions();

namespace detail {
/// @brief The repr of the host tensor `t` as if it lived on `shown` (adds the
/// `device='cuda:0'` suffix for a GPU). Lets tests check the suffix rules without a GPU.
std::string repr_on_device(const Tensor& t, const Device& shown);
}  // namespace detail

}  // namespace tl
