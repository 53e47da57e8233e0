// Exercise 08-aggregation. The task is in exercises/08-aggregation/README.md.
#include "course/08_aggregation.h"

#include <cmath>
#include <type_traits>

#include <course/todo.h>

namespace course {

tl::Tensor mean_any(const tl::Tensor& x) {
  // BEGIN SOLUTION 08-aggregation
  if (x.is_floating_point()) return x.mean();
  return x.to(tl::kFloat).mean();  // mean() refuses integers: the notebook's fix
  // END SOLUTION
}

Aggregates aggregate(const tl::Tensor& x) {
  // BEGIN SOLUTION 08-aggregation
  return {x.min(), x.max(), mean_any(x), x.sum()};
  // END SOLUTION
}

int64_t argmax_by_hand(const tl::Tensor& x) {
  // BEGIN SOLUTION 08-aggregation
  TL_CHECK(x.dtype() != tl::kBool, "\"argmax_cpu\" not implemented for 'Bool'");
  TL_CHECK_KIND(x.numel() > 0, IndexError, "argmax(): Expected reduction dim to be specified for input.numel() == 0.");
  const tl::Tensor flat = x.contiguous();  // row-major order, whatever the strides
  return tl::dispatch(flat.dtype(), [&]<typename T>() -> int64_t {
    const T* p = flat.data_ptr<T>();
    // Compare in the element type (int64 does not fit a double); halves compare as floats.
    using V = std::conditional_t<std::is_same_v<T, tl::Half>, float, T>;
    int64_t best = 0;
    for (int64_t i = 1; i < flat.numel(); ++i) {
      const V v = static_cast<V>(p[i]), b = static_cast<V>(p[best]);
      if constexpr (std::is_floating_point_v<V>) {
        if (std::isnan(b)) break;  // the first NaN is the maximum
        if (std::isnan(v)) {
          best = i;
          break;
        }
      }
      if (v > b) best = i;
    }
    return best;
  });
  // END SOLUTION
}

int64_t argmin_by_hand(const tl::Tensor& x) {
  // BEGIN SOLUTION 08-aggregation
  TL_CHECK(x.dtype() != tl::kBool, "\"argmin_cpu\" not implemented for 'Bool'");
  TL_CHECK_KIND(x.numel() > 0, IndexError, "argmin(): Expected reduction dim to be specified for input.numel() == 0.");
  const tl::Tensor flat = x.contiguous();
  return tl::dispatch(flat.dtype(), [&]<typename T>() -> int64_t {
    const T* p = flat.data_ptr<T>();
    // Compare in the element type (int64 does not fit a double); halves compare as floats.
    using V = std::conditional_t<std::is_same_v<T, tl::Half>, float, T>;
    int64_t best = 0;
    for (int64_t i = 1; i < flat.numel(); ++i) {
      const V v = static_cast<V>(p[i]), b = static_cast<V>(p[best]);
      if constexpr (std::is_floating_point_v<V>) {
        if (std::isnan(b)) break;  // the first NaN is the minimum
        if (std::isnan(v)) {
          best = i;
          break;
        }
      }
      if (v < b) best = i;
    }
    return best;
  });
  // END SOLUTION
}

}  // namespace course
