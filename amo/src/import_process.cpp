// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo/import_process.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <vector>

#include "amo/amo_json.h"

extern char** environ;

namespace zb::amo {
namespace {

using domain::ErrorCode;
using domain::MakeError;

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void CloseEnd(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

std::string FirstLine(const std::string& text) {
  const auto nl = text.find('\n');
  std::string line = text.substr(0, nl);
  const std::string prefix = "zorgbrug-amo-import: ";
  if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
  return line;
}

}  // namespace

std::string ImporterPath() {
  if (const char* env = std::getenv("ZB_AMO_IMPORTER"); env && *env) return env;
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto beside = self.parent_path() / "zorgbrug-amo-import";
    if (std::filesystem::exists(beside)) return beside.string();
  }
#ifdef ZB_AMO_IMPORTER_BUILD_PATH
  return ZB_AMO_IMPORTER_BUILD_PATH;
#else
  return "zorgbrug-amo-import";
#endif
}

domain::Result<domain::AmoDocument> ImportInProcess(const ImportCall& call) {
  Pipe out, err;
  if (pipe(out.fd) != 0 || pipe(err.fd) != 0) return MakeError(ErrorCode::kIo, "cannot start the AMO importer (pipe)");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  posix_spawn_file_actions_addclose(&actions, out.fd[0]);
  posix_spawn_file_actions_addclose(&actions, err.fd[0]);
  const std::string path = ImporterPath();
  std::vector<std::string> args = {path};
  if (!call.ocr) args.emplace_back("--no-ocr");
  args.push_back(call.file);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return MakeError(ErrorCode::kUnavailable, "the AMO importer (" + path + ") cannot be started");
  out.CloseEnd(1);
  err.CloseEnd(1);

  std::string stdoutText, stderrText;
  const auto until = std::chrono::steady_clock::now() + call.deadline;
  bool outOpen = true, errOpen = true, late = false;
  char buf[65536];
  while (outOpen || errOpen) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      late = true;
      break;
    }
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    if (!outOpen) fds[0].fd = -1;
    if (!errOpen) fds[1].fd = -1;
    if (poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000))) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        (i == 0 ? outOpen : errOpen) = false;
      } else {
        (i == 0 ? stdoutText : stderrText).append(buf, static_cast<size_t>(n));
        if (stdoutText.size() > (256u << 20)) late = true;  // an answer this size is not an AMO's
      }
    }
    if (late) break;
  }
  if (late) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string file = std::filesystem::path(call.file).filename().string();
  if (late) {
    return MakeError(ErrorCode::kTimeout, file + ": reading the AMO took longer than " +
                                              std::to_string(call.deadline.count()) +
                                              " s and was stopped; nothing was imported");
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const std::string why = sig == SIGXCPU ? "used too much processor time"
                            : sig == SIGKILL || sig == SIGSEGV || sig == SIGABRT
                                ? "ran out of memory or failed"
                                : "was stopped (signal " + std::to_string(sig) + ")";
    return MakeError(ErrorCode::kInvalidFormat, file + ": the importer " + why + " on this file; nothing was imported");
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 2) return MakeError(ErrorCode::kInvalidFormat, FirstLine(stderrText));
  if (code != 0) {
    return MakeError(ErrorCode::kUnavailable,
                     file + ": the AMO importer failed (exit " + std::to_string(code) + "): " + FirstLine(stderrText));
  }
  nlohmann::json answer = nlohmann::json::parse(stdoutText, nullptr, false);
  if (answer.is_discarded()) return MakeError(ErrorCode::kInvalidFormat, file + ": the importer's answer is not JSON");
  return FromJson(answer);
}

}  // namespace zb::amo
