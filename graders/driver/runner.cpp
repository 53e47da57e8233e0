#include "runner.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <algorithm>

#include "files.h"

namespace grade {
namespace {

constexpr size_t kResultCap = 4096;

// Direct children in flight (for the unprivileged orphan sweep: any other child is an orphan
// that a test left behind and that reparented to us, the subreaper).
std::mutex g_live_mutex;
std::set<pid_t> g_live;

struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset(int f = -1) {
    if (fd >= 0) close(fd);
    fd = f;
  }
};

bool make_pipe(Fd& read_end, Fd& write_end) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) return false;
  read_end.reset(p[0]);
  write_end.reset(p[1]);
  return true;
}

// Parent pid of every process, from /proc.
std::map<pid_t, pid_t> process_parents() {
  std::map<pid_t, pid_t> parents;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return parents;
  while (dirent* e = readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 0) continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    std::getline(stat, line);
    const size_t close_paren = line.rfind(')');
    if (close_paren == std::string::npos) continue;
    char state = 0;
    long ppid = 0;
    if (std::sscanf(line.c_str() + close_paren + 1, " %c %ld", &state, &ppid) == 2) parents[static_cast<pid_t>(pid)] = static_cast<pid_t>(ppid);
  }
  closedir(proc);
  return parents;
}

// Threads of `uid` (RLIMIT_NPROC counts threads), from /proc.
int count_threads_of(uid_t uid) {
  int n = 0;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return 0;
  while (dirent* e = readdir(proc)) {
    struct stat st {};
    if (e->d_name[0] < '1' || e->d_name[0] > '9' || fstatat(dirfd(proc), e->d_name, &st, 0) != 0 || st.st_uid != uid) {
      continue;
    }
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    std::getline(stat, line);
    const size_t close_paren = line.rfind(')');
    int threads = 1;
    // Fields after the command: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
    // cmajflt utime stime cutime cstime priority nice num_threads.
    if (close_paren != std::string::npos) {
      std::sscanf(line.c_str() + close_paren + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %d",
                  &threads);
    }
    n += threads;
  }
  closedir(proc);
  return n;
}

// Unprivileged fallback: kill the child's process group, its descendants, and any orphan
// that reparented to this driver (PR_SET_CHILD_SUBREAPER) and is not another run's child.
void kill_tree(pid_t child) {
  kill(-child, SIGKILL);
  for (int round = 0; round < 5; ++round) {
    const std::map<pid_t, pid_t> parents = process_parents();
    std::set<pid_t> doomed = {child};
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [pid, ppid] : parents) {
        if (doomed.count(ppid) && doomed.insert(pid).second) grew = true;
      }
    }
    std::vector<pid_t> orphans;
    {
      std::lock_guard<std::mutex> lock(g_live_mutex);
      for (const auto& [pid, ppid] : parents) {
        if (ppid == getpid() && !g_live.count(pid)) orphans.push_back(pid);
      }
    }
    doomed.erase(child);
    if (doomed.empty() && orphans.empty()) return;
    for (pid_t pid : doomed) kill(pid, SIGKILL);
    for (pid_t pid : orphans) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

struct ChildPlan {
  std::vector<char*> argv, envp;
  int channel_fd = -1, result_fd = -1;  // numbers in the child
};

// After fork: only system calls from here to exec. Reports failure as an errno on `err`.
[[noreturn]] void child_main(const Sandbox& sandbox, const RunSpec& spec, const ChildPlan& plan, int out_w, int chan_r,
                             int res_w, int err_w, pid_t parent, rlim_t nproc) {
  auto die = [&](int code) {
    (void)!write(err_w, &code, sizeof code);
    _exit(127);
  };
  setsid();
  if (spec.confined) {
    if (const int r = sandbox.enter(spec.slot); r != 0) die(r);
  }
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) die(ESRCH);
  const Limits& lim = spec.limits;
  const rlim_t cpu = static_cast<rlim_t>(std::ceil(lim.wall_s)) + 1;
  const struct {
    int resource;
    rlim_t soft, hard;
  } limits[] = {
      {RLIMIT_CORE, 0, 0},
      {RLIMIT_CPU, cpu, cpu + 1},
      {RLIMIT_FSIZE, static_cast<rlim_t>(lim.file_bytes), static_cast<rlim_t>(lim.file_bytes)},
      {RLIMIT_NPROC, nproc, nproc},
      {RLIMIT_NOFILE, 1024, 1024},
  };
  for (const auto& l : limits) {
    const rlimit r{l.soft, l.hard};
    if (setrlimit(l.resource, &r) != 0) die(errno);
  }
  if (lim.memory_bytes > 0) {
    const rlimit r{static_cast<rlim_t>(lim.memory_bytes), static_cast<rlim_t>(lim.memory_bytes)};
    if (setrlimit(lim.memory_is_address_space ? RLIMIT_AS : RLIMIT_DATA, &r) != 0) die(errno);
  }
  if (chdir(spec.cwd.c_str()) != 0) die(errno);
  const int null = open("/dev/null", O_RDONLY);
  if (null < 0 || dup2(null, 0) < 0 || dup2(out_w, 1) < 0 || dup2(out_w, 2) < 0) die(errno);
  if (chan_r >= 0 && (dup2(chan_r, plan.channel_fd) < 0 || dup2(res_w, plan.result_fd) < 0)) die(errno);
  // Close every fd but 0-2, the two channel fds and `err` (close-on-exec).
  int keep[] = {plan.channel_fd, plan.result_fd, err_w};
  std::sort(std::begin(keep), std::end(keep));
  unsigned lo = 3;
  for (int k : keep) {
    if (k < 0) continue;
    if (static_cast<unsigned>(k) > lo) syscall(SYS_close_range, lo, static_cast<unsigned>(k) - 1, 0);
    lo = static_cast<unsigned>(k) + 1;
  }
  syscall(SYS_close_range, lo, ~0U, 0);
  execve(plan.argv[0], plan.argv.data(), plan.envp.data());
  die(errno);
  _exit(127);  // not reached
}

}  // namespace

std::string RunResult::describe(double wall_limit) const {
  if (!error.empty()) return error;
  if (timed_out) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "timed out after %g s", wall_limit);
    return buf;
  }
  if (flooded) return "killed: it wrote more than " + std::to_string(output_bytes >> 20) + " MiB of output";
  if (signal == SIGXCPU) return "killed: CPU time limit exceeded (SIGXCPU)";
  if (signal != 0) return "killed by signal " + signal_name(signal) + " (" + strsignal(signal) + ")";
  return "exited with status " + std::to_string(exit_code);
}

RunResult run_process(const Sandbox& sandbox, const RunSpec& spec) {
  RunResult result;
  const double start = now_s();
  // Without dedicated uids, orphans must come back to us to be found (kill_tree).
  static std::once_flag subreaper;
  if (!sandbox.privileged()) std::call_once(subreaper, [] { prctl(PR_SET_CHILD_SUBREAPER, 1); });

  Fd out_r, out_w, chan_r, chan_w, res_r, res_w, err_r, err_w;
  if (!make_pipe(out_r, out_w) || !make_pipe(err_r, err_w)) {
    result.error = std::string("cannot create pipes: ") + std::strerror(errno);
    return result;
  }
  ChildPlan plan;
  std::vector<std::string> env = spec.env;
  std::string secret;
  if (!spec.test_name.empty()) {
    if (!make_pipe(chan_r, chan_w) || !make_pipe(res_r, res_w)) {
      result.error = std::string("cannot create pipes: ") + std::strerror(errno);
      return result;
    }
    // Random fd numbers away from 0-2, so a fixed guess does not find them.
    const std::string r = random_hex(4);
    plan.channel_fd = 100 + static_cast<int>(std::stoul(r.substr(0, 4), nullptr, 16) % 400);
    plan.result_fd = 500 + static_cast<int>(std::stoul(r.substr(4, 4), nullptr, 16) % 400);
    secret = random_hex(16);
    const std::string message = secret + " " + std::to_string(plan.result_fd) + " " + spec.test_name + "\n";
    if (write(chan_w.fd, message.data(), message.size()) != static_cast<ssize_t>(message.size())) {
      result.error = "cannot write the test channel";
      return result;
    }
    chan_w.reset();  // the child sees EOF after the message
    env.push_back("TL_GRADE_CHANNEL=" + std::to_string(plan.channel_fd));
  }
  std::vector<std::string> argv = spec.argv;
  for (std::string& a : argv) plan.argv.push_back(a.data());
  plan.argv.push_back(nullptr);
  for (std::string& e : env) plan.envp.push_back(e.data());
  plan.envp.push_back(nullptr);
  // RLIMIT_NPROC counts every process of the uid: a slot uid has none; our own user has some.
  const bool own_uid = !(spec.confined && sandbox.privileged());
  const rlim_t nproc = static_cast<rlim_t>(spec.limits.processes + (own_uid ? count_threads_of(getuid()) : 0));

  const pid_t parent = getpid();
  pid_t pid;
  {
    std::lock_guard<std::mutex> lock(g_live_mutex);  // so the orphan sweep never sees it unregistered
    pid = fork();
    if (pid == 0) child_main(sandbox, spec, plan, out_w.fd, chan_r.fd, res_w.fd, err_w.fd, parent, nproc);
    if (pid > 0) g_live.insert(pid);
  }
  if (pid < 0) {
    result.error = std::string("cannot fork: ") + std::strerror(errno);
    return result;
  }
  out_w.reset();
  chan_r.reset();
  res_w.reset();
  err_w.reset();
  int child_errno = 0;
  if (read(err_r.fd, &child_errno, sizeof child_errno) == sizeof child_errno) {
    result.error = std::string("cannot start ") + spec.argv[0] + ": " + std::strerror(child_errno);
  }

  const Fd pidfd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));
  const double deadline = start + spec.limits.wall_s;
  std::string results;
  int status = 0;
  bool reaped = false;
  char buf[65536];
  auto drain = [&](Fd& fd, bool is_output) {
    const ssize_t n = read(fd.fd, buf, sizeof buf);
    if (n <= 0) {
      if (n == 0 || (errno != EINTR && errno != EAGAIN)) fd.reset();
      return;
    }
    if (is_output) {
      result.output_bytes += static_cast<size_t>(n);
      if (result.output.size() < spec.limits.output_cap) {
        result.output.append(buf, std::min(static_cast<size_t>(n), spec.limits.output_cap - result.output.size()));
      }
    } else if (results.size() < kResultCap) {
      results.append(buf, std::min(static_cast<size_t>(n), kResultCap - results.size()));
    }
  };
  while (!reaped && result.error.empty()) {
    const double left = deadline - now_s();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[3] = {{out_r.fd, POLLIN, 0}, {res_r.fd, POLLIN, 0}, {pidfd.fd, POLLIN, 0}};
    const int timeout_ms = pidfd.fd >= 0 ? static_cast<int>(std::ceil(left * 1000)) : std::min(10, static_cast<int>(std::ceil(left * 1000)));
    if (poll(fds, 3, timeout_ms) < 0 && errno != EINTR) break;
    if (fds[0].revents) drain(out_r, true);
    if (fds[1].revents) drain(res_r, false);
    if (result.output_bytes > spec.limits.flood_bytes) {
      result.flooded = true;
      break;
    }
    if (pidfd.fd < 0 || fds[2].revents) reaped = waitpid(pid, &status, WNOHANG) == pid;
  }
  result.wall_s = now_s() - start;

  // Kill whatever is left: the child if it overran, and everything it started.
  if (!(spec.confined && sandbox.reap(spec.slot))) kill_tree(pid);
  if (!reaped) {
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  {
    std::lock_guard<std::mutex> lock(g_live_mutex);
    g_live.erase(pid);
  }
  // With every writer gone the pipes reach EOF; a short bound in case one escaped.
  const double drain_until = now_s() + 1.0;
  while ((out_r.fd >= 0 || res_r.fd >= 0) && now_s() < drain_until) {
    pollfd fds[2] = {{out_r.fd, POLLIN, 0}, {res_r.fd, POLLIN, 0}};
    if (poll(fds, 2, 100) <= 0) continue;
    if (fds[0].revents) drain(out_r, true);
    if (fds[1].revents) drain(res_r, false);
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !result.timed_out && !result.flooded) result.signal = WTERMSIG(status);
  if (!secret.empty()) {
    const std::string expected = secret + " PASS " + spec.test_name + "\n";
    result.pass_reported = results.find(expected) != std::string::npos;
  }
  return result;
}

}  // namespace grade
