// SPDX-License-Identifier: GPL-3.0-or-later
#include "peer_call.h"

#include "net/contract/waarneem_services.h"
#include "relay.h"

namespace zb::gateway {

domain::Result<Holder> PeerCaller::Find(const std::string& ura) {
  return m_relay.FindHolder(std::string(net::contract::kReportService), ura);
}

domain::Result<PeerAnswer> PeerCaller::Call(const Identity& user, const std::string& ura, std::string_view scope,
                                            const std::string& method, const std::string& path,
                                            const std::string& body) {
  auto holder = Find(ura);
  if (!holder) return holder.error();
  const std::string url = holder->fhirBase + "/" + path;
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto token = m_nuts.RequestToken(holder.value(), std::string(scope), user, attempt > 0);
    if (!token) return token.error();
    net::http::Request request{
        method, url, {{"Accept", "application/fhir+json"}, {"Authorization", token->type + " " + token->token}}, body};
    if (!body.empty()) request.headers.push_back({"Content-Type", "application/fhir+json"});
    if (token->type == "DPoP") {
      auto proof = m_nuts.DpopProof(token.value(), method, url);
      if (!proof) return proof.error();
      request.headers.push_back({"DPoP", proof.value()});
    }
    auto response = m_http.Send(request);
    if (!response)
      return Failure(504, "receiver_no_answer", holder->name + " (" + ura + "): " + response.error().detail);
    if (response->status == 401 && attempt == 0) continue;
    return PeerAnswer{response->status, response->header("Content-Type"), std::move(response->body)};
  }
  return Failure(502, "holder_authorization_error", holder->name + " refused a new token as well");
}

}  // namespace zb::gateway
