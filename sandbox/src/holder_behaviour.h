// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a sandbox holder behaves beyond its data, set per holder through the control plane (and for
// access decisions also by the demo data): service time, page size, includes on their own pages,
// the access decision per patient (docs/consent-signals.md) and one injected fault at a time —
// the faults a real holder shows: slow, silent, refusing connections, 500, 503 + Retry-After,
// malformed or cut-off JSON, a certificate for another host, tokens it forgot, a drip of bytes, a
// huge answer.
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace zb::sandbox {

struct HolderFault {
  std::string kind = "none";                   // none, timeout, refused, http-500, http-503, malformed, truncated,
                                               // wrong-host, expire-tokens, drip, huge
  int times = 0;                               // the next N requests; 0: until cleared
  int retryAfterSeconds = 1;                   // http-503
  int ms = 60000;                              // timeout: how long to stay silent; drip: pause between bytes
  std::size_t bytes = std::size_t{256} << 20;  // huge
  std::string resourceType;                    // only requests for this FHIR type (e.g. MedicationDispense); empty: all
};

struct HolderBehaviour {
  int latencyMs = 0;              // service time added to every answer
  std::size_t pageSize = 0;       // entries per searchset page; 0: everything on one page
  bool separateIncludes = false;  // includes after all matches, so on later pages
  HolderFault fault;
  std::map<std::string, std::string> access;  // BSN -> access-outcome code
  // Which access policy the holder's PDP enforces: "mp9" (the MP9 3.0 / CiO queries as agreed) or
  // "knooppunt" (the published medicatieoverdracht_gf policy, knooppunt_policy.h).
  std::string policy = "mp9";
  // A zorginzage GP whose policy allows only some agreement categories ("system|code"); empty: both.
  std::vector<std::string> categories;
  std::uint64_t epoch = 0;  // bumped on every change: a silent holder wakes up and answers
};

// Server-level faults need the holder's listener restarted (refused: stopped; wrong-host: another
// certificate).
bool NeedsRestart(const std::string& kind);
// Applies the fields present in `patch`; returns an error text for a bad field.
std::optional<std::string> Patch(HolderBehaviour& b, const nlohmann::json& patch);
nlohmann::json Describe(const HolderBehaviour& b);
// The fault that applies to this request (counts down `times`), if any.
// The fault for a request for `resourceType`, if one applies (counted down only when it does).
std::optional<HolderFault> TakeFault(HolderBehaviour& behaviour, const std::string& resourceType);

// Fills `res` with the refusal an access decision stands for. False for an unknown code.
bool Refuse(httplib::Response& res, const std::string& code, const std::string& holderName);

// Runs outside the world lock: waits the service time, then bends the prepared answer by the
// fault. `alive` turns false when the behaviour changes or the sandbox stops.
void Shape(httplib::Response& res, int latencyMs, const std::optional<HolderFault>& fault,
           const std::function<bool()>& alive);

// One page of a searchset; `linkBase` is the request URL without paging parameters.
nlohmann::json Page(nlohmann::json searchset, std::size_t pageSize, bool separateIncludes, std::size_t offset,
                    const std::string& linkBase);

}  // namespace zb::sandbox
