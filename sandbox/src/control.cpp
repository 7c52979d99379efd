// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's control plane for tests and the demo (not part of any real API): counters, the
// last token_v2 JWTs and DPoP proofs seen (so independent tools can verify them), and knobs that
// make a holder's node forget its tokens or its authorization server refuse new ones.
#include "world.h"

namespace zb::sandbox {

using nlohmann::json;

void RegisterControl(httplib::Server& server, World& w) {
  server.Get("/__test/state", [&w](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(w.mutex);
    json out{{"counters", w.counters}, {"token_v2", w.capturedTokenV2}, {"dpop", w.capturedDpop},
             {"authorized_keys", json::array()}};
    for (const auto& [user, key] : w.authorizedKeys) out["authorized_keys"].push_back({{"user", user}, {"jwk", key.PublicJwk()}});
    res.set_content(out.dump(), "application/json");
  });
  server.Post("/__test/expire-tokens", [&w](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(w.mutex);
    for (auto& [token, issued] : w.tokens) issued.revokedAtHolder = true;
    res.status = 204;
  });
  server.Post(R"(/__test/holder/([a-z]+)/refuse-tokens)", [&w](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(w.mutex);
    for (auto& h : w.holders) {
      if (h.id == req.matches[1].str()) {
        h.refuseTokens = req.get_param_value("on") != "0";
        res.status = 204;
        return;
      }
    }
    res.status = 404;
  });
}

}  // namespace zb::sandbox
