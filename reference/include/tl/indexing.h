#pragma once
/// @file indexing.h
/// @brief Python-style indices for `Tensor::index`: integers, `Slice`, `None`, `Ellipsis`.

#include <cstdint>
#include <optional>

#include "tl/tensor.h"

namespace tl::indexing {

/// @brief Python's `start:stop:step`; omitted parts are `std::nullopt` (`Slice()` is `:`).
class Slice {
 public:
  /// @brief `Slice(1, None)`-style construction; any part may be omitted.
  Slice(std::optional<int64_t> start = std::nullopt, std::optional<int64_t> stop = std::nullopt,
        std::optional<int64_t> step = std::nullopt)
      : start_(start), stop_(stop), step_(step.value_or(1)) {}
  /// @brief Start, if given.
  std::optional<int64_t> start() const { return start_; }
  /// @brief Stop, if given.
  std::optional<int64_t> stop() const { return stop_; }
  /// @brief Step (1 when omitted).
  int64_t step() const { return step_; }

 private:
  std::optional<int64_t> start_, stop_;
  int64_t step_;
};

/// @brief Marker type of `None` (inserts a new dim of size 1).
struct NoneIndexType {};
/// @brief Marker type of `Ellipsis` / `...` (all remaining dims).
struct EllipsisIndexType {};
/// @brief Python's `None` in an index.
inline constexpr NoneIndexType None{};
/// @brief Python's `...` in an index.
inline constexpr EllipsisIndexType Ellipsis{};

/// @brief One entry of an index list: an integer, a bool, a `Slice`, `None` or `Ellipsis`.
class TensorIndex {
 public:
  /// @brief The kind of entry.
  enum class Kind { Integer, Boolean, Slice, None, Ellipsis };
  /// @brief An integer index (negative counts from the end).
  TensorIndex(int64_t i) : kind_(Kind::Integer), integer_(i) {}  // NOLINT
  /// @brief An integer index.
  TensorIndex(int i) : kind_(Kind::Integer), integer_(i) {}  // NOLINT
  /// @brief `True`/`False`: adds a dim of size 1 (or 0).
  TensorIndex(bool b) : kind_(Kind::Boolean), integer_(b) {}  // NOLINT
  /// @brief A slice.
  TensorIndex(Slice s) : kind_(Kind::Slice), slice_(s) {}  // NOLINT
  /// @brief `None`.
  TensorIndex(NoneIndexType) : kind_(Kind::None) {}  // NOLINT
  /// @brief `...`.
  TensorIndex(EllipsisIndexType) : kind_(Kind::Ellipsis) {}  // NOLINT
  /// @brief `"..."` as LibTorch accepts it.
  TensorIndex(const char* s);  // NOLINT
  /// @brief Which kind.
  Kind kind() const { return kind_; }
  /// @brief The integer (or bool) value.
  int64_t integer() const { return integer_; }
  /// @brief The slice.
  const Slice& slice() const { return slice_; }

 private:
  Kind kind_;
  int64_t integer_ = 0;
  Slice slice_;
};

}  // namespace tl::indexing
