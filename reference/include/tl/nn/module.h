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
  /// @brief Destroys the module and its parameter handles.
  virtual ~Module() = default;
  /// @brief `Module::parameters()`: the parameter tensors in registration order (handles
  /// sharing storage with the module's own, so in-place changes reach the module).
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// for (auto p : lin->parameters()) p.zero_();   // zeroes lin->weight and lin->bias
  /// @endcode
  std::vector<Tensor> parameters() const;
  /// @brief `Module::named_parameters()`: (name, tensor) of each parameter in registration
  /// order: `weight`, `bias`, ...
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// for (const auto& [name, p] : lin->named_parameters()) std::cout << name << " " << p.sizes() << "\n";
  /// // weight torch.Size([6, 2])
  /// // bias torch.Size([6])
  /// @endcode
  const std::vector<std::pair<std::string, Tensor>>& named_parameters() const { return parameters_; }
  /// @brief Writes a one-line description such as `tl::nn::Linear(in_features=2, out_features=6, bias=true)`.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// lin->pretty_print(std::cout);
  /// @endcode
  virtual void pretty_print(std::ostream& os) const = 0;

 protected:
  /// @brief Records `tensor` as the parameter `name` (replacing a parameter of the same name,
  /// keeping its place) and returns a reference to the stored handle.
  /// @code
  /// // in a layer's constructor:
  /// weight = register_parameter("weight", tl::empty({6, 2}));
  /// @endcode
  Tensor& register_parameter(std::string name, Tensor tensor);

 private:
  std::vector<std::pair<std::string, Tensor>> parameters_;
};

/// @brief Prints `module` with its `pretty_print` and returns `os`.
/// @code
/// tl::nn::Linear lin(2, 6);
/// std::cout << *lin << "\n";   // tl::nn::Linear(in_features=2, out_features=6, bias=true)
/// @endcode
std::ostream& operator<<(std::ostream& os, const Module& module);

/// @brief A shared handle to a module implementation `Impl`, as LibTorch's `torch::nn::ModuleHolder`.
///
/// Constructor arguments go to `Impl`'s constructor; `->` reaches the implementation's
/// members and `holder(x)` calls `forward(x)`. Copies share the same module.
template <typename Impl>
class ModuleHolder {
 public:
  /// @brief Builds a new `Impl(args...)` (only when `Impl` is constructible from them).
  /// @code
  /// tl::nn::Linear lin(2, 6);   // makes a LinearImpl(2, 6)
  /// @endcode
  template <typename... Args, typename = std::enable_if_t<std::is_constructible_v<Impl, Args&&...>>>
  explicit ModuleHolder(Args&&... args) : impl_(std::make_shared<Impl>(std::forward<Args>(args)...)) {}
  /// @brief An empty holder (`is_empty()` is true), to be assigned later.
  /// @code
  /// tl::nn::Linear lin(nullptr);
  /// lin = tl::nn::Linear(2, 6);
  /// @endcode
  ModuleHolder(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  /// @brief Wraps an existing implementation (shared, not copied).
  /// @code
  /// tl::nn::Linear lin(std::make_shared<tl::nn::LinearImpl>(2, 6));
  /// @endcode
  ModuleHolder(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}  // NOLINT(google-explicit-constructor)
  /// @brief The implementation's members: `lin->weight`.
  /// @throws tl::Error `Accessing empty ModuleHolder` for an empty holder.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// auto w = lin->weight;   // shape (6, 2)
  /// @endcode
  Impl* operator->() const { return get(); }
  /// @brief The implementation, as a reference.
  /// @throws tl::Error `Accessing empty ModuleHolder` for an empty holder.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// tl::nn::LinearImpl& impl = *lin;
  /// @endcode
  Impl& operator*() const { return *get(); }
  /// @brief The implementation, as a pointer (never null).
  /// @throws tl::Error `Accessing empty ModuleHolder` for an empty holder.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// tl::nn::LinearImpl* impl = lin.get();
  /// @endcode
  Impl* get() const {
    TL_CHECK(impl_ != nullptr, "Accessing empty ModuleHolder");
    return impl_.get();
  }
  /// @brief The shared pointer to the implementation (null for an empty holder; never throws).
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// std::shared_ptr<tl::nn::LinearImpl> p = lin.ptr();
  /// @endcode
  const std::shared_ptr<Impl>& ptr() const { return impl_; }
  /// @brief True when the holder has no implementation (built from `nullptr`).
  /// @code
  /// bool empty = tl::nn::Linear(nullptr).is_empty();   // true
  /// @endcode
  bool is_empty() const { return impl_ == nullptr; }
  /// @brief Calls `forward` with the arguments: `lin(x)` is `lin->forward(x)`.
  /// @throws tl::Error `Accessing empty ModuleHolder` for an empty holder, and whatever
  /// `forward` throws.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// auto y = lin(tl::rand({3, 2}));   // shape (3, 6)
  /// @endcode
  template <typename... Args>
  decltype(auto) operator()(Args&&... args) const {
    return get()->forward(std::forward<Args>(args)...);
  }

 private:
  std::shared_ptr<Impl> impl_;
};

/// @brief Prints the held module (as `os << *holder`) and returns `os`.
/// @throws tl::Error `Accessing empty ModuleHolder` for an empty holder.
/// @code
/// tl::nn::Linear lin(2, 6);
/// std::cout << lin << "\n";   // tl::nn::Linear(in_features=2, out_features=6, bias=true)
/// @endcode
template <typename Impl>
std::ostream& operator<<(std::ostream& os, const ModuleHolder<Impl>& holder) {
  return os << *holder;
}

}  // namespace tl::nn
