// Who untrusted processes (student compiles and tests) run as, and what they can see.
//
// As root: each job slot gets a dedicated uid/gid (60000 + n, locked across concurrent
// tl-grade runs under /run/tl-grade-uids, no passwd entry needed), so RLIMIT_NPROC counts
// only that slot, the process cannot signal the driver or read root-only files, and after a
// run `kill(-1, SIGKILL)` as that uid reaps everything it left. When the kernel allows it, each
// process also gets private mount, network and IPC namespaces: the course repository and
// build trees are covered by empty read-only tmpfs (only the public headers, the precompiled
// header and the run folder are bound back), /tmp, /var/tmp and /dev/shm are private tmpfs,
// and there is no network.
// Not root: processes run as the driver's own user (weaker; said in every results.json).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace grade {

struct Exposure {
  std::string path;
  bool writable = false;
};

class Sandbox {
 public:
  /// `hide`: folders replaced by empty tmpfs; `expose`: folders bound back at the same path.
  /// `slots` 0: only trusted children will run (no uids, no namespaces).
  Sandbox(int slots, std::vector<std::string> hide, std::vector<Exposure> expose);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  bool privileged() const { return privileged_; }
  bool namespaces() const { return namespaces_; }
  int slots() const { return static_cast<int>(uids_.size()); }
  uid_t uid(int slot) const { return uids_.at(static_cast<size_t>(slot)); }
  /// One line on how strong the isolation is (goes into every results.json).
  std::string note() const;

  /// In a forked child, before exec: enters the namespaces and drops to the slot's uid.
  /// Only system calls (safe after fork in a threaded process). Returns 0 or an errno.
  int enter(int slot) const noexcept;

  /// As root: kills every process of the slot's uid and returns true. Otherwise false
  /// (the runner then falls back to process groups and a /proc scan).
  bool reap(int slot) const;

 private:
  int setup_mounts() const noexcept;

  bool privileged_ = false;
  bool namespaces_ = false;
  std::string probe_error_;
  std::vector<uid_t> uids_;
  std::vector<int> lock_fds_;
  // Prepared before any fork: the child only reads these.
  std::vector<std::string> hide_, tmp_, mkdirs_, bind_stages_, bind_targets_;
  std::vector<bool> bind_writable_;
};

}  // namespace grade
