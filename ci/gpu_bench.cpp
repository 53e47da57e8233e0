// A short GPU benchmark for ci/gpu-check.sh: tl's matmul against cuBLAS called directly on
// the same buffers, and tl's element-wise add against a device-to-device copy of the same
// size (the bandwidth an element-wise kernel can hope for). Prints `key=value` lines.
//
// Built by gpu-check.sh against the library it has just built:
//   g++ -O2 -std=c++20 ci/gpu_bench.cpp -Ireference/include -I<cuda>/include -L<build>/lib
//       -ltensorlings -lcublas -lcudart
#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "tl/cuda.h"
#include "tl/tl.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "gpu_bench: %s failed\n", what);
    std::exit(1);
  }
}

// Median-free and simple: the mean of `reps` runs after one warm-up, in milliseconds.
double time_ms(int reps, const std::function<void()>& fn) {
  fn();
  tl::cuda::synchronize();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < reps; ++i) fn();
  tl::cuda::synchronize();
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count() / reps;
}

void bench_matmul(int64_t n, tl::ScalarType dtype, const char* name) {
  const auto opts = tl::TensorOptions(dtype).device(tl::Device(tl::kCUDA, 0));
  const tl::Tensor a = tl::rand({n, n}, opts), b = tl::rand({n, n}, opts);
  tl::Tensor c = tl::empty({n, n}, opts);
  const double tl_ms = time_ms(10, [&] { c = tl::matmul(a, b); });

  cublasHandle_t handle;
  check(cublasCreate(&handle) == CUBLAS_STATUS_SUCCESS, "cublasCreate");
  const int in = static_cast<int>(n);
  const float one = 1, zero = 0;
  // Row-major C = A B is column-major C^T = B^T A^T: pass B first.
  const double cublas_ms = time_ms(10, [&] {
    cublasStatus_t s;
    if (dtype == tl::kFloat) {
      s = cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, in, in, in, &one, static_cast<const float*>(b.data_ptr()), in,
                      static_cast<const float*>(a.data_ptr()), in, &zero, static_cast<float*>(c.data_ptr()), in);
    } else {
      s = cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, in, in, in, &one, b.data_ptr(), CUDA_R_16F, in, a.data_ptr(),
                       CUDA_R_16F, in, &zero, c.data_ptr(), CUDA_R_16F, in, CUBLAS_COMPUTE_32F,
                       CUBLAS_GEMM_DEFAULT_TENSOR_OP);
    }
    check(s == CUBLAS_STATUS_SUCCESS, "gemm");
  });
  cublasDestroy(handle);
  const double flops = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n);
  std::printf("%s_n=%lld tl_ms=%.4f cublas_ms=%.4f ratio_tl_to_cublas=%.3f tl_tflops=%.2f cublas_tflops=%.2f\n",
              name, static_cast<long long>(n), tl_ms, cublas_ms, tl_ms / cublas_ms, flops / tl_ms / 1e9,
              flops / cublas_ms / 1e9);
}

void bench_add(int64_t n) {
  const auto opts = tl::TensorOptions().device(tl::Device(tl::kCUDA, 0));
  const tl::Tensor a = tl::rand({n}, opts), b = tl::rand({n}, opts);
  tl::Tensor out = tl::empty({n}, opts);
  const double add_ms = time_ms(20, [&] { out = tl::add(a, b); });
  const double copy_ms = time_ms(20, [&] {
    check(cudaMemcpy(out.data_ptr(), a.data_ptr(), static_cast<size_t>(n) * 4, cudaMemcpyDeviceToDevice) ==
              cudaSuccess,
          "cudaMemcpy");
  });
  const double bytes = static_cast<double>(n) * 4;
  const double add_gbps = 3 * bytes / add_ms / 1e6, copy_gbps = 2 * bytes / copy_ms / 1e6;
  std::printf("add_f32_n=%lld add_ms=%.4f add_GBps=%.1f d2d_copy_ms=%.4f d2d_copy_GBps=%.1f ratio_add_to_copy=%.3f\n",
              static_cast<long long>(n), add_ms, add_gbps, copy_ms, copy_gbps, add_gbps / copy_gbps);
}

}  // namespace

int main() {
  if (!tl::cuda::is_available()) {
    std::fprintf(stderr, "gpu_bench: no CUDA device\n");
    return 1;
  }
  try {
    bench_matmul(4096, tl::kFloat, "matmul_f32");
    bench_matmul(4096, tl::kHalf, "matmul_f16");
    bench_add(int64_t{1} << 26);
  } catch (const tl::Error& e) {
    std::fprintf(stderr, "gpu_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
