// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/preferences.h"

#include <sys/stat.h>

#include <charconv>

namespace zb::workstation {

std::vector<PreferenceProblem> Check(const Preferences& p) {
  std::vector<PreferenceProblem> out;
  if (!p.gateway.empty() && (p.gateway.rfind("https://", 0) != 0 || p.gateway.size() <= 8)) {
    out.push_back(
        {"gateway", "Gateway-adres: moet met https:// beginnen, bijvoorbeeld https://gateway.verpleeghuis.nl"});
  }
  if (!p.caFile.empty()) {
    struct stat st {};
    if (stat(p.caFile.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      out.push_back({"caFile", "Vertrouwde CA: het bestand " + p.caFile +
                                   " bestaat niet; kies een PEM-bestand of laat het veld leeg"});
    }
  }
  if (p.language != "nl" && p.language != "en") out.push_back({"language", "Taal: kies Nederlands of English"});
  if (p.lockMinutes < Preferences::kMinLockMinutes || p.lockMinutes > Preferences::kMaxLockMinutes) {
    out.push_back({"lockMinutes", "Vergrendelen na: kies 1 tot 240 minuten"});
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
  for (auto [key, into] :
       {std::pair{"gateway", &p.gateway}, {"ca_file", &p.caFile}, {"language", &p.language}, {"lock_minutes", &lock}}) {
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
  if (!problems.empty()) return domain::MakeError(domain::ErrorCode::kInvalidFormat, problems.front().text);
  for (auto [key, value] : {std::pair<const char*, std::string>{"gateway", p.gateway},
                            {"ca_file", p.caFile},
                            {"language", p.language},
                            {"lock_minutes", std::to_string(p.lockMinutes)}}) {
    auto r = s.Set(key, value);
    if (!r) return r.error();
  }
  return true;
}

}  // namespace zb::workstation
