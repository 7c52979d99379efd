// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "platform/private_file.h"

namespace zb::platform {
namespace {

using domain::ErrorCode;
using domain::MakeError;

// mkstemp: O_EXCL with a random suffix, mode 0600 (glibc).
int CreateTemporary(const std::string& target, std::string& name) {
  const std::filesystem::path p(target);
  const auto folder = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::string pattern = (folder / ("." + p.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd >= 0) name = pattern;
  return fd;
}

}  // namespace

domain::Result<bool> WritePrivateFile(const std::string& path, std::string_view content) {
  std::string temporary;
  const int fd = CreateTemporary(path, temporary);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot create a file in the folder of " + path);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = written == content.size() && ::fsync(fd) == 0;
  if (::close(fd) != 0 || !ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return MakeError(ErrorCode::kIo, "cannot write " + path);
  }
  return true;
}

domain::Result<std::string> CreatePrivateTemporary(const std::string& target) {
  std::string temporary;
  const int fd = CreateTemporary(target, temporary);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot create a file in the folder of " + target);
  ::close(fd);
  return temporary;
}

domain::Result<bool> MakePrivate(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot open " + path);
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) return MakeError(ErrorCode::kIo, "cannot make " + path + " private (mode 0600)");
  return true;
}

}  // namespace zb::platform
