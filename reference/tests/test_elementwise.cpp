// Element-wise arithmetic and comparisons against PyTorch 1.13.1
// (fixtures from tools/fixtures/gen_elementwise.py), through every C++ form of each op:
// free function, member function, operator and in-place form.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <variant>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::Scalar;
using tl::Tensor;
using tl::testing::scalar_from_json;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;

const json& all_cases() {
  static const json cases = tl::testing::load_fixture("elementwise.json").at("cases");
  return cases;
}

// ---- decoding operands ----------------------------------------------------------

Tensor apply_view(Tensor t, const json& steps) {
  for (const json& s : steps) {
    const std::string name = s.at(0);
    if (name == "t") t = t.t();
    else if (name == "transpose") t = t.transpose(s.at(1), s.at(2));
    else if (name == "permute") t = t.permute(s.at(1).get<std::vector<int64_t>>());
    else if (name == "slice") t = t.slice(s.at(1), s.at(2).get<int64_t>(), s.at(3).get<int64_t>(), s.at(4));
    else if (name == "expand") t = t.expand(s.at(1).get<std::vector<int64_t>>());
    else if (name == "select") t = t.select(s.at(1), s.at(2));
    else throw std::runtime_error("unknown view step " + name);
  }
  return t;
}

// A decoded operand: a tensor (a view of `base`) or a number.
struct Input {
  bool is_scalar = false;
  Scalar scalar;
  Tensor tensor;
  Tensor base;
};

Input decode(const json& spec, const Tensor* shared_base = nullptr) {
  Input in;
  if (spec.contains("scalar")) {
    in.is_scalar = true;
    in.scalar = scalar_from_json(spec["scalar"]);
    return in;
  }
  in.base = spec.contains("same_base") ? *shared_base : tensor_from_json(spec.at("tensor"));
  in.tensor = apply_view(in.base, spec.at("view"));
  return in;
}

// Fresh operands for one evaluation (in-place forms mutate them).
struct Operands {
  Input a, b;
  explicit Operands(const json& c) : a(decode(c.at("a"))) {
    if (c.contains("b")) b = decode(c["b"], &a.base);
  }
};

// ---- checking outcomes -------------------------------------------------------------

using Outcome = std::variant<Tensor, bool>;

void expect_outcome(const json& expected, const std::function<Outcome()>& fn) {
  if (expected.contains("error")) {
    const std::string message = expected["error"].at("message");
    try {
      fn();
      ADD_FAILURE() << "expected the error: " << message;
    } catch (const tl::Error& e) {
      EXPECT_EQ(std::string(e.what()), message);
      EXPECT_STREQ(tl::error_kind_name(e.kind()), expected["error"].at("kind").get<std::string>().c_str());
    }
    return;
  }
  Outcome r;
  try {
    r = fn();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected error: " << e.what();
    return;
  }
  if (expected.contains("value")) {
    EXPECT_EQ(std::get<bool>(r), expected["value"].get<bool>());
    return;
  }
  const Tensor& t = std::get<Tensor>(r);
  EXPECT_TRUE(tensors_identical(tensor_from_json(expected.at("tensor")), t));
  // PyTorch lays a new output out like its inputs (e.g. transposed for transposed inputs).
  EXPECT_EQ(t.strides().vec(), expected.at("strides").get<std::vector<int64_t>>());
}

// Runs `check` on every case whose op is one of `ops`; returns how many ran.
int for_cases(std::initializer_list<std::string> ops, const std::function<void(const json&)>& check) {
  int n = 0;
  for (const json& c : all_cases()) {
    const std::string op = c.at("op");
    if (std::find(ops.begin(), ops.end(), op) == ops.end()) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    check(c);
    ++n;
  }
  return n;
}

// The forms of one binary op: a function of (Operands&) per C++ spelling.
using Form = std::function<Outcome(Operands&)>;

void check_forms(const json& c, const std::vector<std::pair<const char*, Form>>& forms) {
  for (const auto& [name, form] : forms) {
    SCOPED_TRACE(name);
    Operands ops(c);
    expect_outcome(c.at("expected"), [&] { return form(ops); });
  }
}

// ---- binary arithmetic ---------------------------------------------------------------

std::vector<std::pair<const char*, Form>> add_forms(const json& c) {
  std::vector<std::pair<const char*, Form>> f;
  if (c.contains("alpha")) {
    const Scalar alpha = scalar_from_json(c["alpha"]);
    f.emplace_back("tl::add", [alpha](Operands& o) -> Outcome {
      return o.b.is_scalar ? tl::add(o.a.tensor, o.b.scalar, alpha) : tl::add(o.a.tensor, o.b.tensor, alpha);
    });
    f.emplace_back("Tensor::add", [alpha](Operands& o) -> Outcome {
      return o.b.is_scalar ? o.a.tensor.add(o.b.scalar, alpha) : o.a.tensor.add(o.b.tensor, alpha);
    });
    return f;
  }
  f.emplace_back("tl::add", [](Operands& o) -> Outcome {
    return o.b.is_scalar ? tl::add(o.a.tensor, o.b.scalar) : tl::add(o.a.tensor, o.b.tensor);
  });
  f.emplace_back("Tensor::add", [](Operands& o) -> Outcome {
    return o.b.is_scalar ? o.a.tensor.add(o.b.scalar) : o.a.tensor.add(o.b.tensor);
  });
  f.emplace_back("a + b", [](Operands& o) -> Outcome {
    return o.b.is_scalar ? o.a.tensor + o.b.scalar : o.a.tensor + o.b.tensor;
  });
  f.emplace_back("b + a", [](Operands& o) -> Outcome {  // LibTorch: s + t is t.add(s)
    return o.b.is_scalar ? o.b.scalar + o.a.tensor : o.a.tensor + o.b.tensor;
  });
  return f;
}

TEST(Add, MatchesPytorchInEveryForm) {
  EXPECT_GT(for_cases({"add"}, [](const json& c) { check_forms(c, add_forms(c)); }), 700);
}

TEST(Sub, MatchesPytorchInEveryForm) {
  const int n = for_cases({"sub"}, [](const json& c) {
    std::vector<std::pair<const char*, Form>> f;
    const Scalar alpha = c.contains("alpha") ? scalar_from_json(c["alpha"]) : Scalar(1);
    f.emplace_back("tl::sub", [alpha](Operands& o) -> Outcome {
      return o.b.is_scalar ? tl::sub(o.a.tensor, o.b.scalar, alpha) : tl::sub(o.a.tensor, o.b.tensor, alpha);
    });
    f.emplace_back("Tensor::sub", [alpha](Operands& o) -> Outcome {
      return o.b.is_scalar ? o.a.tensor.sub(o.b.scalar, alpha) : o.a.tensor.sub(o.b.tensor, alpha);
    });
    if (!c.contains("alpha")) {
      f.emplace_back("a - b", [](Operands& o) -> Outcome {
        return o.b.is_scalar ? o.a.tensor - o.b.scalar : o.a.tensor - o.b.tensor;
      });
    }
    check_forms(c, f);
  });
  EXPECT_GT(n, 300);
}

TEST(Mul, MatchesPytorchInEveryForm) {
  const int n = for_cases({"mul"}, [](const json& c) {
    check_forms(c, {
        {"tl::mul", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? tl::mul(o.a.tensor, o.b.scalar) : tl::mul(o.a.tensor, o.b.tensor);
         }},
        {"tl::multiply", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? tl::multiply(o.a.tensor, o.b.scalar) : tl::multiply(o.a.tensor, o.b.tensor);
         }},
        {"Tensor::mul", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.a.tensor.mul(o.b.scalar) : o.a.tensor.mul(o.b.tensor);
         }},
        {"Tensor::multiply", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.a.tensor.multiply(o.b.scalar) : o.a.tensor.multiply(o.b.tensor);
         }},
        {"a * b", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.a.tensor * o.b.scalar : o.a.tensor * o.b.tensor;
         }},
        {"b * a", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.b.scalar * o.a.tensor : o.a.tensor * o.b.tensor;
         }},
    });
  });
  EXPECT_GT(n, 300);
}

TEST(Div, TrueDivisionMatchesPytorchInEveryForm) {
  const int n = for_cases({"div"}, [](const json& c) {
    check_forms(c, {
        {"tl::div", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? tl::div(o.a.tensor, o.b.scalar) : tl::div(o.a.tensor, o.b.tensor);
         }},
        {"Tensor::div", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.a.tensor.div(o.b.scalar) : o.a.tensor.div(o.b.tensor);
         }},
        {"a / b", [](Operands& o) -> Outcome {
           return o.b.is_scalar ? o.a.tensor / o.b.scalar : o.a.tensor / o.b.tensor;
         }},
    });
  });
  EXPECT_GT(n, 250);
}

TEST(Operators, ScalarOnTheLeftFollowsLibTorch) {
  // LibTorch: `s - t` is empty_like(t).fill_(s).sub_(t), `s / t` likewise with div_.
  const int n = for_cases({"rsub", "rdiv"}, [](const json& c) {
    const bool sub = c.at("op") == "rsub";
    check_forms(c, {{sub ? "s - t" : "s / t", [sub](Operands& o) -> Outcome {
                       return sub ? o.a.scalar - o.b.tensor : o.a.scalar / o.b.tensor;
                     }}});
  });
  EXPECT_GT(n, 300);
}

// ---- in-place ------------------------------------------------------------------------

TEST(InPlace, MatchesPytorchAndWritesThroughViews) {
  const int n = for_cases({"add_", "sub_", "mul_", "div_"}, [](const json& c) {
    const std::string op = c.at("op");
    const Scalar alpha = c.contains("alpha") ? scalar_from_json(c["alpha"]) : Scalar(1);
    // self.op_(other) and the compound operator; both must return self itself.
    for (const bool use_operator : {false, true}) {
      if (use_operator && c.contains("alpha")) continue;
      SCOPED_TRACE(use_operator ? "operator" : "method");
      Operands o(c);
      expect_outcome(c.at("expected"), [&]() -> Outcome {
        Tensor& self = o.a.tensor;
        Tensor* ret = nullptr;
        if (o.b.is_scalar) {
          const Scalar& s = o.b.scalar;
          if (op == "add_") ret = use_operator ? &(self += s) : &self.add_(s, alpha);
          if (op == "sub_") ret = use_operator ? &(self -= s) : &self.sub_(s, alpha);
          if (op == "mul_") ret = use_operator ? &(self *= s) : &self.mul_(s);
          if (op == "div_") ret = use_operator ? &(self /= s) : &self.div_(s);
        } else {
          const Tensor& t = o.b.tensor;
          if (op == "add_") ret = use_operator ? &(self += t) : &self.add_(t, alpha);
          if (op == "sub_") ret = use_operator ? &(self -= t) : &self.sub_(t, alpha);
          if (op == "mul_") ret = use_operator ? &(self *= t) : &self.mul_(t);
          if (op == "div_") ret = use_operator ? &(self /= t) : &self.div_(t);
        }
        EXPECT_EQ(ret, &self);
        return self;
      });
      if (!c.at("expected").contains("error")) {
        EXPECT_TRUE(tensors_identical(tensor_from_json(c.at("base_after")), o.a.base));
      }
    }
  });
  EXPECT_GT(n, 400);
}

TEST(InPlace, CopyAndFillMatchPytorch) {
  // fill_ checks that the number fits the dtype; copy_ refuses overlapping writes.
  const int n = for_cases({"copy_", "fill_"}, [](const json& c) {
    Operands o(c);
    expect_outcome(c.at("expected"), [&]() -> Outcome {
      Tensor& self = o.a.tensor;
      Tensor* ret = c.at("op") == "fill_" ? &self.fill_(o.b.scalar) : &self.copy_(o.b.tensor);
      EXPECT_EQ(ret, &self);
      return self;
    });
    if (!c.at("expected").contains("error")) {
      EXPECT_TRUE(tensors_identical(tensor_from_json(c.at("base_after")), o.a.base));
    }
  });
  EXPECT_GT(n, 100);
}

TEST(InPlace, FailedCastLeavesSelfUnchanged) {
  Tensor x = tl::tensor({1, 2, 3});
  EXPECT_THROW(x.add_(1.5), tl::Error);
  EXPECT_TRUE(tensors_identical(tl::tensor({1, 2, 3}), x));
}

// ---- unary -------------------------------------------------------------------------------

TEST(Unary, NegAndAbsMatchPytorch) {
  const int n = for_cases({"neg", "abs"}, [](const json& c) {
    const bool neg = c.at("op") == "neg";
    check_forms(c, {
        {"tl::", [neg](Operands& o) -> Outcome { return neg ? tl::neg(o.a.tensor) : tl::abs(o.a.tensor); }},
        {"Tensor::", [neg](Operands& o) -> Outcome { return neg ? o.a.tensor.neg() : o.a.tensor.abs(); }},
        {"-a", [neg](Operands& o) -> Outcome { return neg ? -o.a.tensor : tl::abs(o.a.tensor); }},
    });
  });
  EXPECT_GT(n, 60);
}

// ---- comparisons -------------------------------------------------------------------------

TEST(Eq, MatchesPytorchInEveryForm) {
  const int n = for_cases({"eq"}, [](const json& c) {
    std::vector<std::pair<const char*, Form>> f;
    f.emplace_back("Tensor::eq", [](Operands& o) -> Outcome {
      return o.b.is_scalar ? o.a.tensor.eq(o.b.scalar) : o.a.tensor.eq(o.b.tensor);
    });
    f.emplace_back("a == b", [](Operands& o) -> Outcome {
      return o.b.is_scalar ? o.a.tensor == o.b.scalar : o.a.tensor == o.b.tensor;
    });
    if (!c.at("b").contains("scalar")) {
      f.emplace_back("tl::eq", [](Operands& o) -> Outcome { return tl::eq(o.a.tensor, o.b.tensor); });
    }
    check_forms(c, f);
  });
  EXPECT_GT(n, 260);
}

TEST(Equal, MatchesPytorch) {
  const int n = for_cases({"equal"}, [](const json& c) {
    check_forms(c, {
        {"tl::equal", [](Operands& o) -> Outcome { return tl::equal(o.a.tensor, o.b.tensor); }},
        {"Tensor::equal", [](Operands& o) -> Outcome { return o.a.tensor.equal(o.b.tensor); }},
    });
  });
  EXPECT_GT(n, 10);
}

TEST(Allclose, MatchesPytorch) {
  const int n = for_cases({"allclose"}, [](const json& c) {
    const json kw = c.value("kwargs", json::object());
    const double rtol = kw.value("rtol", 1e-5), atol = kw.value("atol", 1e-8);
    check_forms(c, {
        {"tl::allclose", [=](Operands& o) -> Outcome { return tl::allclose(o.a.tensor, o.b.tensor, rtol, atol); }},
        {"Tensor::allclose", [=](Operands& o) -> Outcome { return o.a.tensor.allclose(o.b.tensor, rtol, atol); }},
    });
  });
  EXPECT_GT(n, 20);
}

// ---- properties not covered by values alone ---------------------------------------------

TEST(Elementwise, OutputsOwnFreshStorage) {
  Tensor a = tl::tensor({1.0f, 2.0f});
  Tensor r = a + 0;
  EXPECT_FALSE(r.is_same_storage(a));
  r.fill_(7);
  EXPECT_TRUE(tensors_identical(tl::tensor({1.0f, 2.0f}), a));
}

TEST(Elementwise, LargeContiguousMatchesElementByElement) {
  // The contiguous fast path against a strided evaluation of the same numbers.
  const Tensor a = tl::arange(0, 10007, tl::TensorOptions(tl::kFloat)).mul(0.37).sub(1000);
  const Tensor b = tl::arange(0, 10007, tl::TensorOptions(tl::kFloat)).div(7).add(0.5);
  const Tensor dense = a * b;
  const Tensor strided = a.reshape({1, 10007}).expand({2, 10007}).t().mul(b.reshape({10007, 1}));
  for (int64_t i = 0; i < 10007; i += 997) {
    EXPECT_EQ(dense[i].item<float>(), strided[i][1].item<float>());
    EXPECT_EQ(dense[i].item<float>(), a[i].item<float>() * b[i].item<float>());
  }
}

}  // namespace
