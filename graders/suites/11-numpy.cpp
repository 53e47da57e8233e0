// Hidden suite for 11-numpy. Golden values: graders/suites/fixtures/11-numpy.json
// (tools/fixtures/gen_course.py: np.save bytes of NumPy 1.24, torch.from_numpy of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <fstream>

#include <course/11_numpy.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("11-numpy.json"); }

std::vector<uint8_t> from_hex(const std::string& h) {
  std::vector<uint8_t> out(h.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint8_t>(std::stoi(h.substr(2 * i, 2), nullptr, 16));
  return out;
}

// The C++ twins of gen_11()'s npy_inputs().
tl::Tensor npy_input(const std::string& name) {
  if (name == "notebook_array") return tl::arange(1.0, 8.0, tl::kDouble);
  if (name == "notebook_ones") return tl::ones({7});
  if (name == "matrix_float32") return tl::arange(12.).reshape({3, 4}) / 8;
  if (name == "zero_dim_int64") return tl::tensor(7);
  if (name == "empty_int8") return tl::zeros({0, 3}, tl::kChar);
  if (name == "float16") return tl::tensor({0.5, -2.0, 65504.0, 1e-4}, tl::kHalf);
  if (name == "bool") return tl::tensor({{true, false, true}});
  if (name == "uint8") return tl::tensor({0, 127, 128, 255}, tl::kByte);
  if (name == "int16_long") return tl::arange(-500, 500, tl::kShort);
  if (name == "int32_3d") return tl::arange(24, tl::kInt).reshape({2, 3, 4});
  if (name == "transposed") return tl::arange(6.).reshape({2, 3}).t();
  if (name == "sliced") return tl::arange(20, tl::kDouble).index({Slice(3, 15, 4)});
  if (name == "big_first_dim") return tl::zeros({123456, 0});
  if (name == "exactly_aligned") return tl::zeros({0, 1, 1, 1, 10, 10, 10, 10, 10, 10, 10, 10});
  throw std::runtime_error("unknown input " + name);
}

std::string printable(const std::vector<uint8_t>& b, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < std::min(to, b.size()); ++i) {
    const uint8_t c = b[i];
    if (c == '\n') s += "\\n";
    else if (c >= 32 && c < 127) s += static_cast<char>(c);
    else { char buf[8]; std::snprintf(buf, sizeof buf, "\\x%02x", c); s += buf; }
  }
  return s;
}

::testing::AssertionResult same_bytes(const std::vector<uint8_t>& want, const std::vector<uint8_t>& got) {
  const size_t n = std::min(want.size(), got.size());
  size_t i = 0;
  while (i < n && want[i] == got[i]) ++i;
  if (i == n && want.size() == got.size()) return ::testing::AssertionSuccess();
  const size_t hlen = want.size() >= 10 ? want[8] | (want[9] << 8) : 0;
  auto r = ::testing::AssertionFailure();
  r << "first difference at byte " << i << " (" << (i < 10 ? "magic/version/length" : i < 10 + hlen ? "header" : "data")
    << "); expected " << want.size() << " bytes, got " << got.size();
  if (i < 10 + hlen)
    r << "\n  expected header: \"" << printable(want, 0, 10 + hlen) << "\"\n  got:             \""
      << printable(got, 0, 10 + hlen) << "\"";
  return r;
}

void check_save(const std::string& name) {
  const tl::Tensor t = npy_input(name);
  EXPECT_TRUE(same_bytes(from_hex(fx()["save"][name]), course::npy_bytes(t)))
      << "npy_bytes of '" << name << "': a " << t.dtype() << " tensor of shape " << t.sizes();
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("tl_suite_11_" + std::to_string(::getpid()) + "_" + name + ".npy")).string();
}

}  // namespace

// ---- tensor_from_vector ----------------------------------------------------------------

TEST(TensorFromVector, NotebookArray) {
  std::vector<double> array = {1, 2, 3, 4, 5, 6, 7};  // np.arange(1.0, 8.0)
  const tl::Tensor tensor = course::tensor_from_vector(array);
  EXPECT_TRUE(same_tensor(tl::arange(1.0, 8.0, tl::kDouble), tensor)) << "keeps NumPy's float64";
}

TEST(TensorFromVector, SharesMemoryBothWays) {
  std::vector<double> array = {1, 2, 3};
  tl::Tensor tensor = course::tensor_from_vector(array);
  ASSERT_TRUE(tensor.defined());
  EXPECT_EQ(tensor.data_ptr(), static_cast<void*>(array.data())) << "from_numpy does not copy";
  array[1] = 20;
  EXPECT_EQ(tensor[1].item<double>(), 20.0) << "a change to the vector must show in the tensor";
  tensor[2].fill_(30);
  EXPECT_EQ(array[2], 30.0) << "a change to the tensor must show in the vector";
}

TEST(TensorFromVector, EmptyVector) {
  std::vector<double> array;
  const tl::Tensor tensor = course::tensor_from_vector(array);
  EXPECT_TRUE(same_tensor(tl::zeros({0}, tl::kDouble), tensor));
}

// ---- vector_from_tensor ----------------------------------------------------------------

TEST(VectorFromTensor, NotebookOnes) {
  const std::vector<float> v = course::vector_from_tensor(tl::ones({7}));
  EXPECT_EQ(v, std::vector<float>(7, 1.0f));
}

TEST(VectorFromTensor, RowMajorForEveryLayout) {
  for (const auto& [name, c] : fx()["vectors"].items()) {
    tl::Tensor t = tensor_from_json(c["input"]);
    if (c["transposed"].get<bool>()) t = t.t();
    std::vector<float> want;
    for (const auto& v : c["values"]) want.push_back(static_cast<float>(suite::double_from_json(v)));
    EXPECT_EQ(want, course::vector_from_tensor(t)) << "vector_from_tensor of '" << name << "' (shape " << t.sizes() << ")";
  }
}

TEST(VectorFromTensor, IsACopy) {
  tl::Tensor tensor = tl::ones({7});
  const std::vector<float> numpy_tensor = course::vector_from_tensor(tensor);
  tensor.add_(1);  // change the tensor, keep the array
  EXPECT_EQ(numpy_tensor, std::vector<float>(7, 1.0f));
}

TEST(VectorFromTensor, OnlyFloat32) {
  EXPECT_TRUE(expect_error([] { course::vector_from_tensor(tl::ones({2}, tl::kDouble)); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::vector_from_tensor(tl::ones({2}, tl::kLong)); }, "", suite::Match::Any));
}

// ---- npy_bytes -------------------------------------------------------------------------

TEST(NpyBytes, NotebookArrays) {
  check_save("notebook_array");
  check_save("notebook_ones");
}

TEST(NpyBytes, MatrixAndZeroDim) {
  check_save("matrix_float32");
  check_save("zero_dim_int64");
}

TEST(NpyBytes, EveryDtype) {
  for (const char* n : {"float16", "bool", "uint8", "int16_long", "int32_3d", "empty_int8", "notebook_array", "notebook_ones", "zero_dim_int64"})
    check_save(n);
}

TEST(NpyBytes, ViewsAreWrittenInLogicalOrder) {
  check_save("transposed");
  check_save("sliced");
}

TEST(NpyBytes, GrowthRoomDependsOnTheFirstDim) { check_save("big_first_dim"); }

TEST(NpyBytes, AlignedHeaderGetsAFullPaddingLine) { check_save("exactly_aligned"); }

TEST(NpyBytes, LibraryLoadsTheResult) {
  const tl::Tensor t = tl::arange(24, tl::kInt).reshape({2, 3, 4});
  const auto bytes = course::npy_bytes(t);
  ASSERT_FALSE(bytes.empty());
  EXPECT_TRUE(same_tensor(t, tl::load_npy_from_buffer(bytes.data(), bytes.size())));
}

// ---- load_npy_as_float32 ---------------------------------------------------------------

TEST(LoadNpyAsFloat32, NotebookArray) {
  const auto& c = fx()["loads"][0];
  ASSERT_EQ(c["name"], "notebook_float64");
  const std::string path = temp_path("notebook");
  {
    const auto bytes = from_hex(c["npy"]);
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const tl::Tensor got = course::load_npy_as_float32(path);
  std::filesystem::remove(path);
  EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), got));
}

TEST(LoadNpyAsFloat32, FilesWrittenByNumPy) {
  for (const auto& c : fx()["loads"]) {
    const std::string name = c["name"];
    const std::string path = temp_path(name);
    {
      const auto bytes = from_hex(c["npy"]);
      std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    tl::Tensor got;
    try {
      got = course::load_npy_as_float32(path);
    } catch (...) {
      std::filesystem::remove(path);
      throw;
    }
    std::filesystem::remove(path);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), got)) << "load_npy_as_float32 of a NumPy file (" << name << ")";
  }
}
