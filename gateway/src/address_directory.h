// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The organisation's mCSD Query Directory (GF Adressering): whom to call at a holder. Discovery
// says where a holder's FHIR server is; the address directory holds the Organization resources
// with their telecom. Optional: without a configured directory, or when it does not answer, a
// holder simply has no phone number; a lookup never fails for it.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "gateway/config.h"
#include "net/http/client.h"

namespace zb::gateway {

class AddressDirectory {
 public:
  AddressDirectory(const GatewayConfig& config, const net::http::Client& http) : m_config(config), m_http(http) {}
  // The work phone number of the organisation with this URA, "" when unknown.
  std::string Phone(const std::string& ura);

 private:
  const GatewayConfig& m_config;
  const net::http::Client& m_http;
  std::mutex m_mutex;
  // URA -> phone, valid until. Numbers rarely change; an unanswered lookup is retried after a minute.
  std::map<std::string, std::pair<std::string, std::chrono::steady_clock::time_point>> m_cache;
};

// The work phone of the Organization with `ura` in an mCSD searchset, "" when none (exposed for tests).
std::string PhoneFromOrganizationBundle(const std::string& body, const std::string& ura);

}  // namespace zb::gateway
