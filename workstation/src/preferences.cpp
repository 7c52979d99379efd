// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/stat.h>

#include <charconv>

#include "preference_storage.h"

namespace zb::workstation {

std::vector<PreferenceProblem> Check(const Preferences& p) {
  std::vector<PreferenceProblem> out;
  if (!p.gateway.empty() && (p.gateway.rfind("https://", 0) != 0 || p.gateway.size() <= 8)) {
    out.push_back({"gateway", p.gateway});
  }
  if (!p.caFile.empty()) {
    struct stat st {};
    if (stat(p.caFile.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      out.push_back({"caFile", p.caFile});
    }
  }
  if (p.language != "nl" && p.language != "en") out.push_back({"language", p.language});
  if (p.lockMinutes < Preferences::kMinLockMinutes || p.lockMinutes > Preferences::kMaxLockMinutes) {
    out.push_back({"lockMinutes", std::to_string(p.lockMinutes)});
  }
  return out;
}

domain::Result<Preferences> LoadPreferences(store::Settings& s) {
  Preferences p;
  auto Read = [&s](const char* key, std::string& into) -> std::optional<domain::Error> {
    auto v = s.Get(key);
    if (!v) return v.error();
    if (v.value()) into = *v.value();
    return std::nullopt;
  };
  std::string lock;
  for (auto [key, into] : {std::pair{"gateway", &p.gateway},
                           {"ca_file", &p.caFile},
                           {"language", &p.language},
                           {"lock_minutes", &lock},
                           {"inbox_team", &p.inboxTeam}}) {
    if (auto e = Read(key, *into)) return *e;
  }
  if (!lock.empty()) {
    int minutes = 0;
    auto [ptr, ec] = std::from_chars(lock.data(), lock.data() + lock.size(), minutes);
    if (ec == std::errc() && ptr == lock.data() + lock.size()) p.lockMinutes = minutes;
  }
  return p;
}

domain::Result<bool> SavePreferences(store::Settings& s, const Preferences& p) {
  const auto problems = Check(p);
  if (!problems.empty()) {
    return domain::MakeError(domain::ErrorCode::kInvalidFormat, "setting '" + problems.front().field + "': '" +
                                                                    problems.front().value + "' is not allowed");
  }
  for (auto [key, value] : {std::pair<const char*, std::string>{"gateway", p.gateway},
                            {"ca_file", p.caFile},
                            {"language", p.language},
                            {"lock_minutes", std::to_string(p.lockMinutes)},
                            {"inbox_team", p.inboxTeam}}) {
    auto r = s.Set(key, value);
    if (!r) return r.error();
  }
  return true;
}

}  // namespace zb::workstation
