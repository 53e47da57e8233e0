// Hidden suite for 09-reshape. Golden values: graders/suites/fixtures/09-reshape.json
// (tools/fixtures/gen_course.py: reshape/view/stack/squeeze/permute of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>

#include <course/09_reshape.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::shares_storage;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("09-reshape.json"); }

const nlohmann::json& notebook_case(const std::string& name) {
  for (const auto& c : fx()["notebook"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no notebook case " + name);
}

// The inputs gen_09() replays the notebook on.
tl::Tensor notebook_input(const std::string& name) {
  if (name == "notebook") return tl::arange(1., 8.);
  if (name == "int64") return tl::arange(1, 4);
  if (name == "one_element") return tl::tensor({2.5});
  if (name == "float16") return tl::arange(5, tl::kHalf);
  if (name == "long_vector") return tl::arange(-10., 10.);
  throw std::runtime_error("unknown input " + name);
}

void check_values(const std::string& name) {
  const auto& c = notebook_case(name);
  tl::Tensor x = notebook_input(name);
  const auto r = course::reshape_stack_squeeze(x);
  EXPECT_TRUE(same_tensor(tensor_from_json(c["x_reshaped"]), r.x_reshaped)) << name << ": x_reshaped";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["z"]), r.z)) << name << ": z";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["x_stacked"]), r.x_stacked)) << name << ": x_stacked";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["x_squeezed"]), r.x_squeezed)) << name << ": x_squeezed";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["x_unsqueezed"]), r.x_unsqueezed)) << name << ": x_unsqueezed";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["x_after"]), x)) << name << ": x after z[:, 0] = 5 (z is a view of x)";
}

void check_views(const std::string& name) {
  tl::Tensor x = notebook_input(name);
  const auto r = course::reshape_stack_squeeze(x);
  EXPECT_TRUE(shares_storage(x, r.x_reshaped, "x_reshaped")) << name;
  EXPECT_TRUE(shares_storage(x, r.z, "z")) << name;
  EXPECT_TRUE(shares_storage(x, r.x_squeezed, "x_squeezed")) << name;
  EXPECT_TRUE(shares_storage(x, r.x_unsqueezed, "x_unsqueezed")) << name;
  EXPECT_TRUE(suite::owns_storage(x, r.x_stacked, "x_stacked")) << name;
}

const nlohmann::json& stack_case(const std::string& name) {
  for (const auto& c : fx()["stacks"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no stack case " + name);
}

std::vector<tl::Tensor> stack_inputs(const nlohmann::json& c) {
  std::vector<tl::Tensor> ts;
  for (const auto& t : c["inputs"]) ts.push_back(tensor_from_json(t));
  if (c["name"] == "transposed_inputs")
    for (auto& t : ts) t = t.t();
  return ts;
}

void check_stack(const std::string& name) {
  const auto& c = stack_case(name);
  const auto ts = stack_inputs(c);
  const int64_t dim = c["dim"];
  if (c.contains("expected")) {
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::stack_by_hand(ts, dim)))
        << "stack_by_hand of " << ts.size() << " tensors of shape " << ts[0].sizes() << ", dim " << dim << " (" << name << ")";
  } else {
    EXPECT_TRUE(suite::expect_error_kind([&] { course::stack_by_hand(ts, dim); },
                                         c["error"]["kind"] == "IndexError" ? tl::ErrorKind::IndexError : tl::ErrorKind::RuntimeError,
                                         c["error"]["message"]))
        << "stack_by_hand, dim " << dim << " (" << name << ")";
  }
}

void check_infer(const std::function<bool(const nlohmann::json&)>& select) {
  int n = 0;
  for (const auto& c : fx()["infer"]) {
    if (!select(c)) continue;
    ++n;
    const auto shape = suite::shape_from_json(c["shape"]);
    const int64_t numel = c["numel"];
    const std::string what = "infer_shape(" + suite::str_list(shape) + ", " + std::to_string(numel) + ")";
    if (c.contains("result")) {
      EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["result"]), course::infer_shape(shape, numel))) << what;
    } else {
      EXPECT_TRUE(expect_error([&] { course::infer_shape(shape, numel); }, c["error"])) << what;
    }
  }
  ASSERT_GT(n, 0);
}

bool error_starts(const nlohmann::json& c, const std::string& prefix) {
  return c.contains("error") && c["error"].get<std::string>().rfind(prefix, 0) == 0;
}

}  // namespace

// ---- reshape_stack_squeeze -------------------------------------------------------------

TEST(ReshapeStackSqueeze, NotebookValues) { check_values("notebook"); }

TEST(ReshapeStackSqueeze, NotebookViewsShareMemory) { check_views("notebook"); }

TEST(ReshapeStackSqueeze, ChangingZChangesX) {
  tl::Tensor x = tl::arange(1., 8.);
  auto r = course::reshape_stack_squeeze(x);
  ASSERT_TRUE(r.z.defined());
  r.z.index_put_({tl::indexing::Slice(), 1}, 9);
  EXPECT_EQ(x[1].item<float>(), 9.0f) << "z should be a view of x: writing z[:, 1] must change x[1]";
  EXPECT_EQ(r.x_squeezed[1].item<float>(), 9.0f) << "x_squeezed should be a view of x too";
}

TEST(ReshapeStackSqueeze, StackIsACopy) {
  tl::Tensor x = tl::arange(1., 8.);
  const auto r = course::reshape_stack_squeeze(x);
  x.fill_(0);
  EXPECT_TRUE(same_tensor(tensor_from_json(notebook_case("notebook")["x_stacked"]), r.x_stacked))
      << "x_stacked must keep its values when x changes later";
}

TEST(ReshapeStackSqueeze, OtherLengthsAndDtypes) {
  for (const char* name : {"int64", "float16", "long_vector"}) {
    check_values(name);
    check_views(name);
  }
}

TEST(ReshapeStackSqueeze, OneElementSqueezesToZeroDim) {
  check_values("one_element");
  check_views("one_element");
}

// ---- permute_to_chw --------------------------------------------------------------------

TEST(PermuteToChw, NotebookImageShape) {
  const tl::Tensor x_original = tl::rand({224, 224, 3});
  const tl::Tensor p = course::permute_to_chw(x_original);
  const auto& c = fx()["permutes"][0];
  ASSERT_EQ(c["name"], "image");
  EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["shape"]), p.sizes()));
  EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["strides"]), p.strides())) << "strides";
}

TEST(PermuteToChw, IsAViewOfTheImage) {
  tl::Tensor x_original = tl::zeros({4, 5, 3});
  const tl::Tensor p = course::permute_to_chw(x_original);
  EXPECT_TRUE(shares_storage(x_original, p, "the permuted tensor"));
  x_original.index_put_({1, 2, 0}, 7.0);
  ASSERT_TRUE(p.defined());
  EXPECT_EQ(p.index({0, 1, 2}).item<float>(), 7.0f) << "x_permuted[c][h][w] must be x_original[h][w][c]";
}

TEST(PermuteToChw, ValuesAndStrides) {
  for (const auto& c : fx()["permutes"]) {
    const std::string name = c["name"];
    tl::Tensor in;
    if (name == "image") in = tl::zeros({224, 224, 3});
    if (name == "small") in = tl::arange(24.).reshape({2, 3, 4});
    if (name == "transposed_input") in = tl::arange(24).reshape({4, 3, 2}).transpose(0, 1);
    if (name == "single_channel") in = tl::arange(6).reshape({2, 3, 1});
    const tl::Tensor p = course::permute_to_chw(in);
    ASSERT_TRUE(p.defined()) << name;
    EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["shape"]), p.sizes())) << name;
    EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["strides"]), p.strides())) << name << ": strides";
    if (!c["values"].is_null()) {
      EXPECT_TRUE(same_tensor(tensor_from_json(c["values"]), p)) << name;
    }
  }
}

TEST(PermuteToChw, NeedsThreeDims) {
  EXPECT_TRUE(expect_error([] { course::permute_to_chw(tl::ones({2, 3})); }, fx()["permute_error"]));
}

// ---- infer_shape -----------------------------------------------------------------------

TEST(InferShape, NotebookShapes) {
  EXPECT_TRUE(suite::same_shape({1, 7}, course::infer_shape({1, 7}, 7)));
  EXPECT_TRUE(suite::same_shape({1, 7}, course::infer_shape({1, -1}, 7)));
}

TEST(InferShape, ResolvesMinusOne) {
  check_infer([](const auto& c) { return c.contains("result"); });
}

TEST(InferShape, OnlyOneDimensionCanBeInferred) {
  check_infer([](const auto& c) { return error_starts(c, "only one"); });
}

TEST(InferShape, InvalidShapeDimension) {
  check_infer([](const auto& c) { return error_starts(c, "invalid shape dimension"); });
}

TEST(InferShape, AmbiguousEmpty) {
  check_infer([](const auto& c) { return error_starts(c, "cannot reshape"); });
}

TEST(InferShape, CountsThatCannotAgree) {
  check_infer([](const auto& c) { return error_starts(c, "shape '"); });
}

// ---- stack_by_hand ---------------------------------------------------------------------

TEST(StackByHand, NotebookStack) { check_stack("notebook"); }

TEST(StackByHand, NewDimAnywhere) {
  for (const char* n : {"notebook_dim1", "matrices_dim0", "matrices_dim1", "matrices_dim2"}) check_stack(n);
}

TEST(StackByHand, NegativeDims) {
  for (const char* n : {"negative_dim", "negative_dim_first", "matrices_dim-1", "matrices_dim-3"}) check_stack(n);
}

TEST(StackByHand, SingleZeroDimAndEmpty) {
  for (const char* n : {"single", "zero_dim", "empty_tensors"}) check_stack(n);
}

TEST(StackByHand, Int64) { check_stack("int64"); }

TEST(StackByHand, PromotesDtypes) {
  for (const char* n : {"promote_int32_float", "promote_bool_int8", "promote_half_double"}) check_stack(n);
}

TEST(StackByHand, NonContiguousInputs) { check_stack("transposed_inputs"); }

TEST(StackByHand, ResultOwnsItsMemory) {
  const tl::Tensor x = tl::arange(3.);
  const tl::Tensor s = course::stack_by_hand({x, x}, 0);
  EXPECT_TRUE(suite::owns_storage(x, s, "the stacked tensor"));
  EXPECT_TRUE(same_tensor(tl::arange(3.), x));
}

TEST(StackByHand, SizeMismatch) {
  check_stack("error_sizes");
  check_stack("error_sizes_later");
}

TEST(StackByHand, DimOutOfRange) {
  check_stack("error_dim_high");
  check_stack("error_dim_low");
  check_stack("error_dim_before_sizes");
}

TEST(StackByHand, EmptyList) {
  EXPECT_TRUE(expect_error([] { course::stack_by_hand({}, 0); }, fx()["empty_error"]));
}
