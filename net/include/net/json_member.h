// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading members of JSON that came from outside (holders, the node, DEZI, files a user may have
// edited). nlohmann's `value(key, "")` throws when the member has another type or the value is not
// an object; an answer like {"resourceType": 5} must read as "not what we expect", never as an
// exception escaping a network callback.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace zb::net {

// The member as a string; empty when `j` is not an object or the member is absent or not a string.
inline std::string StringMember(const nlohmann::json& j, std::string_view name) {
  if (!j.is_object()) return {};
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The member as a string, or `fallback` when it is absent or not a string.
inline std::string StringMemberOr(const nlohmann::json& j, std::string_view name, std::string fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::move(fallback);
}

// The member `name` of an object, or a null value (never throws, never inserts).
inline const nlohmann::json& MemberRef(const nlohmann::json& j, std::string_view name) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(name);
  return it == j.end() ? kNull : *it;
}

}  // namespace zb::net
