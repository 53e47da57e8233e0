#pragma once
/// @file sizes.h
/// @brief Shapes: `tl::IntArrayRef` (a borrowed list of ints) and `tl::Sizes` (an owned one).

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <vector>

#include "tl/error.h"

namespace tl {

/// @brief A non-owning view of a list of int64 (shape, strides, dims), as LibTorch's `IntArrayRef`.
///
/// Constructible from `{2, 3}`, a `std::vector<int64_t>` or `tl::Sizes`. It must not outlive
/// what it views; pass it by value as a function argument.
class IntArrayRef {
 public:
  IntArrayRef() = default;
  /// @brief View of a braced list (valid for the full expression).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
  IntArrayRef(std::initializer_list<int64_t> il) : data_(il.begin()), size_(il.size()) {}  // NOLINT
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  /// @brief View of a vector.
  IntArrayRef(const std::vector<int64_t>& v) : data_(v.data()), size_(v.size()) {}  // NOLINT
  /// @brief View of a raw array.
  IntArrayRef(const int64_t* data, size_t n) : data_(data), size_(n) {}
  /// @brief View of a single value.
  IntArrayRef(const int64_t& one) : data_(&one), size_(1) {}  // NOLINT
  /// @brief Number of entries.
  size_t size() const { return size_; }
  /// @brief True when empty.
  bool empty() const { return size_ == 0; }
  /// @brief Pointer to the first entry.
  const int64_t* data() const { return data_; }
  /// @brief Entry `i` (unchecked).
  int64_t operator[](size_t i) const { return data_[i]; }
  /// @brief Begin iterator.
  const int64_t* begin() const { return data_; }
  /// @brief End iterator.
  const int64_t* end() const { return data_ + size_; }
  /// @brief Last entry (unchecked).
  int64_t back() const { return data_[size_ - 1]; }
  /// @brief An owning copy.
  std::vector<int64_t> vec() const { return {begin(), end()}; }
  /// @brief Element-wise equality.
  bool equals(IntArrayRef o) const { return size_ == o.size_ && std::equal(begin(), end(), o.begin()); }

 private:
  const int64_t* data_ = nullptr;
  size_t size_ = 0;
};

/// @brief An owned shape or stride list; `sizes()` returns it. Prints as `torch.Size([2, 3])`.
///
/// Holds up to five dims inline so small tensors need no extra heap allocation.
class Sizes {
 public:
  static constexpr size_t kInline = 5;  ///< Dims stored without heap allocation.
  Sizes() = default;
  /// @brief Copies a list.
  Sizes(IntArrayRef r) { assign(r); }  // NOLINT
  /// @brief Copies a braced list.
  Sizes(std::initializer_list<int64_t> il) { assign(IntArrayRef(il)); }
  /// @brief `n` copies of `value`.
  Sizes(size_t n, int64_t value) { resize(n, value); }
  /// @brief Copies `o`.
  Sizes(const Sizes& o) { assign(o); }
  /// @brief Copies `o`.
  Sizes& operator=(const Sizes& o) { if (this != &o) assign(o); return *this; }
  /// @brief Takes over `o`, which is left empty.
  Sizes(Sizes&& o) noexcept { *this = std::move(o); }
  /// @brief Takes over `o`, which is left empty.
  Sizes& operator=(Sizes&& o) noexcept {
    if (this != &o) {
      if (o.heap_.empty()) assign(o); else { heap_ = std::move(o.heap_); size_ = o.size_; o.size_ = 0; }
    }
    return *this;
  }
  /// @brief Borrowed view.
  operator IntArrayRef() const { return {data(), size_}; }  // NOLINT
  /// @brief Number of dims.
  size_t size() const { return size_; }
  /// @brief True for a 0-d shape.
  bool empty() const { return size_ == 0; }
  /// @brief Pointer to the entries.
  const int64_t* data() const { return heap_.empty() ? inline_ : heap_.data(); }
  /// @brief Mutable pointer to the entries.
  int64_t* data() { return heap_.empty() ? inline_ : heap_.data(); }
  /// @brief Entry `i` (unchecked).
  int64_t operator[](size_t i) const { return data()[i]; }
  /// @brief Mutable entry `i` (unchecked).
  int64_t& operator[](size_t i) { return data()[i]; }
  /// @brief Begin iterator.
  const int64_t* begin() const { return data(); }
  /// @brief End iterator.
  const int64_t* end() const { return data() + size_; }
  /// @brief Begin iterator.
  int64_t* begin() { return data(); }
  /// @brief End iterator.
  int64_t* end() { return data() + size_; }
  /// @brief Last entry.
  int64_t back() const { return data()[size_ - 1]; }
  /// @brief An owning vector copy.
  std::vector<int64_t> vec() const { return {begin(), end()}; }
  /// @brief Resizes, filling new entries with `value`.
  void resize(size_t n, int64_t value = 0);
  /// @brief Appends one entry.
  void push_back(int64_t v) { resize(size_ + 1, v); }
  /// @brief Inserts `v` before position `pos`.
  void insert(size_t pos, int64_t v);
  /// @brief Removes the entry at `pos`.
  void erase(size_t pos);
  /// @brief Entry `i`, with a negative index counting from the end; throws when out of range.
  int64_t at(int64_t i) const;
  /// @brief Element-wise equality.
  bool operator==(IntArrayRef o) const { return IntArrayRef(*this).equals(o); }
  /// @brief Element-wise equality.
  bool operator==(const Sizes& o) const { return IntArrayRef(*this).equals(o); }
  /// @brief Element-wise equality with a vector.
  bool operator==(const std::vector<int64_t>& o) const { return IntArrayRef(*this).equals(o); }
  /// @brief Not equal.
  bool operator!=(const Sizes& o) const { return !(*this == o); }

 private:
  void assign(IntArrayRef r);
  int64_t inline_[kInline] = {0, 0, 0, 0, 0};
  std::vector<int64_t> heap_;
  size_t size_ = 0;
};

/// @brief Prints `torch.Size([2, 3])`, as Python prints `t.shape`.
std::ostream& operator<<(std::ostream& os, const Sizes& s);
/// @brief Prints `[2, 3]`.
std::ostream& operator<<(std::ostream& os, IntArrayRef s);

}  // namespace tl
