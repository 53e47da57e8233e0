#pragma once
// A small parser for the Python dict literal that heads a .npy file, e.g.
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// It understands what numpy writes plus the rest of Python's literal syntax that a
// hand-edited or hostile header may use (lists, None, floats, "..." strings), so the
// validator can reject such values with a message about the value, not about syntax.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tl::detail {

/// One parsed literal value.
struct PyLiteral {
  enum class Kind { String, Number, Bool, None, Tuple, List };
  Kind kind = Kind::None;
  std::string text;               // String: the decoded contents; Number: the token as written
  bool truth = false;             // Bool: its value
  std::vector<PyLiteral> items;   // Tuple, List: the elements
};

/// One `key: value` pair of the dict, in source order (duplicates kept for the caller).
struct PyDictEntry {
  std::string key;
  PyLiteral value;
};

/// Parses `text` as one dict literal with string keys, optionally surrounded by
/// whitespace. Throws tl::Error ("load_npy: malformed header: ...") on anything else.
std::vector<PyDictEntry> parse_py_dict(std::string_view text);

/// Python-like text of a value for error messages, cut to about 40 characters.
std::string py_repr(const PyLiteral& value);

}  // namespace tl::detail
