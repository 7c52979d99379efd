// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's control plane for tests and the demo (not part of any real API): counters, the
// last token_v2 JWTs and DPoP proofs seen (so independent tools can verify them), and knobs that
// make a holder's node forget its tokens or its authorization server refuse new ones.
#include <boost/date_time/posix_time/posix_time.hpp>

#include "net/jose/random.h"
#include "world.h"

namespace zb::sandbox {

using nlohmann::json;

void RegisterControl(httplib::Server& server, World& world) {
  server.Get("/__test/state", [&world](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    json out{{"counters", world.counters},
             {"token_v2", world.capturedTokenV2},
             {"dpop", world.capturedDpop},
             {"token_claims", world.capturedClaims},
             {"authorized_keys", json::array()}};
    for (const auto& [user, key] : world.authorizedKeys)
      out["authorized_keys"].push_back({{"user", user}, {"jwk", key.PublicJwk()}});
    res.set_content(out.dump(), "application/json");
  });
  // What the receivers accepted: per holder, each release's identifier, answer, Bundle and sender.
  server.Get("/__test/received", [&world](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    json out = json::object();
    for (const auto& [holder, list] : world.received) {
      out[holder] = json::array();
      for (const auto& r : list)
        out[holder].push_back(
            {{"identifier", r.identifier}, {"response", r.response}, {"bundle", r.bundle}, {"sender", r.sender}});
    }
    res.set_content(out.dump(), "application/json");
  });
  // The pharmacies' processing answers: what was sent back ({holder, url, status, error}), how many
  // wait; POST {"delay_ms": n} sets the delay before a pharmacy answers (< 0: hold them all).
  server.Get("/__test/processing", [&world](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    json out{{"sent", world.processingLog},
             {"waiting", world.processingJobs.size()},
             {"delay_ms", world.processingDelayMs},
             {"registration", world.Own().activations}};
    res.set_content(out.dump(), "application/json");
  });
  server.Post("/__test/processing", [&world](const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.value("delay_ms", json()).is_number_integer())
      return Problem(res, 400, "bad setting", "give delay_ms (milliseconds; < 0 holds the answers)");
    std::lock_guard lock(world.mutex);
    world.processingDelayMs = body["delay_ms"].get<int>();
    res.status = 204;
  });
  // A token our organisation's authorization server (or that of "subject") issued to a holder for
  // `scope`, bound to the caller's key `jkt`: a test plays another pharmacy system posting to the
  // gateway's /inbound, or a third organisation pulling an on-call report it is not the owner of.
  server.Post("/__test/inbound-token", [&world](const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    for (const char* m : {"holder", "scope", "jkt"}) {
      if (!body.is_object() || !body.value(m, json()).is_string())
        return Problem(res, 400, "bad token request", "give holder, scope and jkt");
    }
    std::lock_guard lock(world.mutex);
    const Subject* subject = world.FindSubject(body.value("subject", world.Own().id));
    if (!subject) return Problem(res, 404, "unknown subject", "no subject " + body.value("subject", ""));
    for (const auto& h : world.holders) {
      if (h.id != body["holder"]) continue;
      const std::string token = net::jose::RandomToken(24);
      world.tokens[token] = IssuedToken{"DPoP",
                                        AuthServerOf(world, *subject),
                                        body["scope"],
                                        body["jkt"],
                                        h.did,
                                        json(),
                                        Now() + 900,
                                        false,
                                        {{"organization_ura", h.ura}, {"organization_name", h.name}}};
      res.set_content(json{{"token", token}}.dump(), "application/json");
      return;
    }
    Problem(res, 404, "unknown holder", "no holder " + body["holder"].get<std::string>());
  });
  // A source changes a line after the start: {"bsn", "treatment"} (the MBH value) gives the holder a
  // new registration of that treatment's agreement (a new identifier, registered now), as a
  // hospital's change between a draft and its release. Answers the new identifier.
  server.Post(R"(/__test/holder/([a-z]+)/amend-agreement)", [&world](const httplib::Request& req,
                                                                     httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.value("bsn", json()).is_string() || !body.value("treatment", json()).is_string())
      return Problem(res, 400, "bad amendment", "give bsn and treatment (the MBH identifier value)");
    std::lock_guard lock(world.mutex);
    const std::string holder = req.matches[1].str();
    auto data = world.holderData.find(holder);
    const PatientRecord* patient = data == world.holderData.end() ? nullptr : data->second->ByBsn(body["bsn"]);
    if (!patient) return Problem(res, 404, "unknown patient", "the holder does not know this patient");
    for (const auto& entry : patient->entries) {
      const json& r = entry.value("resource", json::object());
      if (r.value("resourceType", "") != "MedicationRequest" || r.dump().find("\"33633005\"") == std::string::npos ||
          r.dump().find("\"" + body["treatment"].get<std::string>() + "\"") == std::string::npos)
        continue;
      json changed = entry;
      json& a = changed["resource"];
      a["id"] = a.value("id", "ma") + "-gewijzigd";
      changed["fullUrl"] = entry.value("fullUrl", "") + "-gewijzigd";
      for (auto& id : a["identifier"]) id["value"] = id.value("value", "") + "-gewijzigd";
      for (auto& ext : a["extension"]) {
        if (ext.value("url", "").ends_with("ext-RegistrationDateTime"))
          ext["valueDateTime"] =
              boost::posix_time::to_iso_extended_string(boost::posix_time::second_clock::universal_time()) + "Z";
      }
      world.amendments[holder + "|" + body["bsn"].get<std::string>()].push_back(changed);
      res.set_content(json{{"identifier", a["identifier"]}}.dump(), "application/json");
      return;
    }
    Problem(res, 404, "unknown treatment", "no agreement of this treatment at " + holder);
  });
  // Takes a holder's amendments back (tests that share one world leave it as they found it).
  server.Delete(R"(/__test/holder/([a-z]+)/amendments)", [&world](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    const std::string prefix = req.matches[1].str() + "|";
    std::erase_if(world.amendments, [&prefix](const auto& a) { return a.first.rfind(prefix, 0) == 0; });
    res.status = 204;
  });
  // A cold start for benchmarks: the node forgets the service access tokens it cached.
  server.Post("/__test/clear-token-cache", [&world](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    world.tokenCache.clear();
    res.status = 204;
  });
  server.Post("/__test/expire-tokens", [&world](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(world.mutex);
    for (auto& [token, issued] : world.tokens) issued.revokedAtHolder = true;
    res.status = 204;
  });
  // Patches a holder's behaviour (holder_behaviour.h): {"latency_ms", "page_size",
  // "separate_includes", "fault": {"kind", "times", "retry_after", "ms", "bytes"}, "access": {BSN: code}}.
  server.Post(R"(/__test/holder/([a-z]+)/behaviour)", [&world](const httplib::Request& req, httplib::Response& res) {
    const json patch = json::parse(req.body, nullptr, false);
    std::string restart;
    {
      std::lock_guard lock(world.mutex);
      HolderInfo* h = nullptr;
      for (auto& candidate : world.holders) {
        if (candidate.id == req.matches[1].str()) h = &candidate;
      }
      if (!h) return Problem(res, 404, "unknown holder", req.matches[1].str());
      const std::string before = h->behaviour.fault.kind;
      if (patch.is_object() && patch.value("policy", "") == "knooppunt" && !world.knooppunt)
        return Problem(res, 400, "bad behaviour",
                       "the knooppunt policy is not loaded: start the sandbox with --knooppunt-dir "
                       "<../shared/specs/nuts-knooppunt>");
      if (auto error = Patch(h->behaviour, patch)) return Problem(res, 400, "bad behaviour", *error);
      const std::string after = h->behaviour.fault.kind;
      if (NeedsRestart(after) && after != before)
        restart = after == "refused" ? "stop" : after;
      else if (NeedsRestart(before) && !NeedsRestart(after))
        restart = "normal";
      res.set_content(Describe(h->behaviour).dump(), "application/json");
    }
    // Outside the lock: stopping a listener waits for its running requests, which take the lock.
    if (!restart.empty() && !(world.restartHolder && world.restartHolder(req.matches[1].str(), restart))) {
      Problem(res, 500, "restart failed", "the holder's listener could not be restarted as " + restart);
    }
  });
  server.Post(R"(/__test/holder/([a-z]+)/refuse-tokens)",
              [&world](const httplib::Request& req, httplib::Response& res) {
                std::lock_guard lock(world.mutex);
                for (auto& h : world.holders) {
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
