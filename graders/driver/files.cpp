#include "files.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace grade {
namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write", path);
    data.remove_prefix(static_cast<size_t>(n));
  }
}
}  // namespace

bool read_regular_file(const std::string& path, size_t cap, std::string& out) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) <= cap;
  out.clear();
  char buf[65536];
  while (ok) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > cap) ok = false;
  }
  close(fd);
  return ok;
}

std::string read_trusted_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file_atomic(const std::string& path, std::string_view content, mode_t mode) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string temp = (dir / std::string(".").append(target.filename().string()).append(".tmp-").append(random_hex(6))).string();
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) fail("cannot create", temp);
  try {
    write_all(fd, content, temp);
    if (fchmod(fd, mode) != 0 || fsync(fd) != 0) fail("cannot finish", temp);
  } catch (...) {
    close(fd);
    unlink(temp.c_str());
    throw;
  }
  close(fd);
  if (rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    unlink(temp.c_str());
    errno = saved;
    fail("cannot replace", path);
  }
}

std::string make_temp_dir(const std::string& parent, const std::string& prefix) {
  std::string pattern = (fs::path(parent) / (prefix + "XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) fail("cannot create a directory in", parent);
  return pattern;
}

void make_dirs(const std::string& path, mode_t mode) {
  std::error_code ec;
  fs::create_directories(path, ec);
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) fail("cannot create directory", path);
  if (chmod(path.c_str(), mode) != 0) fail("cannot chmod", path);
}

void remove_tree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);  // never follows symlinks
}

void copy_file(const std::string& from, const std::string& to, mode_t mode) {
  unlink(to.c_str());
  struct stat st {};
  // A hard link is free, but shares the source's mode: keep it only when that mode fits.
  if (link(from.c_str(), to.c_str()) == 0 && stat(to.c_str(), &st) == 0 && (st.st_mode & 07777) == mode) return;
  unlink(to.c_str());
  std::error_code ec;
  if (!fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec)) {
    throw std::runtime_error("cannot copy " + from + " to " + to + ": " + ec.message());
  }
  if (chmod(to.c_str(), mode) != 0) fail("cannot chmod", to);
}

std::string random_hex(size_t n) {
  std::string bytes(n, '\0');
  size_t got = 0;
  while (got < n) {
    const ssize_t r = getrandom(bytes.data() + got, n - got, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) throw std::runtime_error("getrandom failed");
    got += static_cast<size_t>(r);
  }
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  return hex;
}

uint64_t fnv1a(std::string_view data, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string cap_text(const std::string& text, size_t cap) {
  if (text.size() <= cap) return text;
  return text.substr(0, cap) + "\n… (" + std::to_string(text.size() - cap) + " more bytes left out)";
}

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace grade
