// Recursive-descent parser for the Python dict literal of a .npy header (see py_literal.h).
#include "io/py_literal.h"

#include <cstdio>

#include "tl/error.h"

namespace tl::detail {
namespace {

// Deep enough for any real header ((1, 2) is depth 2); bounds recursion on hostile input.
constexpr int kMaxDepth = 16;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::vector<PyDictEntry> dict() {
    skip_space();
    expect('{');
    std::vector<PyDictEntry> entries;
    while (true) {
      skip_space();
      if (accept('}')) break;
      PyLiteral key = value(1);
      if (key.kind != PyLiteral::Kind::String) fail("dict keys must be strings, got " + py_repr(key));
      skip_space();
      expect(':');
      entries.push_back({std::move(key.text), value(1)});
      skip_space();
      if (accept(',')) continue;
      if (accept('}')) break;
      fail("expected ',' or '}' but found " + found());
    }
    skip_space();
    if (pos_ != s_.size()) fail("unexpected " + found() + " after the dict");
    return entries;
  }

 private:
  PyLiteral value(int depth) {
    if (depth > kMaxDepth) fail("values nested deeper than " + std::to_string(kMaxDepth) + " levels");
    skip_space();
    if (pos_ == s_.size()) fail("expected a value but found " + found());
    const char c = s_[pos_];
    if (c == '\'' || c == '"') return string();
    if (c == '(') return sequence(')', PyLiteral::Kind::Tuple, depth);
    if (c == '[') return sequence(']', PyLiteral::Kind::List, depth);
    if (c == '{') fail("nested dicts are not supported");
    if (is_digit(c) || c == '+' || c == '-' || c == '.') return number();
    if (is_alpha(c)) return name();
    fail("expected a value but found " + found());
  }

  // A tuple "(...)" or a list "[...]". "(x)" without a comma is just x, as in Python.
  PyLiteral sequence(char close, PyLiteral::Kind kind, int depth) {
    ++pos_;  // the opening bracket
    PyLiteral out;
    out.kind = kind;
    bool comma = false;
    while (true) {
      skip_space();
      if (accept(close)) break;
      out.items.push_back(value(depth + 1));
      skip_space();
      if (accept(',')) { comma = true; continue; }
      if (accept(close)) break;
      fail(std::string("expected ',' or '") + close + "' but found " + found());
    }
    if (kind == PyLiteral::Kind::Tuple && out.items.size() == 1 && !comma) return std::move(out.items[0]);
    return out;
  }

  PyLiteral string() {
    const char quote = s_[pos_++];
    PyLiteral out;
    out.kind = PyLiteral::Kind::String;
    while (true) {
      if (pos_ == s_.size() || s_[pos_] == '\n') fail("unterminated string");
      const char c = s_[pos_++];
      if (c == quote) break;
      if (c != '\\') { out.text += c; continue; }
      if (pos_ == s_.size()) fail("unterminated string");
      const char e = s_[pos_++];
      switch (e) {
        case '\\': case '\'': case '"': out.text += e; break;
        case 'n': out.text += '\n'; break;
        case 't': out.text += '\t'; break;
        case 'r': out.text += '\r'; break;
        default: --pos_; fail("unsupported escape sequence in a string");
      }
    }
    return out;
  }

  // Python number syntax, minus hex/octal/binary and '_' separators, plus Python 2's "3L".
  PyLiteral number() {
    const size_t start = pos_;
    if (s_[pos_] == '+' || s_[pos_] == '-') ++pos_;
    const size_t int_digits = digits();
    size_t frac_digits = 0;
    bool is_int = true;
    if (accept('.')) { is_int = false; frac_digits = digits(); }
    if (int_digits + frac_digits == 0) fail("malformed number");
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      is_int = false;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) fail("malformed number");
    }
    if (is_int && pos_ < s_.size() && (s_[pos_] == 'L' || s_[pos_] == 'l')) ++pos_;
    if (pos_ < s_.size() && (is_alpha(s_[pos_]) || is_digit(s_[pos_]) || s_[pos_] == '.')) fail("malformed number");
    PyLiteral out;
    out.kind = PyLiteral::Kind::Number;
    out.text = std::string(s_.substr(start, pos_ - start));
    return out;
  }

  PyLiteral name() {
    const size_t start = pos_;
    while (pos_ < s_.size() && (is_alpha(s_[pos_]) || is_digit(s_[pos_]))) ++pos_;
    const std::string_view word = s_.substr(start, pos_ - start);
    PyLiteral out;
    if (word == "True" || word == "False") {
      out.kind = PyLiteral::Kind::Bool;
      out.truth = word == "True";
    } else if (word == "None") {
      out.kind = PyLiteral::Kind::None;
    } else {
      pos_ = start;
      fail("unknown name '" + std::string(word.substr(0, 20)) + "'");
    }
    return out;
  }

  size_t digits() {
    const size_t start = pos_;
    while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    return pos_ - start;
  }

  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  bool accept(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) { ++pos_; return true; }
    return false;
  }

  void expect(char c) {
    if (!accept(c)) fail(std::string("expected '") + c + "' but found " + found());
  }

  // The character at the cursor, spelled for a message.
  std::string found() const {
    if (pos_ == s_.size()) return "the end of the header";
    const auto c = static_cast<unsigned char>(s_[pos_]);
    if (c == '\'') return "\"'\"";
    if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02x", c);
    return buf;
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(str_cat("load_npy: malformed header: ", what, " at offset ", pos_, " of the header"));
  }

  std::string_view s_;
  size_t pos_ = 0;
};

constexpr size_t kReprLimit = 40;

void repr_into(std::string& out, const PyLiteral& v) {
  if (out.size() > kReprLimit) return;
  switch (v.kind) {
    case PyLiteral::Kind::String:
      out += '\'';
      for (char ch : v.text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
          out += ch;
        } else {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        }
        if (out.size() > kReprLimit) return;
      }
      out += '\'';
      return;
    case PyLiteral::Kind::Number: out += v.text; return;
    case PyLiteral::Kind::Bool: out += v.truth ? "True" : "False"; return;
    case PyLiteral::Kind::None: out += "None"; return;
    case PyLiteral::Kind::Tuple:
    case PyLiteral::Kind::List: {
      const bool tuple = v.kind == PyLiteral::Kind::Tuple;
      out += tuple ? '(' : '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        repr_into(out, v.items[i]);
        if (out.size() > kReprLimit) return;
      }
      if (tuple && v.items.size() == 1) out += ',';
      out += tuple ? ')' : ']';
      return;
    }
  }
}

}  // namespace

std::vector<PyDictEntry> parse_py_dict(std::string_view text) { return Parser(text).dict(); }

std::string py_repr(const PyLiteral& value) {
  std::string out;
  repr_into(out, value);
  if (out.size() > kReprLimit) out = out.substr(0, kReprLimit) + "...";
  return out;
}

}  // namespace tl::detail
