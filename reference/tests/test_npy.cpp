// .npy load/save against files written by NumPy 1.24 (tools/fixtures/gen_npy.py), and
// every kind of malformed input a hostile or damaged file can contain.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

using Bytes = std::vector<uint8_t>;

std::string npy_path(const std::string& name) { return std::string(TL_FIXTURE_DIR) + "/npy/" + name; }

Bytes read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path + " (run tools/fixtures/gen_npy.py)");
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const nlohmann::json& manifest() {
  static const nlohmann::json m = tl::testing::load_fixture("npy/manifest.json");
  return m;
}

std::string temp_path(const std::string& name) { return ::testing::TempDir() + "tl_npy_" + name; }

// A .npy file with the given header dict text (padded as numpy pads) and data bytes.
Bytes make_npy(const std::string& dict, const Bytes& data = {}, int major = 1) {
  std::string header = dict;
  const size_t prefix = major == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  Bytes out = {0x93, 'N', 'U', 'M', 'P', 'Y', static_cast<uint8_t>(major), 0};
  for (size_t i = 0; i < prefix - 8; ++i) out.push_back(static_cast<uint8_t>(header.size() >> (8 * i)));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

std::string f4_dict(const std::string& shape) {
  return "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
}

// The message of the tl::Error that loading `bytes` throws ("" when it loads).
std::string load_error(const Bytes& bytes) {
  try {
    tl::load_npy_from_buffer(bytes.data(), bytes.size());
  } catch (const tl::Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_LOAD_ERROR(bytes, fragment)                                              \
  do {                                                                                  \
    const std::string msg_ = load_error(bytes);                                         \
    EXPECT_NE(msg_, "") << "loaded without an error";                                   \
    EXPECT_NE(msg_.find(fragment), std::string::npos) << "message: " << msg_;           \
    EXPECT_EQ(msg_.rfind("load_npy: ", 0), 0u) << "message: " << msg_;                 \
  } while (0)

// ---- files written by numpy -----------------------------------------------------------

TEST(NpyLoad, NumpyFilesLoadWithExactValues) {
  const auto& arrays = manifest().at("arrays");
  ASSERT_GE(arrays.size(), 40u);
  for (const auto& a : arrays) {
    const std::string file = a.at("file").get<std::string>();
    SCOPED_TRACE(file + ": " + a.at("what").get<std::string>());
    const tl::Tensor expected = tl::testing::tensor_from_json(a.at("expected"));
    const tl::Tensor t = tl::load_npy(npy_path(file));
    EXPECT_TRUE(tl::testing::tensors_identical(expected, t));
    EXPECT_TRUE(t.is_contiguous());
    EXPECT_TRUE(t.is_cpu());
    const Bytes bytes = read_bytes(npy_path(file));
    EXPECT_TRUE(tl::testing::tensors_identical(expected, tl::load_npy_from_buffer(bytes.data(), bytes.size())));
  }
}

TEST(NpyLoad, FortranOrderGivesLogicalValues) {
  // A spot check independent of the manifest: np.asfortranarray(arange(12).reshape(3, 4) - 5.5).
  const tl::Tensor t = tl::load_npy(npy_path("f_mat_float32.npy"));
  ASSERT_EQ(t.sizes(), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(t[0][1].item<float>(), -4.5f);
  EXPECT_EQ(t[2][0].item<float>(), 2.5f);
  EXPECT_EQ(tl::to_vector<float>(t)[5], -0.5f);
}

TEST(NpyLoad, UnsupportedNumpyDtypesAreRejectedByName) {
  const auto& bad = manifest().at("unsupported");
  ASSERT_GE(bad.size(), 6u);
  for (const auto& b : bad) {
    const std::string file = b.at("file").get<std::string>();
    SCOPED_TRACE(file);
    try {
      tl::load_npy(npy_path(file));
      ADD_FAILURE() << "loaded without an error";
    } catch (const tl::Error& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("unsupported dtype"), std::string::npos) << msg;
      EXPECT_NE(msg.find(b.at("descr").get<std::string>()), std::string::npos) << msg;
      EXPECT_NE(msg.find(file), std::string::npos) << "the path belongs in the message: " << msg;
    }
  }
}

// ---- files we write are byte-identical to numpy's ------------------------------------

TEST(NpySave, BytesEqualNumpysForTheSameValues) {
  int compared = 0;
  for (const auto& a : manifest().at("arrays")) {
    if (a.at("c_twin").is_null()) continue;
    const std::string file = a.at("file").get<std::string>();
    SCOPED_TRACE(file);
    const Bytes want = read_bytes(npy_path(a.at("c_twin").get<std::string>()));
    const tl::Tensor t = tl::testing::tensor_from_json(a.at("expected"));
    EXPECT_EQ(tl::save_npy_to_buffer(t), want);
    EXPECT_EQ(tl::save_npy_to_buffer(tl::load_npy(npy_path(file))), want);
    ++compared;
  }
  EXPECT_GE(compared, 40);
}

TEST(NpySave, ViewsAreWrittenInLogicalOrder) {
  for (const auto& p : manifest().at("permuted")) {
    const std::string file = p.at("file").get<std::string>();
    SCOPED_TRACE(file);
    const tl::Tensor view = tl::load_npy(npy_path(p.at("source").get<std::string>()))
                                .permute(p.at("dims").get<std::vector<int64_t>>());
    ASSERT_FALSE(view.is_contiguous());
    EXPECT_EQ(tl::save_npy_to_buffer(view), read_bytes(npy_path(file)));
  }
}

TEST(NpySave, SaveNpyWritesTheSameBytesToAFile) {
  const tl::Tensor t = tl::load_npy(npy_path("c_int64.npy"));
  const std::string path = temp_path("c_int64.npy");
  tl::save_npy(path, t);
  EXPECT_EQ(read_bytes(path), read_bytes(npy_path("c_int64.npy")));
  tl::save_npy(path, tl::zeros({1}));  // overwrites, does not append
  EXPECT_EQ(read_bytes(path).size(), 132u);
  std::remove(path.c_str());
}

TEST(NpySave, RoundTripsEveryDtypeAndLayout) {
  const tl::ScalarType dtypes[] = {tl::kFloat, tl::kHalf, tl::kDouble, tl::kChar, tl::kShort,
                                   tl::kInt, tl::kLong, tl::kByte, tl::kBool};
  for (tl::ScalarType dt : dtypes) {
    SCOPED_TRACE(tl::testing::to_string(dt));
    const tl::Tensor base = tl::arange(24).reshape({2, 3, 4}).to(dt);
    for (const tl::Tensor& t : {base, base.permute({2, 0, 1}), base.select(1, 1), base[0][1][2],
                                tl::empty({0, 5}, dt), base.slice(2, 0, 4, 3)}) {
      const Bytes bytes = tl::save_npy_to_buffer(t);
      EXPECT_EQ(bytes.size() % 64, static_cast<size_t>(t.nbytes()) % 64) << "data must start 64-byte aligned";
      EXPECT_TRUE(tl::testing::tensors_identical(t, tl::load_npy_from_buffer(bytes.data(), bytes.size())));
    }
  }
}

TEST(NpySave, HugeHeaderSwitchesToVersion2) {
  // 22000 dims of size 1 need a header longer than version 1.0's 65535 bytes.
  const tl::Tensor t = tl::zeros(std::vector<int64_t>(22000, 1), tl::kByte);
  const Bytes bytes = tl::save_npy_to_buffer(t);
  ASSERT_GT(bytes.size(), 65536u);
  EXPECT_EQ(bytes[6], 2);
  const size_t len = bytes[8] | bytes[9] << 8 | bytes[10] << 16 | static_cast<size_t>(bytes[11]) << 24;
  EXPECT_EQ(12 + len + 1, bytes.size());
  EXPECT_EQ((12 + len) % 64, 0u);
  EXPECT_EQ(bytes[12 + len - 1], '\n');
  // numpy cannot hold so many dims either (NPY_MAXDIMS is 32), so loading refuses it.
  EXPECT_LOAD_ERROR(bytes, "at most 32");
}

TEST(NpySave, ErrorsAreReported) {
  EXPECT_THROW(tl::save_npy_to_buffer(tl::Tensor()), tl::Error);
  try {
    tl::save_npy("/nonexistent-dir/x.npy", tl::ones({2}));
    ADD_FAILURE() << "no error";
  } catch (const tl::Error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open '/nonexistent-dir/x.npy'"), std::string::npos) << e.what();
  }
}

// ---- accepted variants ------------------------------------------------------------------

TEST(NpyLoad, AcceptsHeaderVariantsNumpyAccepts) {
  const Bytes data = {0, 0, 128, 63, 0, 0, 0, 64};  // 1.0f, 2.0f little-endian
  const Bytes data_be = {63, 128, 0, 0, 64, 0, 0, 0};
  const tl::Tensor want = tl::tensor({1.0f, 2.0f});
  for (const auto& [dict, bytes] : std::vector<std::pair<std::string, Bytes>>{
           {"{'descr': '=f4', 'fortran_order': False, 'shape': (2,), }", data},
           {"{'descr': 'f4', 'fortran_order': False, 'shape': (2,), }", data},
           {"{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", data_be},
           {"{\"shape\": (2L,), \"fortran_order\": False, \"descr\": \"<f4\"}", data},
           {"  {'descr':'<f4','fortran_order':False,'shape':(2,)}\n\t\r\n", data},
           {"{'descr': '<f4',\n 'fortran_order': False,\n 'shape': ( 2 , ) ,\n}", data},
           {"{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", data},
       }) {
    SCOPED_TRACE(dict);
    const Bytes file = make_npy(dict, bytes);
    EXPECT_EQ(load_error(file), "");
    EXPECT_TRUE(tl::testing::tensors_identical(want, tl::load_npy_from_buffer(file.data(), file.size())));
  }
  // Version 2.0 and 3.0 preambles with a hand-made header.
  for (int major : {2, 3}) {
    const Bytes file = make_npy(f4_dict("(2,)"), data, major);
    EXPECT_TRUE(tl::testing::tensors_identical(want, tl::load_npy_from_buffer(file.data(), file.size())));
  }
}

TEST(NpyLoad, FortranOrder3dMatchesTransposedRead) {
  // shape (2, 3, 2) in Fortran order: element (i, j, k) sits at i + 2*j + 6*k.
  Bytes data;
  for (uint8_t v = 0; v < 12; ++v) data.push_back(v);
  const Bytes file = make_npy("{'descr': '|u1', 'fortran_order': True, 'shape': (2, 3, 2), }", data);
  const tl::Tensor t = tl::load_npy_from_buffer(file.data(), file.size());
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 3; ++j)
      for (int64_t k = 0; k < 2; ++k) EXPECT_EQ(t[i][j][k].item<int64_t>(), i + 2 * j + 6 * k);
}

// ---- malformed input ---------------------------------------------------------------------

TEST(NpyMalformed, EveryTruncationIsReported) {
  const Bytes good = read_bytes(npy_path("c_float64.npy"));
  for (size_t n = 0; n < good.size(); ++n) {
    SCOPED_TRACE(n);
    const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_LOAD_ERROR(cut, "truncated");
  }
}

TEST(NpyMalformed, PreambleProblems) {
  Bytes bad_magic = read_bytes(npy_path("c_int8.npy"));
  bad_magic[5] = 'X';
  EXPECT_LOAD_ERROR(bad_magic, "not a .npy file");
  EXPECT_LOAD_ERROR((Bytes{'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}), ".npz is not supported");
  EXPECT_LOAD_ERROR((Bytes{'h', 'e', 'l', 'l', 'o'}), "not a .npy file");
  Bytes v4 = read_bytes(npy_path("c_int8.npy"));
  v4[6] = 4;
  EXPECT_LOAD_ERROR(v4, "unsupported .npy format version 4.0");
  Bytes v11 = read_bytes(npy_path("c_int8.npy"));
  v11[7] = 1;
  EXPECT_LOAD_ERROR(v11, "version 1.1");
  Bytes long_header = read_bytes(npy_path("c_int8.npy"));
  long_header[8] = 0;
  long_header[9] = 0x7f;
  EXPECT_LOAD_ERROR(long_header, "file is truncated: the preamble declares a 32512-byte header but 142 bytes remain");
  EXPECT_EQ(load_error(Bytes{}).find("truncated") != std::string::npos, true);
  EXPECT_THROW(tl::load_npy_from_buffer(nullptr, 0), tl::Error);
}

TEST(NpyMalformed, DataSizeIsCheckedBeforeAllocating) {
  // 1 GB declared, no data present: must throw, not allocate.
  EXPECT_LOAD_ERROR(make_npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1073741824,), }"),
                    "file is truncated: header declares 1073741824 bytes of data but 0 remain");
  EXPECT_LOAD_ERROR(make_npy(f4_dict("(200,)"), Bytes(16, 0)),
                    "header declares 800 bytes of data but 16 remain");
  // Sizes that overflow int64, also behind a zero dim.
  EXPECT_LOAD_ERROR(make_npy(f4_dict("(4294967296, 4294967296)")), "overflows int64");
  EXPECT_LOAD_ERROR(make_npy(f4_dict("(0, 4611686018427387904, 4)")), "overflows int64");
  EXPECT_LOAD_ERROR(make_npy(f4_dict("(99999999999999999999,)")), "does not fit in int64");
  EXPECT_LOAD_ERROR(make_npy(f4_dict("(9223372036854775807,)")), "overflows int64");
}

TEST(NpyMalformed, TrailingBytesAreRejected) {
  Bytes extra = read_bytes(npy_path("c_int32.npy"));
  extra.push_back(0);
  EXPECT_LOAD_ERROR(extra, "1 bytes of trailing data after the 96 bytes");
}

TEST(NpyMalformed, HeaderSyntax) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "expected '{' but found the end of the header"},
      {"[1, 2]", "expected '{'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), ", "expected a value but found the end"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,) ", "expected ',' or '}'"},
      {"{'descr': '<f4, 'fortran_order': False, 'shape': (2,), }", "malformed header"},
      {"{'descr': '<f4\n', 'fortran_order': False, 'shape': (2,), }", "unterminated string"},
      {"{'descr' '<f4', 'fortran_order': False, 'shape': (2,), }", "expected ':'"},
      {"{'descr': '<f4', 'fortran_order': Flase, 'shape': (2,), }", "unknown name 'Flase'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x", "unexpected 'x' after the dict"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }}", "unexpected '}' after the dict"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (0x10,), }", "malformed number"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1.2.3,), }", "malformed number"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (-,), }", "malformed number"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,,), }", "expected a value but found ','"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }", "expected ',' or ')'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': {'a': 1}, }", "nested dicts"},
      {"{'descr': '<\\q4', 'fortran_order': False, 'shape': (2,), }", "unsupported escape"},
      {"{5: 1}", "dict keys must be strings, got 5"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': " + std::string(40, '(') + "2" +
           std::string(40, ')') + ", }",
       "nested deeper than 16 levels"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), \x01}", "found byte 0x01"},
  };
  for (const auto& [dict, fragment] : cases) {
    SCOPED_TRACE(dict);
    EXPECT_LOAD_ERROR(make_npy(dict, Bytes(8, 0)), fragment);
    EXPECT_LOAD_ERROR(make_npy(dict, Bytes(8, 0)), "malformed header");
  }
}

TEST(NpyMalformed, HeaderKeysAndValues) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{'fortran_order': False, 'shape': (2,), }", "missing the key 'descr'"},
      {"{'descr': '<f4', 'shape': (2,), }", "missing the key 'fortran_order'"},
      {"{'descr': '<f4', 'fortran_order': False, }", "missing the key 'shape'"},
      {"{}", "missing the key"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'shape': (2,), }", "duplicate key 'shape'"},
      {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", "duplicate key 'descr'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1, }", "unexpected key 'extra'"},
      {"{'descr': 5, 'fortran_order': False, 'shape': (2,), }", "'descr' must be a string, got 5"},
      {"{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<c8' (complex"},
      {"{'descr': '<f3', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<f3'"},
      {"{'descr': '<x4', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<x4'"},
      {"{'descr': '', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype ''"},
      {"{'descr': '<', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<'"},
      {"{'descr': '<f', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<f'"},
      {"{'descr': '<f444', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<f444'"},
      {"{'descr': '<u4', 'fortran_order': False, 'shape': (2,), }", "no tl dtype"},
      {"{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", "structured arrays"},
      {"{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", "'fortran_order' must be True or False, got 0"},
      {"{'descr': '<f4', 'fortran_order': 'True', 'shape': (2,), }", "must be True or False, got 'True'"},
      {"{'descr': '<f4', 'fortran_order': None, 'shape': (2,), }", "must be True or False, got None"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': [2], }", "'shape' must be a tuple of integers, got [2]"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", "'shape' must be a tuple of integers, got 2"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': None, }", "got None"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,), }", "not an integer: 2.5"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1e3,), }", "not an integer: 1e3"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': ('2',), }", "not an integer: '2'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': ((2,),), }", "not an integer: (2,)"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), }", "negative entry: -1"},
  };
  for (const auto& [dict, fragment] : cases) {
    SCOPED_TRACE(dict);
    EXPECT_LOAD_ERROR(make_npy(dict, Bytes(8, 0)), fragment);
  }
  std::string many = "(";
  for (int i = 0; i < 33; ++i) many += "1, ";
  EXPECT_LOAD_ERROR(make_npy(f4_dict(many + ")"), Bytes(4, 0)), "shape has 33 dims; at most 32");
}

TEST(NpyMalformed, FileErrorsNameThePath) {
  try {
    tl::load_npy("/nonexistent-dir/x.npy");
    ADD_FAILURE() << "no error";
  } catch (const tl::Error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("cannot open"), std::string::npos) << msg;
    EXPECT_NE(msg.find("/nonexistent-dir/x.npy"), std::string::npos) << msg;
  }
  EXPECT_THROW(tl::load_npy(TL_FIXTURE_DIR), tl::Error);
  const std::string path = temp_path("short.npy");
  {
    std::ofstream out(path, std::ios::binary);
    out << "\x93NUMPY\x01";
  }
  EXPECT_THROW(tl::load_npy(path), tl::Error);
  std::remove(path.c_str());
}

}  // namespace
