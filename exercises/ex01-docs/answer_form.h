#pragma once
// The quiz's rule for comparing answers, shared by the public tests and the grader:
// case, spaces, quotes, a trailing "()" and a leading tl:: / torch:: / torch. / at:: do
// not matter.
#include <cctype>
#include <string>

namespace quiz {

inline std::string normalise(const std::string& answer) {
  std::string s;
  for (unsigned char c : answer)
    if (!std::isspace(c) && c != '`' && c != '"' && c != '\'') s += static_cast<char>(std::tolower(c));
  if (s.ends_with("()")) s.resize(s.size() - 2);
  for (bool again = true; again;) {
    again = false;
    for (const std::string prefix : {"tl::", "torch::", "torch.", "at::"})
      if (s.starts_with(prefix)) {
        s.erase(0, prefix.size());
        again = true;
      }
  }
  return s;
}

}  // namespace quiz
