// Tensor::index and Tensor::index_put_ against PyTorch 1.13.1's x[...] and x[...] = v
// (fixture indexing.json from tools/fixtures/gen_indexing.py): views that share storage,
// bool indices that copy, number conversions, and every error with its Python kind. Also
// the notebook's "Indexing (selecting data from tensors)" section.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/view_ops.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::indexing::Ellipsis;
using tl::indexing::None;
using tl::indexing::Slice;
using tl::indexing::TensorIndex;
using tl::testing::apply_view_chain;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;
using tl::testing::throws_pytorch_error;

const json& data() {
  static const json d = tl::testing::load_fixture("indexing.json");
  return d;
}

// One generator index item: an integer, a bool, null, "..." or {"slice": [start, stop, step]}.
TensorIndex index_item(const json& j) {
  if (j.is_boolean()) return TensorIndex(j.get<bool>());
  if (j.is_number_integer()) return TensorIndex(j.get<int64_t>());
  if (j.is_null()) return TensorIndex(None);
  if (j.is_string()) return TensorIndex(j.get<std::string>().c_str());
  const json& s = j.at("slice");
  return TensorIndex(Slice(tl::testing::optional_int(s[0]), tl::testing::optional_int(s[1]),
                           tl::testing::optional_int(s[2])));
}

// The API takes braced lists only, so the fixture's lists are spelled out by length.
template <typename Fn>
decltype(auto) with_index(const json& index, Fn&& fn) {
  std::vector<TensorIndex> v;
  for (const json& item : index) v.push_back(index_item(item));
  switch (v.size()) {
    case 1: return fn({v[0]});
    case 2: return fn({v[0], v[1]});
    case 3: return fn({v[0], v[1], v[2]});
    case 4: return fn({v[0], v[1], v[2], v[3]});
    case 5: return fn({v[0], v[1], v[2], v[3], v[4]});
    case 6: return fn({v[0], v[1], v[2], v[3], v[4], v[5]});
    default: throw std::runtime_error("index list too long for the test helper");
  }
}

using List = std::initializer_list<TensorIndex>;

tl::Tensor get(const tl::Tensor& t, const json& index) {
  return with_index(index, [&](List l) { return t.index(l); });
}

void set(tl::Tensor t, const json& index, const json& value) {
  if (value.contains("scalar")) {
    const tl::Scalar v = tl::testing::scalar_from_json(value["scalar"]);
    with_index(index, [&](List l) { t.index_put_(l, v); });
  } else {
    const tl::Tensor v = tensor_from_json(value["tensor"]);
    with_index(index, [&](List l) { t.index_put_(l, v); });
  }
}

std::string name_of(const json& c) { return c["name"].get<std::string>(); }

TEST(IndexingFixture, EveryIndexMatchesPytorch) {
  const json& cases = data().at("get");
  ASSERT_GE(cases.size(), 90u);
  for (const json& c : cases) {
    SCOPED_TRACE(name_of(c));
    const tl::Tensor base = tensor_from_json(c["base"]);
    const tl::Tensor src = apply_view_chain(base, c["chain"]);
    const tl::Tensor r = get(src, c["index"]);
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["expected"]), r));
    EXPECT_EQ(r.is_same_storage(base), c["shares"].get<bool>());
    EXPECT_FALSE(r.is_same(src));  // even x[...] is a new handle
    EXPECT_EQ(r.strides().vec(), c["stride"].get<std::vector<int64_t>>());
    EXPECT_EQ(r.storage_offset(), c["offset"].get<int64_t>());
  }
}

TEST(IndexingFixture, EveryIndexErrorMatchesPytorch) {
  const json& cases = data().at("get_errors");
  ASSERT_GE(cases.size(), 20u);
  for (const json& c : cases) {
    SCOPED_TRACE(name_of(c));
    const tl::Tensor src = apply_view_chain(tensor_from_json(c["base"]), c["chain"]);
    EXPECT_TRUE(throws_pytorch_error([&] { get(src, c["index"]); }, c["error"]));
  }
}

TEST(IndexingFixture, EveryAssignmentMatchesPytorch) {
  const json& cases = data().at("set");
  ASSERT_GE(cases.size(), 250u);
  for (const json& c : cases) {
    SCOPED_TRACE(name_of(c));
    const tl::Tensor base = tensor_from_json(c["base"]);
    const tl::Tensor dst = apply_view_chain(base, c["chain"]);
    if (c.contains("error")) {
      EXPECT_TRUE(throws_pytorch_error([&] { set(dst, c["index"], c["value"]); }, c["error"]));
    } else {
      set(dst, c["index"], c["value"]);
      EXPECT_TRUE(tensors_identical(tensor_from_json(c["expected"]), base));
    }
  }
}

// ---- the notebook ------------------------------------------------------------------------------

TEST(IndexingNotebook, EveryExpressionAsFixtureSteps) {
  const json& nb = data().at("notebook");
  const tl::Tensor x = tl::arange(1, 10).reshape({1, 3, 3});
  ASSERT_TRUE(tensors_identical(tensor_from_json(nb["x"]), x));
  for (const json& c : nb["cases"]) {
    SCOPED_TRACE(name_of(c));
    tl::Tensor r = x;
    for (const json& step : c["steps"]) r = get(r, step);
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["expected"]), r));
    EXPECT_TRUE(r.is_same_storage(x));
    if (c.contains("item")) {
      EXPECT_EQ(r.item<int64_t>(), c["item"].get<int64_t>());
    }
  }
}

TEST(IndexingNotebook, WrittenTheWayAStudentWouldInCpp) {
  const json& cases = data().at("notebook").at("cases");
  auto expected = [&](const std::string& name) {
    for (const json& c : cases) {
      if (c["name"] == name) return tensor_from_json(c["expected"]);
    }
    throw std::runtime_error("no notebook case " + name);
  };
  const tl::Tensor x = tl::arange(1, 10).reshape({1, 3, 3});
  EXPECT_TRUE(tensors_identical(expected("x[0]"), x[0]));
  EXPECT_TRUE(tensors_identical(expected("x[0][0]"), x[0][0]));
  EXPECT_TRUE(tensors_identical(expected("x[0][0][0]"), x[0][0][0]));
  EXPECT_EQ(x[0][0][0].item<int64_t>(), 1);
  EXPECT_TRUE(tensors_identical(expected("x[0][0]"), x.index({0}).index({0})));
  EXPECT_TRUE(tensors_identical(expected("x[:, 0]"), x.index({Slice(), 0})));
  EXPECT_TRUE(tensors_identical(expected("x[:, :, 1]"), x.index({Slice(), Slice(), 1})));
  EXPECT_TRUE(tensors_identical(expected("x[:, 1, 1]"), x.index({Slice(), 1, 1})));
  EXPECT_TRUE(tensors_identical(expected("x[0, 0, :]"), x.index({0, 0, Slice()})));
  EXPECT_TRUE(tensors_identical(expected("x[0][2][2]"), x[0][2][2]));
  EXPECT_TRUE(tensors_identical(expected("x[:, :, 2]"), x.index({Slice(), Slice(), 2})));
  EXPECT_TRUE(tensors_identical(expected("x[:, :, 2]"), x.index({"...", 2})));
  EXPECT_TRUE(tensors_identical(expected("x[:, :, 2]"), x.index({Ellipsis, 2})));
}

// ---- what only the C++ API can express (messages from LibTorch 1.13's TensorIndexing.h) -------

TEST(Indexing, EllipsisStringMustBeThreeDots) {
  EXPECT_NO_THROW(TensorIndex("..."));
  try {
    TensorIndex bad("..");
    FAIL() << "no error";
  } catch (const tl::Error& e) {
    EXPECT_STREQ(e.what(), "Expected \"...\" to represent an ellipsis index, but got \"..\"");
    EXPECT_EQ(e.kind(), tl::ErrorKind::ValueError);
  }
}

TEST(Indexing, EmptyIndexListIsRejected) {
  tl::Tensor x = tl::zeros({2});
  const json index_error = {{"kind", "RuntimeError"},
                            {"message", "Passing an empty index list to Tensor::index() is not valid syntax"}};
  EXPECT_TRUE(throws_pytorch_error([&] { x.index({}); }, index_error));
  const json put_error = {{"kind", "RuntimeError"},
                          {"message", "Passing an empty index list to Tensor::index_put_() is not valid syntax"}};
  EXPECT_TRUE(throws_pytorch_error([&] { x.index_put_(List{}, 1); }, put_error));
  EXPECT_TRUE(throws_pytorch_error([&] { x.index_put_(List{}, tl::ones({2})); }, put_error));
}

TEST(Indexing, SecondEllipsisIsRejected) {
  // PyTorch 1.13 lets each extra ellipsis skip dims again (and can read past the shape);
  // tl raises NumPy's IndexError instead.
  tl::Tensor x = tl::zeros({2, 3});
  const json error = {{"kind", "IndexError"}, {"message", "an index can only have a single ellipsis ('...')"}};
  EXPECT_TRUE(throws_pytorch_error([&] { x.index({Ellipsis, Ellipsis}); }, error));
  EXPECT_TRUE(throws_pytorch_error([&] { x.index_put_({"...", 0, "..."}, 1); }, error));
}

TEST(Indexing, ViewsWriteThroughAndCopiesDoNot) {
  tl::Tensor x = tl::arange(6).reshape({2, 3});
  tl::Tensor column = x.index({Slice(), 1});
  column.fill_(-1);
  EXPECT_EQ(x.index({1, 1}).item<int64_t>(), -1);

  tl::Tensor copy = x.index({true});  // advanced indexing gathers
  EXPECT_FALSE(copy.is_same_storage(x));
  copy.fill_(100);
  EXPECT_EQ(x.index({0, 0}).item<int64_t>(), 0);
}

TEST(Indexing, IndexPutReturnsSelf) {
  tl::Tensor x = tl::zeros({2, 2});
  EXPECT_TRUE(x.index_put_({0}, 1).is_same(x));
  EXPECT_TRUE(x.index_put_({1}, tl::ones({2})).is_same(x));
}

}  // namespace
