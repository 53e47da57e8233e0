// The process-wide print options (torch.set_printoptions / PRINT_OPTS).
#include <limits>
#include <mutex>
#include <string>

#include "tl/error.h"
#include "tl/print.h"

namespace tl {
namespace {

std::mutex g_mutex;
PrintOptions g_options;

}  // namespace

PrintOptions PrintOptions::profile(std::string_view name) {
  PrintOptions p;  // "default"
  if (name == "short") {
    p.precision = 2;
    p.edgeitems = 2;
  } else if (name == "full") {
    p.threshold = std::numeric_limits<double>::infinity();
  } else {
    TL_CHECK_KIND(name == "default", ValueError, "unknown print profile '", std::string(name),
                  "' (expected 'default', 'short' or 'full')");
  }
  return p;
}

void set_printoptions(const PrintOptions& options) {
  // Python fails only when printing ("Format specifier missing precision"); failing
  // here points at the real mistake.
  TL_CHECK_KIND(options.precision >= 0, ValueError, "Format specifier missing precision");
  TL_CHECK_KIND(options.edgeitems >= 0, ValueError, "edgeitems must be non-negative, got ", options.edgeitems);
  std::lock_guard<std::mutex> lock(g_mutex);
  g_options = options;
}

PrintOptions get_printoptions() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_options;
}

}  // namespace tl
