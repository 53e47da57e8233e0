#pragma once
/// @file indexing.h
/// @brief Python-style indices for `Tensor::index`: integers, `Slice`, `None`, `Ellipsis`.
///
/// LibTorch's `torch::indexing`: Python's `x[1:, 0, None, ...]` is written
/// `x.index({Slice(1), 0, None, Ellipsis})` after `using namespace tl::indexing;`.
/// @code
/// using namespace tl::indexing;
/// auto x = tl::arange(9).reshape({1, 3, 3});
/// auto a = x.index({0, Slice(), 1});          // x[0, :, 1]   -> tensor([1, 4, 7])
/// auto b = x.index({Ellipsis, Slice(1)});     // x[..., 1:]  -> shape (1, 3, 2)
/// @endcode

#include <cstdint>
#include <optional>

#include "tl/tensor.h"

namespace tl::indexing {

/// @brief Python's `start:stop:step` (`torch::indexing::Slice`); omitted parts are
/// `std::nullopt`, so `Slice()` is `:` and `Slice(std::nullopt, 3)` is `:3`.
///
/// Negative `start`/`stop` count from the end and are clamped to the dim, as in Python. The
/// step must be positive when the index is applied (`Tensor::index` throws `tl::Error`
/// (ValueError) `slice step cannot be zero` or `step must be greater than zero`).
/// @code
/// using namespace tl::indexing;
/// auto x = tl::arange(10);
/// auto evens = x.index({Slice(std::nullopt, std::nullopt, 2)});   // x[::2] -> tensor([0, 2, 4, 6, 8])
/// auto tail = x.index({Slice(-3)});                               // x[-3:] -> tensor([7, 8, 9])
/// @endcode
class Slice {
 public:
  /// @brief `Slice(start, stop, step)`; any part may be omitted (`std::nullopt`); the step
  /// defaults to 1. (Unlike LibTorch, `None` is not accepted here: write `std::nullopt`.)
  /// @code
  /// tl::indexing::Slice s(1, std::nullopt, 2);   // Python's 1::2
  /// @endcode
  Slice(std::optional<int64_t> start = std::nullopt, std::optional<int64_t> stop = std::nullopt,
        std::optional<int64_t> step = std::nullopt)
      : start_(start), stop_(stop), step_(step.value_or(1)) {}
  /// @brief The start, or `std::nullopt` when omitted (the beginning of the dim).
  /// @code
  /// bool open = !tl::indexing::Slice().start().has_value();   // true
  /// @endcode
  std::optional<int64_t> start() const { return start_; }
  /// @brief The stop (exclusive), or `std::nullopt` when omitted (the end of the dim).
  /// @code
  /// int64_t stop = tl::indexing::Slice(0, 3).stop().value();   // 3
  /// @endcode
  std::optional<int64_t> stop() const { return stop_; }
  /// @brief The step (1 when omitted).
  /// @code
  /// int64_t step = tl::indexing::Slice(0, 3).step();   // 1
  /// @endcode
  int64_t step() const { return step_; }

 private:
  std::optional<int64_t> start_, stop_;
  int64_t step_;
};

/// @brief Type of `tl::indexing::None`: an index entry that inserts a new dim of size 1.
struct NoneIndexType {};
/// @brief Type of `tl::indexing::Ellipsis`: an index entry that stands for all the dims not
/// otherwise indexed.
struct EllipsisIndexType {};
/// @brief Python's `None` in an index: `x.index({None})` is `x[None]`, shape (1, ...).
inline constexpr NoneIndexType None{};
/// @brief Python's `...` in an index (`x.index({Ellipsis, 0})` is `x[..., 0]`). At most one
/// per index: a second throws `tl::Error` (IndexError) `an index can only have a single
/// ellipsis ('...')`.
inline constexpr EllipsisIndexType Ellipsis{};

/// @brief One entry of an index list (`torch::indexing::TensorIndex`): an integer, a bool, a
/// `Slice`, `None` or `Ellipsis`, converted implicitly from each.
///
/// `Tensor::index` applies the entries left to right: an integer selects (and removes) a dim,
/// a slice narrows one, `None` inserts a size-1 dim, `Ellipsis` skips the dims not indexed, a
/// bool inserts a dim of size 1 (`true`) or 0 (`false`).
/// @code
/// std::vector<tl::indexing::TensorIndex> idx = {0, tl::indexing::Slice(), "..."};
/// // idx[0].kind() == Kind::Integer, idx[2].kind() == Kind::Ellipsis
/// @endcode
class TensorIndex {
 public:
  /// @brief The kind of entry.
  enum class Kind {
    Integer,   ///< An integer index (`integer()`).
    Boolean,   ///< `true` or `false` (`integer()` is 1 or 0).
    Slice,     ///< A `Slice` (`slice()`).
    None,      ///< `None`: a new size-1 dim.
    Ellipsis   ///< `...`: the remaining dims.
  };
  /// @brief An integer index; negative counts from the end. Out of range, `Tensor::index`
  /// throws `tl::Error` (IndexError) `index 5 is out of bounds for dimension 0 with size 3`.
  /// @code
  /// int64_t i = -1;
  /// auto last = tl::arange(3).index({i});   // tensor(2)
  /// @endcode
  TensorIndex(int64_t i) : kind_(Kind::Integer), integer_(i) {}  // NOLINT
  /// @brief An integer index (an `int` literal such as `0`), as the `int64_t` form.
  /// @overload
  TensorIndex(int i) : kind_(Kind::Integer), integer_(i) {}  // NOLINT
  /// @brief Python's `True`/`False`: inserts a dim of size 1 (`true`) or 0 (`false`).
  /// @code
  /// auto x = tl::arange(3);
  /// auto a = x.index({true});    // shape (1, 3)
  /// auto b = x.index({false});   // shape (0, 3)
  /// @endcode
  TensorIndex(bool b) : kind_(Kind::Boolean), integer_(b) {}  // NOLINT
  /// @brief A slice (`start:stop:step`).
  /// @code
  /// auto head = tl::arange(5).index({tl::indexing::Slice(std::nullopt, 2)});   // tensor([0, 1])
  /// @endcode
  TensorIndex(Slice s) : kind_(Kind::Slice), slice_(s) {}  // NOLINT
  /// @brief `None`: inserts a size-1 dim.
  /// @code
  /// auto col = tl::arange(3).index({tl::indexing::Slice(), tl::indexing::None});   // shape (3, 1)
  /// @endcode
  TensorIndex(NoneIndexType) : kind_(Kind::None) {}  // NOLINT
  /// @brief `...`: stands for the dims not otherwise indexed.
  /// @code
  /// auto last_col = tl::zeros({2, 3, 4}).index({tl::indexing::Ellipsis, -1});   // shape (2, 3)
  /// @endcode
  TensorIndex(EllipsisIndexType) : kind_(Kind::Ellipsis) {}  // NOLINT
  /// @brief The string `"..."`, which LibTorch accepts for an ellipsis.
  /// @throws tl::Error (ValueError) for any other string: `Expected "..." to represent an
  /// ellipsis index, but got "x"`.
  /// @code
  /// auto y = tl::zeros({2, 3}).index({"...", 0});   // shape (2)
  /// @endcode
  TensorIndex(const char* s);  // NOLINT
  /// @brief Which kind of entry this is.
  /// @code
  /// bool is_slice = tl::indexing::TensorIndex(tl::indexing::Slice()).kind() ==
  ///                 tl::indexing::TensorIndex::Kind::Slice;   // true
  /// @endcode
  Kind kind() const { return kind_; }
  /// @brief The integer, or 1 / 0 for a bool; 0 for other kinds.
  /// @code
  /// int64_t i = tl::indexing::TensorIndex(-2).integer();   // -2
  /// @endcode
  int64_t integer() const { return integer_; }
  /// @brief The slice (meaningful when `kind()` is `Kind::Slice`; `Slice()` otherwise).
  /// @code
  /// int64_t step = tl::indexing::TensorIndex(tl::indexing::Slice(0, 4, 2)).slice().step();   // 2
  /// @endcode
  const Slice& slice() const { return slice_; }

 private:
  Kind kind_;
  int64_t integer_ = 0;
  Slice slice_;
};

}  // namespace tl::indexing
