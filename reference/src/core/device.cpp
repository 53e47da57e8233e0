#include "tl/device.h"

#include <cctype>
#include <ostream>

#include "tl/error.h"

namespace tl {

Device::Device(const std::string& spec) : type_(kCPU), index_(-1) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  if (kind == "cpu") {
    type_ = kCPU;
  } else if (kind == "cuda") {
    type_ = kCUDA;
  } else {
    throw Error("Expected one of cpu, cuda device type at start of device string: " + spec);
  }
  if (colon == std::string::npos) return;
  const std::string digits = spec.substr(colon + 1);
  bool ok = !digits.empty() && digits.size() <= 2;
  for (char c : digits) ok = ok && std::isdigit(static_cast<unsigned char>(c));
  TL_CHECK(ok, "Invalid device string: '", spec, "'");
  index_ = static_cast<int8_t>(std::stoi(digits));
  TL_CHECK(type_ != kCPU || index_ == 0, "CPU device index must be -1 or zero, got ", int(index_));
}

std::string Device::str() const {
  std::string s = type_ == kCPU ? "cpu" : "cuda";
  if (has_index()) {
    s += ':';  // appended piecewise: GCC 12 warns (-Wrestrict) on ":" + std::to_string(...)
    s += std::to_string(index_);
  }
  return s;
}

std::ostream& operator<<(std::ostream& os, const Device& d) { return os << d.str(); }

}  // namespace tl
