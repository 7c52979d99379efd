// SPDX-License-Identifier: GPL-3.0-or-later
#include "address_directory.h"

#include <nlohmann/json.hpp>

#include "domain/codes.h"
#include "net/json_member.h"

namespace zb::gateway {

using nlohmann::json;

namespace {
const std::string kUraSystem(domain::systems::kUra);  // the one URA system constant

bool HasUra(const json& org, const std::string& ura) {
  for (const auto& id : org.value("identifier", json::array())) {
    if (id.is_object() && net::StringMember(id, "system") == kUraSystem && net::StringMember(id, "value") == ura)
      return true;
  }
  return false;
}

// A work number before any other; a mobile or home number of a person is not the practice's line.
std::string WorkPhone(const json& org) {
  std::string any;
  for (const auto& t : org.value("telecom", json::array())) {
    if (!t.is_object() || net::StringMember(t, "system") != "phone") continue;
    const std::string value = net::StringMember(t, "value");
    const std::string use = net::StringMember(t, "use");
    if (value.empty() || use == "old" || use == "temp") continue;
    if (use == "work") return value;
    if (any.empty() && use != "home" && use != "mobile") any = value;
  }
  return any;
}
}  // namespace

std::string PhoneFromOrganizationBundle(const std::string& body, const std::string& ura) {
  const json bundle = json::parse(body, nullptr, false);
  if (!bundle.is_object() || net::StringMember(bundle, "resourceType") != "Bundle") return {};
  for (const auto& e : bundle.value("entry", json::array())) {
    if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object()) continue;
    const json& org = e["resource"];
    if (net::StringMember(org, "resourceType") != "Organization" || !HasUra(org, ura)) continue;
    if (org.contains("active") && org["active"] == false) continue;
    if (auto phone = WorkPhone(org); !phone.empty()) return phone;
  }
  return {};
}

std::string AddressDirectory::Phone(const std::string& ura) {
  if (m_config.addressDirectory.empty() || ura.empty()) return {};
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(m_mutex);
    auto it = m_cache.find(ura);
    if (it != m_cache.end() && it->second.second > now) return it->second.first;
  }
  const std::string url =
      m_config.addressDirectory + "/Organization?" + net::http::FormEncode({{"identifier", kUraSystem + "|" + ura}});
  auto response = m_http.Send({"GET", url, {{"Accept", "application/fhir+json"}}, ""});
  std::string phone;
  bool answered = false;
  if (response && response->status == 200) {
    phone = PhoneFromOrganizationBundle(response->body, ura);
    answered = true;
  }
  std::lock_guard lock(m_mutex);
  m_cache[ura] = {phone, now + (answered ? std::chrono::hours(1) : std::chrono::minutes(1))};
  return phone;
}

}  // namespace zb::gateway
