// SPDX-License-Identifier: GPL-3.0-or-later
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "platform/paths.h"

namespace zb::platform {

std::string DataDir() {
  std::string dir;
  if (const char* own = std::getenv("ZORGBRUG_DATA_DIR"); own && *own) {
    dir = own;
  } else {
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
      base = xdg;
    } else {
      const char* home = std::getenv("HOME");
      if (!home || !*home) {
        const passwd* pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : nullptr;
      }
      if (!home) return {};
      base = std::string(home) + "/.local/share";
    }
    ::mkdir(base.c_str(), 0700);  // may exist already
    dir = base + "/zorgbrug";
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return {};
  return dir;
}

std::string DefaultStorePath() {
  const std::string d = DataDir();
  return d.empty() ? std::string() : d + "/zorgbrug.db";
}

std::string DefaultKeyFile() {
  const std::string d = DataDir();
  return d.empty() ? std::string() : d + "/store.key";
}

}  // namespace zb::platform
