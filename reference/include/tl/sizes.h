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
/// @code
/// std::vector<int64_t> shape{2, 3};
/// auto x = tl::zeros(shape);          // IntArrayRef viewing the vector
/// auto y = x.permute({1, 0});         // IntArrayRef viewing a braced list
/// @endcode
class IntArrayRef {
 public:
  /// @brief An empty list (a 0-d shape when used as a size).
  /// @code
  /// auto s = tl::zeros(tl::IntArrayRef());   // a 0-d tensor
  /// @endcode
  IntArrayRef() = default;
  /// @brief View of a braced list `{2, 3}` (implicit; valid only for the full expression it appears in).
  /// @code
  /// auto x = tl::ones({2, 3});
  /// @endcode
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
  IntArrayRef(std::initializer_list<int64_t> il) : data_(il.begin()), size_(il.size()) {}  // NOLINT
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  /// @brief View of a vector (implicit); the vector must outlive the view.
  /// @code
  /// std::vector<int64_t> dims{2, 0, 1};
  /// auto y = tl::rand({4, 5, 6}).permute(dims);
  /// @endcode
  IntArrayRef(const std::vector<int64_t>& v) : data_(v.data()), size_(v.size()) {}  // NOLINT
  /// @brief View of `n` values starting at `data`.
  /// @code
  /// int64_t dims[] = {3, 4};
  /// auto x = tl::zeros(tl::IntArrayRef(dims, 2));
  /// @endcode
  IntArrayRef(const int64_t* data, size_t n) : data_(data), size_(n) {}
  /// @brief View of a single value (implicit), a list of length 1; `one` must outlive the view.
  /// @code
  /// int64_t d = 0;
  /// auto s = tl::ones({2, 3}).sum(d);   // sum over dim 0
  /// @endcode
  IntArrayRef(const int64_t& one) : data_(&one), size_(1) {}  // NOLINT
  /// @brief Number of entries.
  /// @code
  /// tl::IntArrayRef({2, 3}).size();   // 2
  /// @endcode
  size_t size() const { return size_; }
  /// @brief True when there are no entries.
  /// @code
  /// tl::IntArrayRef().empty();   // true
  /// @endcode
  bool empty() const { return size_ == 0; }
  /// @brief Pointer to the first entry (null for a default-constructed list).
  /// @code
  /// const int64_t* p = ref.data();
  /// @endcode
  const int64_t* data() const { return data_; }
  /// @brief Entry `i` (unchecked: `i` must be below `size()`).
  /// @code
  /// int64_t rows = ref[0];
  /// @endcode
  int64_t operator[](size_t i) const { return data_[i]; }
  /// @brief Begin iterator, for range-for loops and algorithms.
  /// @code
  /// for (int64_t s : ref) std::cout << s << " ";
  /// @endcode
  const int64_t* begin() const { return data_; }
  /// @brief End iterator (one past the last entry).
  /// @code
  /// int64_t n = std::accumulate(ref.begin(), ref.end(), int64_t{1}, std::multiplies<>());
  /// @endcode
  const int64_t* end() const { return data_ + size_; }
  /// @brief Last entry (unchecked: the list must not be empty).
  /// @code
  /// int64_t cols = ref.back();
  /// @endcode
  int64_t back() const { return data_[size_ - 1]; }
  /// @brief An owning copy as a vector.
  /// @code
  /// std::vector<int64_t> v = ref.vec();
  /// @endcode
  std::vector<int64_t> vec() const { return {begin(), end()}; }
  /// @brief True when both lists have the same length and entries.
  /// @code
  /// tl::IntArrayRef({2, 3}).equals({2, 3});   // true
  /// @endcode
  bool equals(IntArrayRef o) const { return size_ == o.size_ && std::equal(begin(), end(), o.begin()); }

 private:
  const int64_t* data_ = nullptr;
  size_t size_ = 0;
};

/// @brief An owned shape or stride list (LibTorch's `c10::SmallVector`-backed sizes, Python's
/// `torch.Size`); `sizes()` returns it. Prints as `torch.Size([2, 3])`.
///
/// Holds up to five dims inline so small tensors need no extra heap allocation. Converts
/// implicitly to `IntArrayRef`, so it can be passed wherever a shape is expected.
/// @code
/// tl::Sizes s = tl::zeros({2, 3}).sizes();
/// s.push_back(4);                        // [2, 3, 4]
/// auto y = tl::ones(s);                  // a tensor of that shape
/// std::cout << s << "\n";               // torch.Size([2, 3, 4])
/// @endcode
class Sizes {
 public:
  static constexpr size_t kInline = 5;  ///< Dims stored without heap allocation.
  /// @brief An empty list (the shape of a 0-d tensor).
  /// @code
  /// tl::Sizes s;   // s.size() == 0
  /// @endcode
  Sizes() = default;
  /// @brief Copies a list (implicit).
  /// @code
  /// std::vector<int64_t> v{2, 3};
  /// tl::Sizes s = tl::IntArrayRef(v);
  /// @endcode
  Sizes(IntArrayRef r) { assign(r); }  // NOLINT
  /// @brief Copies a braced list.
  /// @code
  /// tl::Sizes s{2, 3};
  /// @endcode
  Sizes(std::initializer_list<int64_t> il) { assign(IntArrayRef(il)); }
  /// @brief `n` copies of `value`.
  /// @code
  /// tl::Sizes ones(3, 1);   // [1, 1, 1]
  /// @endcode
  Sizes(size_t n, int64_t value) { resize(n, value); }
  /// @brief Copies `o`.
  /// @code
  /// tl::Sizes copy = x.sizes();
  /// @endcode
  Sizes(const Sizes& o) { assign(o); }
  /// @brief Copies `o`; returns `*this`.
  /// @code
  /// s = x.sizes();
  /// @endcode
  Sizes& operator=(const Sizes& o) { if (this != &o) assign(o); return *this; }
  /// @brief Takes over `o`, which is left empty when its entries were on the heap (more than `kInline` dims), else keeps them.
  /// @code
  /// tl::Sizes t = std::move(s);
  /// @endcode
  Sizes(Sizes&& o) noexcept { *this = std::move(o); }
  /// @brief Takes over `o`, which is left empty when its entries were on the heap (more than `kInline` dims), else keeps them;
  /// returns `*this`.
  /// @code
  /// t = std::move(s);
  /// @endcode
  Sizes& operator=(Sizes&& o) noexcept {
    if (this != &o) {
      if (o.heap_.empty()) assign(o); else { heap_ = std::move(o.heap_); size_ = o.size_; o.size_ = 0; }
    }
    return *this;
  }
  /// @brief Borrowed view of the entries, valid while this object is alive and unchanged.
  /// @code
  /// tl::IntArrayRef r = s;
  /// @endcode
  operator IntArrayRef() const { return {data(), size_}; }  // NOLINT
  /// @brief Number of dims (Python's `len(t.shape)`).
  /// @code
  /// tl::zeros({2, 3}).sizes().size();   // 2
  /// @endcode
  size_t size() const { return size_; }
  /// @brief True for a 0-d shape.
  /// @code
  /// tl::tensor(1.5).sizes().empty();   // true
  /// @endcode
  bool empty() const { return size_ == 0; }
  /// @brief Pointer to the entries.
  /// @code
  /// const int64_t* p = s.data();
  /// @endcode
  const int64_t* data() const { return heap_.empty() ? inline_ : heap_.data(); }
  /// @brief Mutable pointer to the entries.
  /// @code
  /// s.data()[0] = 7;
  /// @endcode
  int64_t* data() { return heap_.empty() ? inline_ : heap_.data(); }
  /// @brief Entry `i` (unchecked: `i` must be below `size()`; see `at` for a checked form).
  /// @code
  /// int64_t rows = x.sizes()[0];
  /// @endcode
  int64_t operator[](size_t i) const { return data()[i]; }
  /// @brief Mutable entry `i` (unchecked).
  /// @code
  /// s[0] = 4;
  /// @endcode
  int64_t& operator[](size_t i) { return data()[i]; }
  /// @brief Begin iterator, for range-for loops and algorithms.
  /// @code
  /// for (int64_t d : x.sizes()) std::cout << d << " ";
  /// @endcode
  const int64_t* begin() const { return data(); }
  /// @brief End iterator (one past the last entry).
  /// @code
  /// bool has_zero = std::find(s.begin(), s.end(), 0) != s.end();
  /// @endcode
  const int64_t* end() const { return data() + size_; }
  /// @brief Mutable begin iterator.
  /// @code
  /// std::reverse(s.begin(), s.end());
  /// @endcode
  int64_t* begin() { return data(); }
  /// @brief Mutable end iterator.
  /// @code
  /// std::fill(s.begin(), s.end(), 1);
  /// @endcode
  int64_t* end() { return data() + size_; }
  /// @brief Last entry (unchecked: the list must not be empty).
  /// @code
  /// int64_t cols = tl::zeros({2, 3}).sizes().back();   // 3
  /// @endcode
  int64_t back() const { return data()[size_ - 1]; }
  /// @brief An owning vector copy (Python's `list(t.shape)`).
  /// @code
  /// std::vector<int64_t> v = x.sizes().vec();
  /// @endcode
  std::vector<int64_t> vec() const { return {begin(), end()}; }
  /// @brief Resizes to `n` entries, filling new entries with `value`.
  /// @code
  /// tl::Sizes s{2};
  /// s.resize(3, 1);   // [2, 1, 1]
  /// @endcode
  void resize(size_t n, int64_t value = 0);
  /// @brief Appends one entry.
  /// @code
  /// s.push_back(5);
  /// @endcode
  void push_back(int64_t v) { resize(size_ + 1, v); }
  /// @brief Inserts `v` before position `pos` (`pos` at most `size()`, unchecked).
  /// @code
  /// tl::Sizes s{2, 3};
  /// s.insert(0, 1);   // [1, 2, 3]
  /// @endcode
  void insert(size_t pos, int64_t v);
  /// @brief Removes the entry at `pos` (`pos` below `size()`, unchecked).
  /// @code
  /// tl::Sizes s{1, 2, 3};
  /// s.erase(0);   // [2, 3]
  /// @endcode
  void erase(size_t pos);
  /// @brief Entry `i`, with a negative index counting from the end, as Python's `t.shape[i]`.
  /// @throws tl::Error (IndexError) `tuple index out of range` when `i` is outside [-size(), size()).
  /// @code
  /// tl::zeros({2, 3}).sizes().at(-1);   // 3
  /// @endcode
  int64_t at(int64_t i) const;
  /// @brief True when both lists have the same length and entries (Python's `t.shape == (2, 3)`).
  /// @code
  /// bool ok = x.sizes() == tl::IntArrayRef({2, 3});
  /// @endcode
  bool operator==(IntArrayRef o) const { return IntArrayRef(*this).equals(o); }
  /// @brief True when both lists have the same length and entries.
  /// @code
  /// bool same = a.sizes() == b.sizes();
  /// @endcode
  bool operator==(const Sizes& o) const { return IntArrayRef(*this).equals(o); }
  /// @brief True when the entries equal those of a vector.
  /// @code
  /// bool ok = x.sizes() == std::vector<int64_t>{2, 3};
  /// @endcode
  bool operator==(const std::vector<int64_t>& o) const { return IntArrayRef(*this).equals(o); }
  /// @brief Not equal: `!(*this == o)`.
  /// @code
  /// bool changed = a.sizes() != b.sizes();
  /// @endcode
  bool operator!=(const Sizes& o) const { return !(*this == o); }

 private:
  void assign(IntArrayRef r);
  int64_t inline_[kInline] = {0, 0, 0, 0, 0};
  std::vector<int64_t> heap_;
  size_t size_ = 0;
};

/// @brief Prints `torch.Size([2, 3])`, as Python prints `t.shape`.
/// @code
/// std::cout << tl::zeros({2, 3}).sizes();   // torch.Size([2, 3])
/// @endcode
std::ostream& operator<<(std::ostream& os, const Sizes& s);
/// @brief Prints the entries as a list: `[2, 3]`.
/// @code
/// std::cout << tl::IntArrayRef({2, 3});   // [2, 3]
/// @endcode
std::ostream& operator<<(std::ostream& os, IntArrayRef s);

}  // namespace tl
