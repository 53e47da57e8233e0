#include "sandbox.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace grade {
namespace fs = std::filesystem;
namespace {

constexpr uid_t kFirstUid = 60000;
constexpr int kUidRange = 4000;
constexpr const char* kLockDir = "/run/tl-grade-uids";
constexpr const char* kStageDir = "/run/tl-grade-uids/stage";  // exposures wait here while tmpfs covers their home
const std::vector<std::string> kTmpDirs = {"/tmp", "/var/tmp", "/dev/shm"};
const std::vector<std::string> kSystemDirs = {"/usr", "/lib", "/lib64", "/bin", "/sbin", "/etc", "/proc", "/dev", "/sys", "/run"};

bool is_within(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         (dir == "/" || path[dir.size()] == '/'));
}

std::string canonical_dir(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::canonical(path, ec);
  if (ec || !fs::is_directory(p, ec)) return {};
  return p.string();
}

// Kills every process of `uid` (kill(-1) from a helper running as that uid) and waits for it.
void kill_everything_of(uid_t uid) {
  const pid_t helper = fork();
  if (helper == 0) {
    if (syscall(SYS_setresgid, uid, uid, uid) != 0 || syscall(SYS_setresuid, uid, uid, uid) != 0) _exit(1);
    // kill(-1) walks every process under the task-list lock, and a fork racing with it is
    // cancelled by the pending SIGKILL; twice for good measure. (Its return value says
    // nothing: it is 0 whenever any other process exists.)
    kill(-1, SIGKILL);
    kill(-1, SIGKILL);
    _exit(0);
  }
  if (helper > 0) {
    while (waitpid(helper, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

}  // namespace

Sandbox::Sandbox(int slots, std::vector<std::string> hide, std::vector<Exposure> expose) {
  privileged_ = geteuid() == 0;
  if (!privileged_) {
    uids_.assign(static_cast<size_t>(slots), getuid());
    return;
  }
  // Dedicated uids, locked so that concurrent tl-grade runs never share one.
  mkdir(kLockDir, 0700);
  struct stat st {};
  if (lstat(kLockDir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0 || (st.st_mode & 077) != 0) {
    throw std::runtime_error(std::string(kLockDir) + " must be a root-only folder");
  }
  for (int k = 0; k < kUidRange && static_cast<int>(uids_.size()) < slots; ++k) {
    const uid_t uid = kFirstUid + static_cast<uid_t>(k);
    const std::string lock = std::string(kLockDir) + "/uid-" + std::to_string(uid);
    const int fd = open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) continue;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      close(fd);
      continue;
    }
    kill_everything_of(uid);  // leftovers of a tl-grade that died
    uids_.push_back(uid);
    lock_fds_.push_back(fd);
  }
  if (static_cast<int>(uids_.size()) < slots) throw std::runtime_error("no free grading uid");
  if (slots == 0) return;  // only trusted children will run
  mkdir(kStageDir, 0700);

  // The mount plan: hidden folders (outermost only), private tmp folders, exposures.
  std::vector<std::string> covered;
  for (const std::string& t : kTmpDirs) {
    if (!canonical_dir(t).empty()) tmp_.push_back(canonical_dir(t));
  }
  covered = tmp_;
  std::vector<std::string> hidden;
  for (const std::string& h : hide) {
    const std::string c = canonical_dir(h);
    const bool system = std::any_of(kSystemDirs.begin(), kSystemDirs.end(), [&](const std::string& s) {
      return is_within(c, s) || is_within(s, c);
    });
    if (!c.empty() && !system) hidden.push_back(c);  // never cover what programs need to run
  }
  std::sort(hidden.begin(), hidden.end());
  for (const std::string& h : hidden) {
    if (std::none_of(covered.begin(), covered.end(), [&](const std::string& c) { return is_within(h, c); })) {
      hide_.push_back(h);
      covered.push_back(h);
    }
  }
  std::sort(expose.begin(), expose.end(), [](const Exposure& a, const Exposure& b) { return a.path < b.path; });
  for (const Exposure& e : expose) {
    const std::string path = canonical_dir(e.path);
    const auto root = std::find_if(covered.begin(), covered.end(), [&](const std::string& c) { return is_within(path, c); });
    if (path.empty() || root == covered.end()) continue;  // visible anyway
    bind_stages_.push_back(std::string(kStageDir) + "/" + std::to_string(bind_stages_.size()));
    bind_targets_.push_back(path);
    bind_writable_.push_back(e.writable);
    std::vector<std::string> chain;
    for (fs::path p = path; p.string() != *root; p = p.parent_path()) chain.push_back(p.string());
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (std::find(mkdirs_.begin(), mkdirs_.end(), *it) == mkdirs_.end()) mkdirs_.push_back(*it);
    }
  }

  // Probe once: can this kernel/container give each process its own namespaces?
  const pid_t probe = fork();
  if (probe == 0) _exit(unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC) != 0 ? errno & 0xff : setup_mounts() & 0xff);
  int status = 0;
  namespaces_ = probe > 0 && waitpid(probe, &status, 0) == probe && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!namespaces_) probe_error_ = WIFEXITED(status) ? std::strerror(WEXITSTATUS(status)) : "the probe crashed";
}

Sandbox::~Sandbox() {
  for (size_t i = 0; i < uids_.size() && privileged_; ++i) kill_everything_of(uids_[i]);
  for (int fd : lock_fds_) close(fd);
}

std::string Sandbox::note() const {
  if (privileged_ && namespaces_) {
    return "isolation: a dedicated uid per job slot and private mount/network namespaces (course sources hidden)";
  }
  if (privileged_) {
    return "isolation is weaker: dedicated uids, but this kernel or container refused private mount namespaces (" +
           probe_error_ + "), so the course sources are protected only by their file permissions";
  }
  return "isolation is weaker: tl-grade is not running as root, so tests run as the grader's own user, can read the "
         "course sources and are reaped by process group and a /proc scan (run as root for dedicated uids and namespaces)";
}

// Exposures are bound to a staging tmpfs first, then moved back over the covered folders:
// a bind mount's source must be a mount of this namespace, which a covered path no longer is.
int Sandbox::setup_mounts() const noexcept {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return errno;
  if (!bind_targets_.empty() && mount("tmpfs", kStageDir, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700") != 0) {
    return errno;
  }
  for (size_t i = 0; i < bind_targets_.size(); ++i) {
    if (mkdir(bind_stages_[i].c_str(), 0700) != 0) return errno;
    if (mount(bind_targets_[i].c_str(), bind_stages_[i].c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) return errno;
  }
  for (const std::string& h : hide_) {
    if (mount("tmpfs", h.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") != 0) return errno;
  }
  for (const std::string& t : tmp_) {
    if (mount("tmpfs", t.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64m,mode=1777") != 0) return errno;
  }
  for (const std::string& d : mkdirs_) {
    if (mkdir(d.c_str(), 0755) != 0 && errno != EEXIST) return errno;
  }
  for (size_t i = 0; i < bind_targets_.size(); ++i) {
    const char* target = bind_targets_[i].c_str();
    if (mount(bind_stages_[i].c_str(), target, nullptr, MS_MOVE, nullptr) != 0) return errno;
    if (!bind_writable_[i] &&
        mount(nullptr, target, nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) != 0) {
      return errno;
    }
  }
  if (!bind_targets_.empty() && umount2(kStageDir, MNT_DETACH) != 0) return errno;
  for (const std::string& h : hide_) {
    if (mount(nullptr, h.c_str(), nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "size=1m,mode=0755") != 0) {
      return errno;
    }
  }
  return 0;
}

bool Sandbox::reap(int slot) const {
  if (!privileged_) return false;
  kill_everything_of(uids_.at(static_cast<size_t>(slot)));
  return true;
}

int Sandbox::enter(int slot) const noexcept {
  if (privileged_) {
    if (namespaces_) {
      if (unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC) != 0) return errno;
      if (const int r = setup_mounts(); r != 0) return r;
    }
    const uid_t id = uids_[static_cast<size_t>(slot)];
    // Raw system calls: glibc's wrappers synchronise threads, and this child has one.
    if (syscall(SYS_setgroups, 0, nullptr) != 0) return errno;
    if (syscall(SYS_setresgid, id, id, id) != 0) return errno;
    if (syscall(SYS_setresuid, id, id, id) != 0) return errno;
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;  // no setuid binaries
  return 0;
}

}  // namespace grade
