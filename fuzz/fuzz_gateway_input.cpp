// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness for what the gateway and the desktop take from a client or a holder before any
// outgoing call (issue 14): the login request body, the request target as the server decodes it
// (percent-encoding, UTF-8, query parameters), the relay's path and patient checks, and next-page
// links with their RFC 3986 normalisation, and the session proof (DPoP) a desktop sends with each
// request, a pharmacy's processing Bundle posted to /inbound, another organisation's on-call report
// notification (POST /waarneem/fhir/Task) with its routing label, its teams (HealthcareService), and the desktop's
// readers of the report outbox, inbox and pulled report. The first byte picks the parser; the rest is the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "net/contract/gateway_api_json.h"
#include "net/contract/report_api.h"
#include "net/http/async_server.h"
#include "next_link.h"
#include "processing_inbound.h"
#include "relay.h"
#include "report_tasks.h"
#include "report_teams.h"
#include "session_proof.h"

namespace {

const std::string kBase = "https://127.0.0.1:9443/api/v1/relay/medicatieoverdracht-gf/90000402";

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  namespace http = zb::net::http;
  namespace client = zb::net::client;
  switch (data[0] % 9) {
    case 0:
      (void)zb::net::contract::ReadLoginRequest(input);
      break;
    case 1: {
      // Whatever decodes is valid UTF-8; a path that decodes keeps no raw '%' escape unchecked.
      if (auto path = http::PercentDecode(input, false)) Check(http::IsValidUtf8(*path));
      if (auto value = http::PercentDecode(input, true)) Check(http::IsValidUtf8(*value));
      break;
    }
    case 2: {
      const auto q = input.find('?');
      const std::string path = input.substr(0, q);
      // An allowed relay path never climbs: no dot segment survives the check.
      if (zb::gateway::AllowedPath(path)) {
        Check(path.find("/..") == std::string::npos || path.find("/..") + 3 < path.size());
        Check(path.substr(path.rfind('/') + 1) != "..");
      }
      // Every distinct BSN is also counted: a request can never name more patients than it is refused for.
      const auto named = zb::gateway::PatientsNamedIn(q == std::string::npos ? "" : input.substr(q + 1));
      Check(named.count >= named.bsns.size());
      (void)zb::gateway::QueryKind(path, q == std::string::npos ? "" : input.substr(q + 1));
      break;
    }
    case 3: {
      // A followed next link stays below the base, whatever dots and escapes it held.
      auto r = client::CheckNextLink(kBase, input, "MedicationRequest?patient=p1");
      if (const auto* relative = std::get_if<std::string>(&r)) {
        const std::string path = relative->substr(0, relative->find('?'));
        Check(client::RemoveDotSegments("/" + path) == "/" + path);
        Check(path.rfind("MedicationRequest", 0) == 0);
      }
      break;
    }
    case 5: {
      // The gateway's clock is taken as the seed's (1800000000), so that a proof with a right
      // signature gets past the freshness check to the htu and ath checks.
      const zb::gateway::ProofTarget target{"GET", "gw.example:8443",
                                            "/api/v1/relay/medicatieoverdracht-gf/90000402/MedicationRequest", "tok"};
      const auto checked = zb::gateway::CheckSessionProof(input, target, 1800000000);
      if (checked) Check(checked->jkt.size() == 43 && !checked->jti.empty());
      break;
    }
    case 6: {
      // A pharmacy's processing Bundle at /inbound: accepted only whole — a patient, and per TA/MVE
      // its own and its authorising identifier — and then nothing is missing from what is kept.
      const auto read = zb::gateway::ReadProcessingBundle(input);
      if (read.problems.empty()) {
        Check(!read.bsn.empty() && !read.resources.empty());
        Check(read.identifiers.size() == read.resources.size() && read.authorising.size() == read.resources.size());
      }
      break;
    }
    case 7: {
      // A notification accepted for checking names both organisations and one workflow Task; the
      // Task id taken from basedOn is a UUID directly under the sender's base, nothing else.
      const auto n = zb::gateway::ReadNotification(input);
      if (n.problems.empty()) {
        Check(n.id.size() == 36 && !n.requesterUra.empty() && !n.ownerUra.empty() && !n.basedOn.empty());
        const std::string base = "https://gw.example/waarneem/fhir";
        const std::string id = zb::gateway::TaskIdUnder(n.basedOn, base);
        if (!id.empty()) Check(id.size() == 36 && n.basedOn == base + "/Task/" + id);
      }
      // The sender's workflow Task and request sub-Tasks as the receiving gateway reads them: only
      // "Task/<uuid>" references come out, and a summary of anything is an object.
      const auto task = nlohmann::json::parse(input, nullptr, false);
      for (const auto& requestId : zb::gateway::RequestIds(task)) Check(requestId.size() == 36);
      Check(zb::gateway::RequestSummary(task).is_object());
      // The routing label a notification names (a team of ours, or none): a short id when there is one.
      if (auto team = zb::gateway::RoutedTeam(task)) Check(!team->id.empty() && team->id.size() <= 64);
      // Another organisation's teams (GET <its base>/HealthcareService): each with an id and a name.
      if (auto teams = zb::gateway::ReadTeams(input, "90000381"); teams)
        for (const auto& t : teams.value()) Check(!t.value("id", "").empty() && !t.value("name", "").empty());
      else
        Check(!teams.error().detail.empty());
      break;
    }
    case 8: {
      namespace contract = zb::net::contract;
      if (auto inbox = contract::ReadInbox(input))
        for (const auto& i : inbox.value()) Check(!i.id.empty() && !i.senderUra.empty());
      if (auto sent = contract::ReadSentReports(input))
        for (const auto& r : sent.value()) Check(!r.taskId.empty() && !r.state.empty());
      (void)contract::ReadPulledReport(input);
      if (auto todos = contract::ReadTodos(input))
        for (const auto& t : todos.value()) Check(!t.item.empty() && !t.request.id.empty() && !t.request.due.empty());
      if (auto teams = contract::ReadTeams(input))
        for (const auto& t : teams.value()) Check(!t.id.empty() && !t.name.empty());
      break;
    }
    default: {
      const std::string out = client::RemoveDotSegments(input);
      Check(out.size() <= input.size());
      Check(out.find("/../") == std::string::npos && out.find("/./") == std::string::npos);
      break;
    }
  }
  return 0;
}
