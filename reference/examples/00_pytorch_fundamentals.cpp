// "00. PyTorch Fundamentals" replayed in C++ with tl: every code cell of the notebook, in
// order, printing what the cell shows in Jupyter (what it prints, then the repr of its last
// expression). Each cell's output starts with `=== cell N: <title> ===`; N counts the code
// cells from 1 and the title is the cell's first line without comment marks.
//
// tests/test_notebook.cpp compares this output, cell by cell, with PyTorch 1.13.1's
// (tests/fixtures/notebook.json from tools/fixtures/gen_notebook.py). Cells whose output
// cannot repeat are skipped there: cell 1 (version), 14, 22 and 68 (unseeded random
// numbers), 70 (nvidia-smi) and the timing lines of the %%time cells 35 and 36.
//
// The variables live in one scope, like the notebook's namespace: a Python rebinding
// (`tensor = tensor - 10`) is an assignment of the tl::Tensor handle here.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "jupyter.h"
#include "tl/tl.h"

#ifndef TL_VERSION_STRING
#define TL_VERSION_STRING "unknown"
#endif

namespace np {

/// A 1-d NumPy array stand-in. Like an ndarray it is a reference to a buffer, so a tensor
/// made from it (`from_numpy`) can share the memory and keep it alive.
template <typename T>
struct ndarray {
  std::shared_ptr<T> data;  ///< shared with whatever else holds the buffer
  int64_t size = 0;
};

/// `np.arange(start, stop)`: float64 values start, start + 1, ... below stop.
inline ndarray<double> arange(double start, double stop) {
  const auto n = static_cast<int64_t>(std::ceil(stop - start));
  std::shared_ptr<double> buf(new double[static_cast<size_t>(n)], std::default_delete<double[]>());
  for (int64_t i = 0; i < n; ++i) buf.get()[i] = start + static_cast<double>(i);
  return {buf, n};
}

/// `array + v`: a new array (the old buffer stays with whoever still references it).
template <typename T>
ndarray<T> operator+(const ndarray<T>& a, T v) {
  std::shared_ptr<T> buf(new T[static_cast<size_t>(a.size)], std::default_delete<T[]>());
  for (int64_t i = 0; i < a.size; ++i) buf.get()[i] = a.data.get()[i] + v;
  return {buf, a.size};
}

/// NumPy's name of a dtype, for the `dtype=` suffix of a repr.
template <typename T>
const char* dtype_name() {
  if constexpr (std::is_same_v<T, float>) return "float32";
  else if constexpr (std::is_same_v<T, double>) return "float64";
  else if constexpr (std::is_same_v<T, int32_t>) return "int32";
  else return "int64";
}

/// NumPy's repr of a short 1-d array: `array([1., 2., 3.])`, `array([1, 2, 3])`,
/// `array([1., 1.], dtype=float32)`. Floats print as NumPy's default "maxprec" mode does
/// (at most 8 decimals, the point aligned); long arrays are not wrapped, as the notebook's
/// arrays fit on one line.
template <typename T>
std::string py_repr(const ndarray<T>& a) {
  std::vector<std::string> left, right;  // each number split at its decimal point
  for (int64_t i = 0; i < a.size; ++i) {
    const T v = a.data.get()[i];
    if constexpr (std::is_floating_point_v<T>) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.8f", static_cast<double>(v));
      std::string s = buf;
      s.erase(s.find_last_not_of('0') + 1);  // 1.00000000 -> 1.
      const size_t dot = s.find('.');
      left.push_back(s.substr(0, dot));
      right.push_back(s.substr(dot));
    } else {
      left.push_back(std::to_string(v));
      right.emplace_back();
    }
  }
  size_t lw = 0, rw = 0;
  for (size_t i = 0; i < left.size(); ++i) lw = std::max(lw, left[i].size()), rw = std::max(rw, right[i].size());
  std::string out = "array([";
  for (size_t i = 0; i < left.size(); ++i) {
    out += (i ? ", " : "") + std::string(lw - left[i].size(), ' ') + left[i] + right[i] +
           std::string(rw - right[i].size(), ' ');
  }
  out += "]";
  const bool default_dtype = std::is_same_v<T, double> || std::is_same_v<T, int64_t>;
  if (!default_dtype || a.size == 0) out += std::string(", dtype=") + dtype_name<T>();
  return out + ")";
}

}  // namespace np

/// `torch.from_numpy(array)`: a tensor sharing the array's memory. The deleter holds a
/// reference to the buffer, as the tensor holds the ndarray in PyTorch.
template <typename T>
tl::Tensor from_numpy(const np::ndarray<T>& a) {
  std::shared_ptr<T> keep = a.data;
  return tl::from_blob(
      keep.get(), {a.size}, [keep](void*) mutable { keep.reset(); }, tl::CppTypeToScalarType<T>::value);
}

/// `tensor.numpy()`: an array sharing the CPU tensor's memory (it keeps the tensor alive).
/// A CUDA tensor is refused with PyTorch's TypeError.
template <typename T>
np::ndarray<T> numpy(const tl::Tensor& t) {
  if (t.is_cuda()) {
    throw tl::Error("can't convert " + t.device().str() +
                        " device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.",
                    tl::ErrorKind::TypeError);
  }
  TL_CHECK(t.dim() == 1 && t.is_contiguous(), "numpy(): this stand-in handles contiguous 1-d tensors only");
  auto owner = std::make_shared<tl::Tensor>(t);
  return {std::shared_ptr<T>(owner, t.data_ptr<T>()), t.numel()};  // aliasing: owns the tensor, points at its data
}

int main() {
  using nb::cell;
  using nb::py_str;
  using nb::show;
  using tl::indexing::Slice;

  try {
    // ## Importing PyTorch
    cell(1, "import torch");  // non-deterministic: the library's version
    show(TL_VERSION_STRING);

    // ## Introduction to tensors
    cell(2, "Scalar");
    auto scalar = tl::tensor(7);
    show(scalar);

    cell(3, "scalar.ndim");
    show(scalar.dim());

    cell(4, "Get the Python number within a tensor (only works with one-element tensors)");
    show(scalar.item());

    cell(5, "Vector");
    auto vector = tl::tensor({7, 7});
    show(vector);

    cell(6, "Check the number of dimensions of vector");
    show(vector.dim());

    cell(7, "Check shape of vector");
    show(vector.sizes());

    cell(8, "Matrix");
    auto MATRIX = tl::tensor({{7, 8},
                              {9, 10}});
    show(MATRIX);

    cell(9, "Check number of dimensions");
    show(MATRIX.dim());

    cell(10, "MATRIX.shape");
    show(MATRIX.sizes());

    cell(11, "Tensor");
    auto TENSOR = tl::tensor({{{1, 2, 3},
                               {3, 6, 9},
                               {2, 4, 5}}});
    show(TENSOR);

    cell(12, "Check number of dimensions for TENSOR");
    show(TENSOR.dim());

    cell(13, "Check shape of TENSOR");
    show(TENSOR.sizes());

    // ### Random tensors
    cell(14, "Create a random tensor of size (3, 4)");  // non-deterministic: no seed set
    auto random_tensor = tl::rand({3, 4});
    show(random_tensor, random_tensor.dtype());

    cell(15, "Create a random tensor of size (224, 224, 3)");
    auto random_image_size_tensor = tl::rand({224, 224, 3});
    show(random_image_size_tensor.sizes(), random_image_size_tensor.dim());

    // ### Zeros and ones
    cell(16, "Create a tensor of all zeros");
    auto zeros = tl::zeros({3, 4});
    show(zeros, zeros.dtype());

    cell(17, "Create a tensor of all ones");
    auto ones = tl::ones({3, 4});
    show(ones, ones.dtype());

    // ### Creating a range and tensors like
    cell(18, "Use torch.arange(), torch.range() is deprecated");
    // tl has no deprecated `range` (end inclusive); arange(0, 11) gives its float values.
    // Python writes the deprecation warning to stderr, and so does this replay.
    [[maybe_unused]] auto zero_to_ten_deprecated = tl::arange(0, 11, tl::kFloat);
    std::cerr << "UserWarning: torch.range is deprecated and will be removed in a future release because its "
                 "behavior is inconsistent with Python's range builtin. Instead, use torch.arange, which produces "
                 "values in [start, end).\n";
    auto zero_to_ten = tl::arange(0, 10, 1);
    show(zero_to_ten);

    cell(19, "Can also create a tensor of zeros similar to another tensor");
    auto ten_zeros = tl::zeros_like(zero_to_ten);
    show(ten_zeros);

    // ### Tensor datatypes
    cell(20, "Default datatype for tensors is float32");
    auto float_32_tensor = tl::tensor({3.0, 6.0, 9.0});  // dtype and device default: float32 on the CPU
    show(float_32_tensor.sizes(), float_32_tensor.dtype(), float_32_tensor.device());

    cell(21, "float_16_tensor = torch.tensor([3.0, 6.0, 9.0],");
    auto float_16_tensor = tl::tensor({3.0, 6.0, 9.0}, tl::kFloat16);
    show(float_16_tensor.dtype());

    // ## Getting information from tensors
    cell(22, "Create a tensor");  // non-deterministic: no seed set
    auto some_tensor = tl::rand({3, 4});
    std::cout << some_tensor << "\n";
    std::cout << "Shape of tensor: " << some_tensor.sizes() << "\n";
    std::cout << "Datatype of tensor: " << some_tensor.dtype() << "\n";
    std::cout << "Device tensor is stored on: " << some_tensor.device() << "\n";

    // ## Manipulating tensors: basic operations
    cell(23, "Create a tensor of values and add a number to it");
    auto tensor = tl::tensor({1, 2, 3});
    show(tensor + 10);

    cell(24, "Multiply it by 10");
    show(tensor * 10);

    cell(25, "Tensors don't change unless reassigned");
    show(tensor);

    cell(26, "Subtract and reassign");
    tensor = tensor - 10;
    show(tensor);

    cell(27, "Add and reassign");
    tensor = tensor + 10;
    show(tensor);

    cell(28, "Can also use torch functions");
    show(tl::multiply(tensor, 10));

    cell(29, "Original tensor is still unchanged");
    show(tensor);

    cell(30, "Element-wise multiplication (each element multiplies its equivalent, index 0->0, 1->1, 2->2)");
    std::cout << tensor << " * " << tensor << "\n";
    std::cout << "Equals: " << tensor * tensor << "\n";

    // ### Matrix multiplication
    cell(31, "import torch");
    tensor = tl::tensor({1, 2, 3});
    show(tensor.sizes());

    cell(32, "Element-wise matrix multiplication");
    show(tensor * tensor);

    cell(33, "Matrix multiplication");
    show(tl::matmul(tensor, tensor));

    cell(34, "Can also use the \"@\" symbol for matrix multiplication, though not recommended");
    show(tensor.matmul(tensor));  // C++ has no `@`

    cell(35, "Matrix multiplication by hand");  // %%time
    {
      nb::CellTimer timer;
      auto value = tl::tensor(0);
      for (int64_t i = 0; i < tensor.size(0); ++i) value = value + tensor[i] * tensor[i];
      timer.print();
      show(value);
    }

    cell(36, "torch.matmul(tensor, tensor)");  // %%time
    {
      nb::CellTimer timer;
      auto value = tl::matmul(tensor, tensor);
      timer.print();
      show(value);
    }

    // ## Shape errors
    cell(37, "Shapes need to be in the right way");
    auto tensor_A = tl::tensor({{1, 2},
                                {3, 4},
                                {5, 6}}, tl::kFloat32);
    auto tensor_B = tl::tensor({{7, 10},
                                {8, 11},
                                {9, 12}}, tl::kFloat32);
    try {
      show(tl::matmul(tensor_A, tensor_B));  // (this will error)
    } catch (const tl::Error& e) {
      nb::show_error(e);
    }

    cell(38, "View tensor_A and tensor_B");
    std::cout << tensor_A << "\n";
    std::cout << tensor_B << "\n";

    cell(39, "View tensor_A and tensor_B.T");
    std::cout << tensor_A << "\n";
    std::cout << tensor_B.t() << "\n";

    cell(40, "The operation works when tensor_B is transposed");
    std::cout << "Original shapes: tensor_A = " << tensor_A.sizes() << ", tensor_B = " << tensor_B.sizes() << "\n\n";
    std::cout << "New shapes: tensor_A = " << tensor_A.sizes() << " (same as above), tensor_B.T = "
              << tensor_B.t().sizes() << "\n\n";
    std::cout << "Multiplying: " << tensor_A.sizes() << " * " << tensor_B.t().sizes()
              << " <- inner dimensions match\n\n";
    std::cout << "Output:\n\n";
    auto output = tl::matmul(tensor_A, tensor_B.t());
    std::cout << output << "\n";
    std::cout << "\nOutput shape: " << output.sizes() << "\n";

    cell(41, "torch.mm is a shortcut for matmul");
    show(tl::mm(tensor_A, tensor_B.t()));

    cell(42,
         "Since the linear layer starts with a random weights matrix, let's make it reproducible (more on this later)");
    // tl has no autograd: the output prints without PyTorch's `grad_fn=<AddmmBackward0>`.
    tl::manual_seed(42);
    tl::nn::Linear linear(tl::nn::LinearOptions(/*in_features=*/2, /*out_features=*/6));
    auto x = tensor_A;
    output = linear(x);
    std::cout << "Input shape: " << x.sizes() << "\n\n";
    std::cout << "Output:\n" << output << "\n\nOutput shape: " << output.sizes() << "\n";

    // ### Aggregation: min, max, mean, sum
    cell(43, "Create a tensor");
    x = tl::arange(0, 100, 10);
    show(x);

    cell(44, "print(f\"Minimum: {x.min()}\")");
    std::cout << "Minimum: " << py_str(x.min()) << "\n";
    std::cout << "Maximum: " << py_str(x.max()) << "\n";
    // x.mean() would throw: mean needs a floating dtype.
    std::cout << "Mean: " << py_str(x.to(tl::kFloat32).mean()) << "\n";
    std::cout << "Sum: " << py_str(x.sum()) << "\n";

    cell(45, "torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x)");
    show(tl::max(x), tl::min(x), tl::mean(x.to(tl::kFloat32)), tl::sum(x));

    // ### Positional min/max
    cell(46, "Create a tensor");
    tensor = tl::arange(10, 100, 10);
    std::cout << "Tensor: " << py_str(tensor) << "\n";
    std::cout << "Index where max value occurs: " << py_str(tensor.argmax()) << "\n";
    std::cout << "Index where min value occurs: " << py_str(tensor.argmin()) << "\n";

    // ### Change tensor datatype
    cell(47, "Create a tensor and check its datatype");
    tensor = tl::arange(10., 100., 10.);
    show(tensor.dtype());

    cell(48, "Create a float16 tensor");
    auto tensor_float16 = tensor.to(tl::kFloat16);
    show(tensor_float16);

    cell(49, "Create a int8 tensor");
    auto tensor_int8 = tensor.to(tl::kInt8);
    show(tensor_int8);

    // ### Reshaping, stacking, squeezing and unsqueezing
    cell(50, "Create a tensor");
    x = tl::arange(1., 8.);
    show(x, x.sizes());

    cell(51, "Add an extra dimension");
    auto x_reshaped = x.reshape({1, 7});
    show(x_reshaped, x_reshaped.sizes());

    cell(52, "Change view (keeps same data as original but changes view)");
    auto z = x.view({1, 7});
    show(z, z.sizes());

    cell(53, "Changing z changes x");
    z.index_put_({Slice(), 0}, 5);  // z[:, 0] = 5
    show(z, x);

    cell(54, "Stack tensors on top of each other");
    auto x_stacked = tl::stack({x, x, x, x}, /*dim=*/0);
    show(x_stacked);

    cell(55, "print(f\"Previous tensor: {x_reshaped}\")");
    std::cout << "Previous tensor: " << x_reshaped << "\n";
    std::cout << "Previous shape: " << x_reshaped.sizes() << "\n";
    auto x_squeezed = x_reshaped.squeeze();
    std::cout << "\nNew tensor: " << x_squeezed << "\n";
    std::cout << "New shape: " << x_squeezed.sizes() << "\n";

    cell(56, "print(f\"Previous tensor: {x_squeezed}\")");
    std::cout << "Previous tensor: " << x_squeezed << "\n";
    std::cout << "Previous shape: " << x_squeezed.sizes() << "\n";
    auto x_unsqueezed = x_squeezed.unsqueeze(/*dim=*/0);
    std::cout << "\nNew tensor: " << x_unsqueezed << "\n";
    std::cout << "New shape: " << x_unsqueezed.sizes() << "\n";

    cell(57, "Create tensor with specific shape");
    auto x_original = tl::rand({224, 224, 3});
    auto x_permuted = x_original.permute({2, 0, 1});  // shifts axis 0->1, 1->2, 2->0
    std::cout << "Previous shape: " << x_original.sizes() << "\n";
    std::cout << "New shape: " << x_permuted.sizes() << "\n";

    // ## Indexing
    cell(58, "Create a tensor");
    x = tl::arange(1, 10).reshape({1, 3, 3});
    show(x, x.sizes());

    cell(59, "Let's index bracket by bracket");
    std::cout << "First square bracket:\n" << py_str(x[0]) << "\n";
    std::cout << "Second square bracket: " << py_str(x[0][0]) << "\n";
    std::cout << "Third square bracket: " << py_str(x[0][0][0]) << "\n";

    cell(60, "Get all values of 0th dimension and the 0 index of 1st dimension");
    show(x.index({Slice(), 0}));

    cell(61, "Get all values of 0th & 1st dimensions but only index 1 of 2nd dimension");
    show(x.index({Slice(), Slice(), 1}));

    cell(62, "Get all values of the 0 dimension but only the 1 index value of the 1st and 2nd dimension");
    show(x.index({Slice(), 1, 1}));

    cell(63, "Get index 0 of 0th and 1st dimension and all values of 2nd dimension");
    show(x.index({0, 0, Slice()}));  // same as x[0][0]

    // ## PyTorch tensors & NumPy (np:: above stands in for NumPy arrays)
    cell(64, "NumPy array to tensor");
    auto array = np::arange(1.0, 8.0);
    tensor = from_numpy(array);
    show(array, tensor);

    cell(65, "Change the array, keep the tensor");
    array = array + 1.0;  // a new array; the tensor keeps the old buffer alive
    show(array, tensor);

    cell(66, "Tensor to NumPy array");
    tensor = tl::ones({7});
    auto numpy_tensor = numpy<float>(tensor);
    show(tensor, numpy_tensor);

    cell(67, "Change the tensor, keep the array the same");
    tensor = tensor + 1;
    show(tensor, numpy_tensor);

    // ## Reproducibility
    cell(68, "import torch");  // non-deterministic: no seed set
    auto random_tensor_A = tl::rand({3, 4});
    auto random_tensor_B = tl::rand({3, 4});
    std::cout << "Tensor A:\n" << random_tensor_A << "\n\n";
    std::cout << "Tensor B:\n" << random_tensor_B << "\n\n";
    std::cout << "Does Tensor A equal Tensor B? (anywhere)\n";
    show(random_tensor_A == random_tensor_B);

    cell(69, "import torch");
    const uint64_t RANDOM_SEED = 42;
    tl::manual_seed(RANDOM_SEED);
    auto random_tensor_C = tl::rand({3, 4});
    // Have to reset the seed every time a new rand() is called (torch.random.manual_seed is manual_seed).
    tl::manual_seed(RANDOM_SEED);
    auto random_tensor_D = tl::rand({3, 4});
    std::cout << "Tensor C:\n" << random_tensor_C << "\n\n";
    std::cout << "Tensor D:\n" << random_tensor_D << "\n\n";
    std::cout << "Does Tensor C equal Tensor D? (anywhere)\n";
    show(random_tensor_C == random_tensor_D);

    // ## Running tensors on GPUs
    cell(70, "!nvidia-smi");  // non-deterministic: depends on the machine
    std::cout.flush();  // the shell writes to the same stdout
    if (std::system("nvidia-smi 2>&1") == -1) std::cout << "could not run nvidia-smi\n";

    cell(71, "Check for GPU");
    show(tl::cuda::is_available());

    cell(72, "Set device type");
    std::string device = tl::cuda::is_available() ? "cuda" : "cpu";
    show(device);

    cell(73, "Count number of devices");
    show(tl::cuda::device_count());

    cell(74, "Create tensor (default on CPU)");
    tensor = tl::tensor({1, 2, 3});
    std::cout << tensor << " " << tensor.device() << "\n";  // tensor not on GPU
    auto tensor_on_gpu = tensor.to(tl::Device(device));   // moves to the GPU if there is one
    show(tensor_on_gpu);

    cell(75, "If tensor is on GPU, can't transform it to NumPy (this will error)");
    try {
      show(numpy<int64_t>(tensor_on_gpu));
    } catch (const tl::Error& e) {
      nb::show_error(e);
    }

    cell(76, "Instead, copy the tensor back to cpu");
    auto tensor_back_on_cpu = numpy<int64_t>(tensor_on_gpu.cpu());
    show(tensor_back_on_cpu);

    cell(77, "tensor_on_gpu");
    show(tensor_on_gpu);
  } catch (const tl::Error& e) {
    // Not a notebook error: the replay itself failed (an unfinished part of the library).
    std::cout << "\nnotebook_00 stopped: " << tl::error_kind_name(e.kind()) << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
