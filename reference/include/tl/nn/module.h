#pragma once
/// @file module.h
/// @brief `tl::nn::Module` (a layer with named parameters) and `tl::nn::ModuleHolder`, the
/// shared-pointer wrapper that gives LibTorch's `Linear lin(2, 6); lin->weight; lin(x);` syntax.

#include <iosfwd>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "tl/tensor.h"

namespace tl::nn {

/// @brief Base class of every layer: keeps its parameters by name, in registration order.
///
/// Example:
/// @code
/// tl::nn::Linear lin(2, 6);
/// for (const auto& p : lin->parameters()) std::cout << p.sizes() << "\n";
/// // torch.Size([6, 2])
/// // torch.Size([6])
/// @endcode
class Module {
 public:
  virtual ~Module() = default;
  /// @brief The parameter tensors (handles sharing storage with the module's own).
  std::vector<Tensor> parameters() const;
  /// @brief (name, tensor) of each parameter: `weight`, `bias`, ...
  const std::vector<std::pair<std::string, Tensor>>& named_parameters() const { return parameters_; }
  /// @brief Writes a one-line description such as `tl::nn::Linear(in_features=2, out_features=6, bias=true)`.
  virtual void pretty_print(std::ostream& os) const = 0;

 protected:
  /// @brief Records `tensor` as the parameter `name` and returns it.
  Tensor& register_parameter(std::string name, Tensor tensor);

 private:
  std::vector<std::pair<std::string, Tensor>> parameters_;
};

/// @brief Prints `module.pretty_print(...)`.
std::ostream& operator<<(std::ostream& os, const Module& module);

/// @brief A shared handle to a module implementation `Impl`, as LibTorch's `torch::nn::ModuleHolder`.
///
/// Constructor arguments go to `Impl`'s constructor; `->` reaches the implementation's
/// members and `holder(x)` calls `forward(x)`. Copies share the same module.
template <typename Impl>
class ModuleHolder {
 public:
  /// @brief Builds `Impl(args...)`.
  template <typename... Args, typename = std::enable_if_t<std::is_constructible_v<Impl, Args&&...>>>
  explicit ModuleHolder(Args&&... args) : impl_(std::make_shared<Impl>(std::forward<Args>(args)...)) {}
  /// @brief An empty holder (`is_empty()` is true).
  ModuleHolder(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  /// @brief Wraps an existing implementation.
  ModuleHolder(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}  // NOLINT(google-explicit-constructor)
  /// @brief The implementation's members: `lin->weight`.
  Impl* operator->() const { return get(); }
  /// @brief The implementation.
  Impl& operator*() const { return *get(); }
  /// @brief The implementation; throws when empty.
  Impl* get() const {
    TL_CHECK(impl_ != nullptr, "Accessing empty ModuleHolder");
    return impl_.get();
  }
  /// @brief The shared pointer to the implementation.
  const std::shared_ptr<Impl>& ptr() const { return impl_; }
  /// @brief True when built from `nullptr`.
  bool is_empty() const { return impl_ == nullptr; }
  /// @brief Calls `forward`: `lin(x)` is `lin->forward(x)`.
  template <typename... Args>
  decltype(auto) operator()(Args&&... args) const {
    return get()->forward(std::forward<Args>(args)...);
  }

 private:
  std::shared_ptr<Impl> impl_;
};

/// @brief Prints the held module.
template <typename Impl>
std::ostream& operator<<(std::ostream& os, const ModuleHolder<Impl>& holder) {
  return os << *holder;
}

}  // namespace tl::nn
