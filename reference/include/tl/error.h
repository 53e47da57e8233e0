#pragma once
/// @file error.h
/// @brief The exceptions `tl` throws and the checks that raise them.

#include <sstream>
#include <stdexcept>
#include <string>

namespace tl {

/// @brief The Python exception class PyTorch would raise for the same mistake.
enum class ErrorKind { RuntimeError, IndexError, ValueError, TypeError, NotImplementedError };

/// @brief Every error `tl` raises. `what()` carries PyTorch's wording.
///
/// Example: `try { tl::mm(a, b); } catch (const tl::Error& e) { std::cout << e.what(); }`
class Error : public std::runtime_error {
 public:
  /// @brief Builds an error of the given kind with PyTorch's message.
  explicit Error(const std::string& message, ErrorKind kind = ErrorKind::RuntimeError)
      : std::runtime_error(message), kind_(kind) {}
  /// @brief Which Python exception this corresponds to.
  ErrorKind kind() const noexcept { return kind_; }
  /// @brief The bare message (same as `what()`).
  std::string msg() const { return what(); }

 private:
  ErrorKind kind_;
};

/// @brief Thrown by a course stub that the student has not written yet.
class NotImplemented : public Error {
 public:
  /// @brief `exercise_id` names the exercise whose stub was reached.
  NotImplemented(const std::string& exercise_id, const std::string& message)
      : Error(message, ErrorKind::NotImplementedError), exercise_id_(exercise_id) {}
  /// @brief The exercise id, e.g. `06-matmul`.
  const std::string& exercise_id() const noexcept { return exercise_id_; }

 private:
  std::string exercise_id_;
};

/// @brief Name of an error kind as Python spells it (`IndexError`, ...).
const char* error_kind_name(ErrorKind kind);

namespace detail {
/// @brief Concatenates any streamable values into one string.
template <typename... Args>
std::string str_cat(const Args&... args) {
  std::ostringstream out;
  (out << ... << args);
  return out.str();
}
}  // namespace detail
}  // namespace tl

/// @brief Throws `tl::Error` (RuntimeError) with the streamed message when `cond` is false.
#define TL_CHECK(cond, ...) \
  do { if (!(cond)) throw ::tl::Error(::tl::detail::str_cat(__VA_ARGS__)); } while (0)
/// @brief Throws `tl::Error` of the given kind when `cond` is false.
#define TL_CHECK_KIND(cond, kind, ...) \
  do { if (!(cond)) throw ::tl::Error(::tl::detail::str_cat(__VA_ARGS__), ::tl::ErrorKind::kind); } while (0)
