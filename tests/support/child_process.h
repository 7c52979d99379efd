// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A child process for integration tests: started with posix_spawn, stdout read line by line
// (services announce themselves with one JSON line), stderr captured to a file, and stopped with
// SIGTERM (then SIGKILL) when the object goes away, so no test leaves servers behind.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace zb::test {

class ChildProcess {
 public:
  pid_t pid() const { return m_pid; }
  // With `stdoutToFile`, stdout goes to the stderr file too (for chatty tools whose output must be
  // kept and must never fill a pipe); wait on it with WaitForText.
  ChildProcess(const std::vector<std::string>& argv, const std::string& stderrFile,
               const std::vector<std::string>& extraEnv = {}, bool stdoutToFile = false);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next stdout line containing `marker`, or nullopt after `timeout` or when the child exits.
  std::optional<std::string> WaitForLine(const std::string& marker, std::chrono::milliseconds timeout);
  // Polls the log file until it contains `marker`.
  bool WaitForText(const std::string& marker, std::chrono::milliseconds timeout) const;
  // Waits for the child to exit; returns its exit code (or -1 on a signal or timeout).
  int Wait(std::chrono::milliseconds timeout);
  void Stop();
  const std::string& stderrFile() const { return m_stderrFile; }

 private:
  pid_t m_pid = -1;
  int m_stdout = -1;
  std::string m_buffer;
  std::string m_stderrFile;
};

std::string ReadTextFile(const std::string& path);
// A fresh directory under the build tree's temp area.
std::string MakeTempDir(const std::string& prefix);
// A free TCP port on 127.0.0.1 (bound and released; good enough for tests).
int FreePort();

}  // namespace zb::test
