// Generator lookup, element order and the double Box–Muller sampler.
#include "random/random_internal.h"

#include <numbers>
#include <utility>

namespace tl::detail {

CPUGeneratorImpl* cpu_generator(const std::optional<Generator>& gen) {
  const Generator& g = gen && gen->defined() ? *gen : getDefaultCPUGenerator();
  const Device d = g.device();
  TL_CHECK(d.is_cpu(), "Expected a 'cpu' device type for generator but found '", Device(d.type()), "'");
  return g.get<CPUGeneratorImpl>();
}

const char* type_meta_name(ScalarType t) {
  switch (t) {
    case kByte: return "unsigned char";
    case kChar: return "signed char";
    case kShort: return "short int";
    case kInt: return "int";
    case kLong: return "long int";
    case kHalf: return "c10::Half";
    case kFloat: return "float";
    case kDouble: return "double";
    case kBool: break;
  }
  return "bool";
}

void iteration_order(const Tensor& self, Sizes& sizes, Sizes& strides) {
  const int64_t nd = self.dim();
  // perm[0] is the fastest-moving dim; start from row-major order (last dim fastest).
  std::vector<int64_t> perm(static_cast<size_t>(nd));
  for (int64_t i = 0; i < nd; ++i) perm[static_cast<size_t>(i)] = nd - 1 - i;
  // TensorIterator's comparison: 1 when dim a should move after dim b, -1 when it must stay
  // before, 0 when undecided (a broadcast stride, or equal strides with a not larger).
  auto should_swap = [&](int64_t a, int64_t b) {
    const int64_t sa = self.strides()[static_cast<size_t>(a)], sb = self.strides()[static_cast<size_t>(b)];
    if (sa == 0 || sb == 0) return 0;
    if (sa != sb) return sa < sb ? -1 : 1;
    return self.sizes()[static_cast<size_t>(a)] > self.sizes()[static_cast<size_t>(b)] ? 1 : 0;
  };
  // Its insertion sort, which walks past undecided pairs instead of stopping at them.
  for (int64_t i = 1; i < nd; ++i) {
    int64_t moving = i;
    for (int64_t j = i - 1; j >= 0; --j) {
      const int cmp = should_swap(perm[static_cast<size_t>(j)], perm[static_cast<size_t>(moving)]);
      if (cmp > 0) {
        std::swap(perm[static_cast<size_t>(j)], perm[static_cast<size_t>(moving)]);
        moving = j;
      } else if (cmp < 0) {
        break;
      }
    }
  }
  sizes = Sizes();
  strides = Sizes();
  for (int64_t i = nd; i-- > 0;) {  // outermost first
    const auto d = static_cast<size_t>(perm[static_cast<size_t>(i)]);
    sizes.push_back(self.sizes()[d]);
    strides.push_back(self.strides()[d]);
  }
}

double normal_double(CPUGeneratorImpl* gen, double mean, double std) {
  if (const std::optional<double> cached = gen->next_double_normal_sample()) {
    gen->set_next_double_normal_sample(std::nullopt);
    return std::fma(*cached, std, mean);
  }
  const double u1 = uniform_real<double>(gen, 0.0, 1.0);
  const double u2 = uniform_real<double>(gen, 0.0, 1.0);
  const double radius = std::sqrt(-2.0 * std::log(1.0 - u2));
  const double theta = 2.0 * std::numbers::pi * u1;
  gen->set_next_double_normal_sample(radius * std::sin(theta));
  return std::fma(radius * std::cos(theta), std, mean);
}

}  // namespace tl::detail
