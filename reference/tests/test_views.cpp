// Views (view, reshape, flatten, squeeze, unsqueeze, permute, transpose, t, expand, select,
// slice, narrow, view(dtype)) against PyTorch 1.13.1: values, strides, storage sharing and
// error messages (fixture views.json from tools/fixtures/gen_views.py), and the notebook's
// "Reshaping, stacking, squeezing and unsqueezing" section.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures.h"
#include "support/view_ops.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::apply_view_chain;
using tl::testing::apply_view_op;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;
using tl::testing::throws_pytorch_error;

const json& data() {
  static const json d = tl::testing::load_fixture("views.json");
  return d;
}

std::vector<int64_t> vec(const tl::Sizes& s) { return s.vec(); }

TEST(ViewsFixture, EveryViewMatchesPytorch) {
  const json& cases = data().at("views");
  ASSERT_GE(cases.size(), 150u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const tl::Tensor base = tensor_from_json(c["base"]);
    const tl::Tensor src = apply_view_chain(base, c["chain"]);
    const tl::Tensor r = apply_view_op(src, c["op"]);
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["expected"]), r));
    EXPECT_EQ(vec(r.strides()), c["stride"].get<std::vector<int64_t>>());
    EXPECT_EQ(r.storage_offset(), c["offset"].get<int64_t>());
    EXPECT_EQ(r.is_same_storage(base), c["shares"].get<bool>());
    EXPECT_EQ(r.is_same(src), c["same"].get<bool>());
  }
}

TEST(ViewsFixture, EveryErrorMatchesPytorch) {
  const json& cases = data().at("errors");
  ASSERT_GE(cases.size(), 60u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const tl::Tensor base = tensor_from_json(c["base"]);
    EXPECT_TRUE(throws_pytorch_error([&] { apply_view_op(apply_view_chain(base, c["chain"]), c["op"]); }, c["error"]));
  }
}

TEST(ViewsFixture, ViewsWriteThroughToTheBase) {
  // A case that shares storage must alias it: zeros written through the view read back
  // when the same view is taken of the base again.
  for (const json& c : data().at("views")) {
    if (!c["shares"].get<bool>()) continue;
    SCOPED_TRACE(c["name"].get<std::string>());
    const tl::Tensor base = tensor_from_json(c["base"]);
    tl::Tensor r = apply_view_op(apply_view_chain(base, c["chain"]), c["op"]);
    r.fill_(0);
    const tl::Tensor again = apply_view_op(apply_view_chain(base, c["chain"]), c["op"]);
    EXPECT_TRUE(tensors_identical(tl::zeros(vec(again.sizes()), tl::TensorOptions(again.dtype())), again));
  }
}

// ---- the notebook, cell by cell -------------------------------------------------------------

class Notebook : public ::testing::Test {
 protected:
  const json& nb = data().at("notebook");
  tl::Tensor expected(const char* name) const { return tensor_from_json(nb.at(name)); }
};

TEST_F(Notebook, ReshapeViewAndWritingThroughTheView) {
  tl::Tensor x = tl::arange(1., 8.);
  EXPECT_TRUE(tensors_identical(expected("x"), x));
  EXPECT_EQ(x.sizes(), (tl::Sizes{7}));

  tl::Tensor x_reshaped = x.reshape({1, 7});
  EXPECT_TRUE(tensors_identical(expected("x_reshaped"), x_reshaped));
  EXPECT_EQ(x_reshaped.sizes(), (tl::Sizes{1, 7}));

  tl::Tensor z = x.view({1, 7});
  EXPECT_TRUE(tensors_identical(expected("z"), z));
  EXPECT_TRUE(z.is_same_storage(x));
  EXPECT_EQ(z.data_ptr(), x.data_ptr());

  // z[:, 0] = 5 changes x (and x_reshaped, another view of it).
  z.index_put_({tl::indexing::Slice(), 0}, 5);
  EXPECT_TRUE(tensors_identical(expected("z_after"), z));
  EXPECT_TRUE(tensors_identical(expected("x_after"), x));
  EXPECT_TRUE(tensors_identical(expected("x_reshaped_after"), x_reshaped));
}

TEST_F(Notebook, StackSqueezeUnsqueezePermute) {
  tl::Tensor x = tl::arange(1., 8.);
  x.view({1, 7}).index_put_({tl::indexing::Slice(), 0}, 5);

  EXPECT_TRUE(tensors_identical(expected("x_stacked_dim0"), tl::stack({x, x, x, x}, 0)));
  EXPECT_TRUE(tensors_identical(expected("x_stacked_dim1"), tl::stack({x, x, x, x}, 1)));

  tl::Tensor x_reshaped = x.reshape({1, 7});
  tl::Tensor x_squeezed = x_reshaped.squeeze();
  EXPECT_TRUE(tensors_identical(expected("x_squeezed"), x_squeezed));
  EXPECT_EQ(x_squeezed.sizes(), (tl::Sizes{7}));

  tl::Tensor x_unsqueezed = x_squeezed.unsqueeze(0);
  EXPECT_TRUE(tensors_identical(expected("x_unsqueezed"), x_unsqueezed));
  EXPECT_EQ(x_unsqueezed.sizes(), (tl::Sizes{1, 7}));

  tl::Tensor x_original = tl::zeros({224, 224, 3});
  tl::Tensor x_permuted = x_original.permute({2, 0, 1});
  EXPECT_EQ(vec(x_permuted.sizes()), nb["permuted_shape"].get<std::vector<int64_t>>());
  EXPECT_EQ(vec(x_permuted.strides()), nb["permuted_stride"].get<std::vector<int64_t>>());
  // A view: writing through the permuted tensor changes the original.
  x_permuted.index_put_({2, 10, 20}, 7.5);
  EXPECT_EQ(x_original.index({10, 20, 2}).item<float>(), 7.5f);
  EXPECT_TRUE(x_permuted.is_same_storage(x_original));
}

// ---- storage sharing and negative dims, spelled out ----------------------------------------

TEST(Views, ReshapeIsAViewWhenStridesAllowElseACopy) {
  tl::Tensor x = tl::arange(6).reshape({2, 3});
  tl::Tensor flat = x.reshape({6});
  EXPECT_TRUE(flat.is_same_storage(x));
  EXPECT_EQ(flat.data_ptr(), x.data_ptr());

  tl::Tensor copied = x.t().reshape({6});
  EXPECT_FALSE(copied.is_same_storage(x));
  EXPECT_TRUE(copied.is_contiguous());
  copied.fill_(9);
  EXPECT_EQ(x.index({0, 1}).item<int64_t>(), 1);  // the base is untouched

  EXPECT_THROW(x.t().view({6}), tl::Error);
  EXPECT_NO_THROW(x.t().reshape({3, 2}));
}

TEST(Views, FreeFunctionsMatchMethods) {
  tl::Tensor x = tl::arange(24).reshape({2, 3, 4});
  EXPECT_TRUE(tensors_identical(x.permute({2, 0, 1}), tl::permute(x, {2, 0, 1})));
  EXPECT_TRUE(tensors_identical(x.unsqueeze(-1), tl::unsqueeze(x, -1)));
  EXPECT_TRUE(tensors_identical(x.reshape({4, -1}), tl::reshape(x, {4, -1})));
  EXPECT_TRUE(tensors_identical(x.flatten(1), tl::flatten(x, 1)));
  EXPECT_TRUE(tensors_identical(x.transpose(0, -1), tl::transpose(x, 0, -1)));
  tl::Tensor y = x.index({tl::indexing::Slice(), tl::indexing::Slice(0, 1)});
  EXPECT_TRUE(tensors_identical(y.squeeze(), tl::squeeze(y)));
  EXPECT_TRUE(tensors_identical(y.squeeze(1), tl::squeeze(y, 1)));
  EXPECT_TRUE(tensors_identical(x.select(0, 1).t(), tl::t(x.select(0, 1))));
}

TEST(Views, UnsqueezeAcceptsEveryPositionFromMinusDimMinusOneToDim) {
  tl::Tensor x = tl::zeros({2, 3});
  for (int64_t d = -3; d <= 2; ++d) {
    tl::Tensor u = x.unsqueeze(d);
    EXPECT_EQ(u.dim(), 3);
    EXPECT_EQ(u.size(d), 1) << d;
  }
  EXPECT_THROW(x.unsqueeze(3), tl::Error);
  EXPECT_THROW(x.unsqueeze(-4), tl::Error);
}

TEST(Views, ViewAsAnotherDtypeReinterpretsTheBits) {
  tl::Tensor x = tl::arange(4);
  EXPECT_FALSE(x.view(tl::kLong).is_same(x));  // a new handle, as autograd's view does
  EXPECT_TRUE(x.view(tl::kLong).is_same_storage(x));
  tl::Tensor bits = tl::full({2}, 1.0f).view(tl::kInt);
  EXPECT_EQ(bits.index({0}).item<int32_t>(), 0x3F800000);
}

}  // namespace
