// Public tests for 11-numpy: the notebook's cells (PyTorch 1.13.1 / NumPy output).
#include <gtest/gtest.h>

#include <course/11_numpy.h>
#include <tl/tl.h>

TEST(Numpy, TensorFromVectorSharesMemory) {
  std::vector<double> array = {1, 2, 3, 4, 5, 6, 7};     // np.arange(1.0, 8.0)
  const tl::Tensor tensor = course::tensor_from_vector(array);
  EXPECT_EQ(tensor.dtype(), tl::kDouble);                // tensor([1., ..., 7.], dtype=torch.float64)
  EXPECT_TRUE(tensor.equal(tl::arange(1.0, 8.0, tl::kDouble)));
  array[0] = 10;                                         // same memory
  EXPECT_EQ(tensor[0].item<double>(), 10.0);
}

TEST(Numpy, VectorFromTensorIsACopy) {
  tl::Tensor tensor = tl::ones({7});
  const std::vector<float> numpy_tensor = course::vector_from_tensor(tensor);
  tensor = tensor + 1;
  EXPECT_EQ(numpy_tensor, std::vector<float>(7, 1.0f));  // array([1., 1., ...], dtype=float32)
}

TEST(Numpy, NpyBytesStartLikeNumPy) {
  const std::vector<uint8_t> bytes = course::npy_bytes(tl::ones({7}));
  // np.save of np.ones(7, dtype=np.float32): 128 bytes of header, then 7 * 4 bytes of data.
  ASSERT_EQ(bytes.size(), 128u + 28u);
  const std::string start(bytes.begin() + 1, bytes.begin() + 6);
  EXPECT_EQ(bytes[0], 0x93);
  EXPECT_EQ(start, "NUMPY");
  const std::string dict(bytes.begin() + 10, bytes.begin() + 10 + 57);
  EXPECT_EQ(dict, "{'descr': '<f4', 'fortran_order': False, 'shape': (7,), }");
}

TEST(Numpy, LoadAsFloat32) {
  const std::string path = ::testing::TempDir() + "tl_public_11.npy";
  tl::save_npy(path, tl::arange(1.0, 8.0, tl::kDouble));  // as np.save("x.npy", np.arange(1.0, 8.0))
  const tl::Tensor t = course::load_npy_as_float32(path);
  EXPECT_EQ(t.dtype(), tl::kFloat);
  EXPECT_TRUE(t.equal(tl::arange(1.f, 8.f)));
}
