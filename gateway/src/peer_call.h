// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A call to another organisation's gateway for an on-call report (a notification, a pull, an
// acknowledgement): the organisation is found by URA on the report Discovery Service, a token for
// `scope` bound to the user is obtained from our node and the call goes with a fresh DPoP proof;
// once more with a new token when the other side answers 401.
#include <string>
#include <string_view>

#include "domain/result.h"
#include "identity.h"
#include "nuts_client.h"

namespace zb::gateway {

class Relay;

struct PeerAnswer {
  long status = 0;
  std::string contentType;
  std::string body;
};

class PeerCaller {
 public:
  PeerCaller(Relay& relay, NutsClient& nuts, const net::http::Client& http)
      : m_relay(relay), m_nuts(nuts), m_http(http) {}
  // The organisation's registration (problem "holder_not_in_directory" when it has none).
  domain::Result<Holder> Find(const std::string& ura);
  // `path` relative to the organisation's registered FHIR base ("Task", "Task/<id>", …).
  domain::Result<PeerAnswer> Call(const Identity& user, const std::string& ura, std::string_view scope,
                                  const std::string& method, const std::string& path, const std::string& body = {});

 private:
  Relay& m_relay;
  NutsClient& m_nuts;
  const net::http::Client& m_http;
};

}  // namespace zb::gateway
