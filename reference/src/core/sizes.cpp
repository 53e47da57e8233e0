#include "tl/sizes.h"

#include <ostream>

namespace tl {

void Sizes::assign(IntArrayRef r) {
  if (r.size() <= kInline) {
    heap_.clear();
    heap_.shrink_to_fit();
    std::copy(r.begin(), r.end(), inline_);
  } else {
    heap_.assign(r.begin(), r.end());
  }
  size_ = r.size();
}

void Sizes::resize(size_t n, int64_t value) {
  if (heap_.empty() && n <= kInline) {
    for (size_t i = size_; i < n; ++i) inline_[i] = value;
  } else {
    if (heap_.empty()) heap_.assign(inline_, inline_ + size_);
    heap_.resize(n, value);
  }
  size_ = n;
}

void Sizes::insert(size_t pos, int64_t v) {
  resize(size_ + 1);
  int64_t* d = data();
  for (size_t i = size_ - 1; i > pos; --i) d[i] = d[i - 1];
  d[pos] = v;
}

void Sizes::erase(size_t pos) {
  int64_t* d = data();
  for (size_t i = pos; i + 1 < size_; ++i) d[i] = d[i + 1];
  resize(size_ - 1);
}

int64_t Sizes::at(int64_t i) const {
  const auto n = static_cast<int64_t>(size_);
  TL_CHECK_KIND(i >= -n && i < n, IndexError, "tuple index out of range");
  return data()[i < 0 ? i + n : i];
}

std::ostream& operator<<(std::ostream& os, IntArrayRef s) {
  os << '[';
  for (size_t i = 0; i < s.size(); ++i) os << (i ? ", " : "") << s[i];
  return os << ']';
}

std::ostream& operator<<(std::ostream& os, const Sizes& s) {
  return os << "torch.Size(" << IntArrayRef(s) << ')';
}

}  // namespace tl
