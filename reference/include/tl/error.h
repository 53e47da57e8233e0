#pragma once
/// @file error.h
/// @brief The exceptions `tl` throws and the checks that raise them.

#include <sstream>
#include <stdexcept>
#include <string>

namespace tl {

/// @brief The Python exception class PyTorch would raise for the same mistake.
/// @code
/// try { tl::zeros({2}).size(3); }
/// catch (const tl::Error& e) { bool idx = e.kind() == tl::ErrorKind::IndexError; }   // true
/// @endcode
enum class ErrorKind {
  RuntimeError,        ///< Python's `RuntimeError`: most checks (shapes, dtypes, devices).
  IndexError,          ///< Python's `IndexError`: dims and indices out of range.
  ValueError,          ///< Python's `ValueError`: bad argument values (e.g. a zero slice step).
  TypeError,           ///< Python's `TypeError`: arguments of the wrong kind.
  NotImplementedError  ///< Python's `NotImplementedError`: an unwritten course stub (`tl::NotImplemented`).
};

/// @brief Every error `tl` raises. `what()` carries PyTorch's wording.
///
/// Example: `try { tl::mm(a, b); } catch (const tl::Error& e) { std::cout << e.what(); }`
/// @code
/// try {
///   tl::ones({2, 3}).mm(tl::ones({2, 3}));
/// } catch (const tl::Error& e) {
///   std::cout << e.what();   // mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)
/// }
/// @endcode
class Error : public std::runtime_error {
 public:
  /// @brief Builds an error of the given kind with PyTorch's message (LibTorch's `c10::Error`).
  /// @code
  /// throw tl::Error("index 3 is out of bounds", tl::ErrorKind::IndexError);
  /// @endcode
  explicit Error(const std::string& message, ErrorKind kind = ErrorKind::RuntimeError)
      : std::runtime_error(message), kind_(kind) {}
  /// @brief Which Python exception this corresponds to.
  /// @code
  /// catch (const tl::Error& e) { std::cout << tl::error_kind_name(e.kind()); }   // e.g. IndexError
  /// @endcode
  ErrorKind kind() const noexcept { return kind_; }
  /// @brief The bare message (same as `what()`, LibTorch's `c10::Error::msg`).
  /// @code
  /// catch (const tl::Error& e) { std::string m = e.msg(); }
  /// @endcode
  std::string msg() const { return what(); }

 private:
  ErrorKind kind_;
};

/// @brief Thrown by a course stub that the student has not written yet (kind `NotImplementedError`).
/// @code
/// try { run_exercise(); }
/// catch (const tl::NotImplemented& e) { std::cout << "todo: " << e.exercise_id(); }
/// @endcode
class NotImplemented : public Error {
 public:
  /// @brief An error of kind `NotImplementedError` with `message`; `exercise_id` names the
  /// exercise whose stub was reached.
  /// @code
  /// throw tl::NotImplemented("06-matmul", "06-matmul (Matrix multiplication) is not implemented yet: "
///                                        "see exercises/06-matmul/README.md");
  /// @endcode
  NotImplemented(const std::string& exercise_id, const std::string& message)
      : Error(message, ErrorKind::NotImplementedError), exercise_id_(exercise_id) {}
  /// @brief The exercise id, e.g. `06-matmul`.
  /// @code
  /// catch (const tl::NotImplemented& e) { std::string id = e.exercise_id(); }
  /// @endcode
  const std::string& exercise_id() const noexcept { return exercise_id_; }

 private:
  std::string exercise_id_;
};

/// @brief Name of an error kind as Python spells it (`RuntimeError`, `IndexError`, ...).
/// @code
/// std::string n = tl::error_kind_name(tl::ErrorKind::ValueError);   // "ValueError"
/// @endcode
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

/// @brief Throws `tl::Error` (RuntimeError) whose message is the remaining arguments streamed
/// together (any `operator<<`-printable values) when `cond` is false.
/// @code
/// TL_CHECK(x.dim() == 2, "expected a 2-D tensor, got ", x.dim(), "-D");
/// @endcode
#define TL_CHECK(cond, ...) \
  do { if (!(cond)) throw ::tl::Error(::tl::detail::str_cat(__VA_ARGS__)); } while (0)
/// @brief Throws `tl::Error` of the given kind (an `ErrorKind` enumerator name) with the streamed
/// message when `cond` is false.
/// @code
/// TL_CHECK_KIND(i < n, IndexError, "index ", i, " is out of bounds for size ", n);
/// @endcode
#define TL_CHECK_KIND(cond, kind, ...) \
  do { if (!(cond)) throw ::tl::Error(::tl::detail::str_cat(__VA_ARGS__), ::tl::ErrorKind::kind); } while (0)
