// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The gateway API's JSON, both ways, for the contract types of gateway_api.h. The gateway writes
// with To*, the desktop reads with the Read* functions, which name the member that is missing or
// of the wrong type (the caller adds which call it was).
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "net/contract/gateway_api.h"

namespace zb::net::contract {

nlohmann::json ToJson(const Problem& problem);  // problem+json, with type and title
nlohmann::json ToJson(const LoginConfiguration& configuration);
nlohmann::json ToJson(const LoginRequest& request);
nlohmann::json ToJson(const SessionUser& user);
nlohmann::json ToJson(const SessionInfo& session);                  // without "session_token" when the token is empty
nlohmann::json ToJson(const std::vector<DirectoryEntry>& entries);  // {"holders": [...]}

// A problem+json body; nullopt when the body is not one (no "code").
std::optional<Problem> ReadProblem(int status, std::string_view body);
domain::Result<LoginConfiguration> ReadLoginConfiguration(std::string_view body);
domain::Result<LoginRequest> ReadLoginRequest(std::string_view body);
domain::Result<SessionInfo> ReadSessionInfo(std::string_view body, bool tokenRequired);
domain::Result<std::vector<DirectoryEntry>> ReadDirectory(std::string_view body);

}  // namespace zb::net::contract
