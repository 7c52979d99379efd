// SPDX-License-Identifier: GPL-3.0-or-later
#include "holder_behaviour.h"

#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include "holder_data.h"

namespace zb::sandbox {
namespace {

using nlohmann::json;
constexpr const char* kAccessSystem = "https://zorgbrug.nl/fhir/CodeSystem/access-outcome";
constexpr const char* kFhirJson = "application/fhir+json";

// Sleeps up to `ms`, in small steps, as long as `alive` says so.
void Wait(int ms, const std::function<bool()>& alive) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until && alive()) {
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        std::chrono::milliseconds(20), until - std::chrono::steady_clock::now()));
  }
}

}  // namespace

bool NeedsRestart(const std::string& kind) { return kind == "refused" || kind == "wrong-host"; }

std::optional<std::string> Patch(HolderBehaviour& behaviour, const json& patch) {
  static const std::set<std::string> kinds{"none",          "timeout",   "refused",   "http-500",
                                           "http-503",      "malformed", "truncated", "wrong-host",
                                           "expire-tokens", "drip",      "huge"};
  static const std::set<std::string> decisions{"consent-refused",
                                               "consent-not-registered",
                                               "no-treatment-relation",
                                               "access-denied",
                                               "patient-unknown",
                                               "bare-403",
                                               "allow"};
  if (!patch.is_object()) return "the behaviour must be a JSON object";
  try {
    if (patch.contains("latency_ms")) behaviour.latencyMs = patch["latency_ms"].get<int>();
    if (patch.contains("page_size")) behaviour.pageSize = patch["page_size"].get<std::size_t>();
    if (patch.contains("separate_includes")) behaviour.separateIncludes = patch["separate_includes"].get<bool>();
    if (patch.contains("fault")) {
      const json& f = patch["fault"];
      HolderFault fault;
      fault.kind = f.value("kind", "none");
      if (!kinds.count(fault.kind)) return "unknown fault kind '" + fault.kind + "'";
      fault.times = f.value("times", 0);
      fault.retryAfterSeconds = f.value("retry_after", 1);
      fault.ms = f.value("ms", fault.kind == "drip" ? 200 : 60000);
      fault.bytes = f.value("bytes", fault.bytes);
      fault.resourceType = f.value("resource_type", "");
      behaviour.fault = fault;
    }
    if (patch.contains("categories")) behaviour.categories = patch["categories"].get<std::vector<std::string>>();
    if (patch.contains("policy")) {
      const std::string p = patch["policy"].get<std::string>();
      if (p != "mp9" && p != "knooppunt") return "unknown policy '" + p + "' (mp9 or knooppunt)";
      behaviour.policy = p;
    }
    if (patch.contains("access")) {
      for (const auto& [bsn, code] : patch["access"].items()) {
        const std::string c = code.get<std::string>();
        if (!decisions.count(c)) return "unknown access decision '" + c + "'";
        if (c == "allow")
          behaviour.access.erase(bsn);
        else
          behaviour.access[bsn] = c;
      }
    }
  } catch (const json::exception& e) {
    return std::string("bad value: ") + e.what();
  }
  ++behaviour.epoch;
  return std::nullopt;
}

json Describe(const HolderBehaviour& b) {
  return {{"latency_ms", b.latencyMs},
          {"page_size", b.pageSize},
          {"separate_includes", b.separateIncludes},
          {"fault", {{"kind", b.fault.kind}, {"times", b.fault.times}}},
          {"access", b.access},
          {"policy", b.policy}};
}

std::optional<HolderFault> TakeFault(HolderBehaviour& b, const std::string& resourceType) {
  if (b.fault.kind == "none" || NeedsRestart(b.fault.kind)) return std::nullopt;
  if (!b.fault.resourceType.empty() && b.fault.resourceType != resourceType) return std::nullopt;
  HolderFault f = b.fault;
  if (b.fault.times > 0 && --b.fault.times == 0) b.fault = HolderFault{};
  return f;
}

bool Refuse(httplib::Response& res, const std::string& code, const std::string& holder) {
  static const std::map<std::string, std::pair<int, std::string>> kTexts{
      {"consent-refused",
       {403, "De patiënt heeft geen toestemming gegeven voor het delen van deze gegevens met uw organisatie"}},
      {"consent-not-registered", {403, "Er is geen toestemming van de patiënt geregistreerd"}},
      {"no-treatment-relation", {403, "Uw organisatie heeft bij " + holder + " geen behandelrelatie met deze patiënt"}},
      {"access-denied", {403, "Inzage is geweigerd: het uitwisselingsprofiel staat deze vraag niet toe"}},
      {"patient-unknown", {404, "Deze patiënt is niet bekend bij " + holder}}};
  if (code == "bare-403") {
    res.status = 403;
    return true;
  }
  auto it = kTexts.find(code);
  if (it == kTexts.end()) return false;
  const auto& [status, text] = it->second;
  res.status = status;
  res.set_content(json{{"resourceType", "OperationOutcome"},
                       {"issue",
                        {{{"severity", "error"},
                          {"code", status == 404 ? "not-found" : "forbidden"},
                          {"details", {{"coding", {{{"system", kAccessSystem}, {"code", code}}}}, {"text", text}}},
                          {"diagnostics", text}}}}}
                      .dump(),
                  kFhirJson);
  return true;
}

void Shape(httplib::Response& res, int latencyMs, const std::optional<HolderFault>& fault,
           const std::function<bool()>& alive) {
  if (latencyMs > 0) Wait(latencyMs, alive);
  if (!fault) return;
  const std::string& kind = fault->kind;
  if (kind == "timeout") {
    Wait(fault->ms, alive);
  } else if (kind == "http-500") {
    res.status = 500;
    res.set_content(OperationOutcome("fatal", "exception", "interne fout in het bronsysteem").dump(), kFhirJson);
  } else if (kind == "http-503") {
    res.status = 503;
    res.set_header("Retry-After", std::to_string(fault->retryAfterSeconds));
    res.set_content(OperationOutcome("error", "transient", "onderhoud; probeer het later opnieuw").dump(), kFhirJson);
  } else if (kind == "malformed") {
    const std::string body = res.body;
    res.set_content(body.substr(0, body.size() / 2) + "<html>proxy error", kFhirJson);
  } else if (kind == "truncated") {
    // Announces the whole length, sends half and closes: what a crashed proxy produces.
    auto body = std::make_shared<std::string>(res.body);
    res.body.clear();
    res.set_content_provider(body->size(), kFhirJson, [body](size_t offset, size_t, httplib::DataSink& sink) {
      const size_t half = body->size() / 2;
      if (offset >= half) return false;
      sink.write(body->data() + offset, half - offset);
      return true;
    });
  } else if (kind == "drip") {
    auto body = std::make_shared<std::string>(res.body);
    res.body.clear();
    const int pause = fault->ms;
    res.set_chunked_content_provider(kFhirJson, [body, pause, alive](size_t offset, httplib::DataSink& sink) {
      if (offset >= body->size()) {
        sink.done();
        return true;
      }
      Wait(pause, alive);
      return alive() && sink.write(body->data() + offset, 1);
    });
  } else if (kind == "huge") {
    // A syntactically valid searchset padded with whitespace to `bytes`, generated as it is sent.
    const std::string head = R"({"resourceType":"Bundle","type":"searchset","total":0,"entry":[)";
    const std::string tail = "]}";
    const std::size_t total = std::max(fault->bytes, head.size() + tail.size());
    res.body.clear();
    res.set_content_provider(
        total, kFhirJson, [head, tail, total](size_t offset, size_t length, httplib::DataSink& sink) {
          static const std::string spaces(64 * 1024, ' ');
          if (offset < head.size()) return sink.write(head.data() + offset, head.size() - offset);
          if (offset >= total - tail.size())
            return sink.write(tail.data() + (offset - (total - tail.size())), total - offset);
          return sink.write(spaces.data(), std::min({length, spaces.size(), total - tail.size() - offset}));
        });
  }
}

json Page(json searchset, std::size_t pageSize, bool separateIncludes, std::size_t offset,
          const std::string& linkBase) {
  json entries = searchset["entry"];
  if (separateIncludes) {
    json matches = json::array();
    json includes = json::array();
    for (auto& e : entries)
      (e.value("search", json::object()).value("mode", "") == "include" ? includes : matches).push_back(e);
    entries = matches;
    for (auto& e : includes) entries.push_back(e);
  }
  if (pageSize == 0) {
    searchset["entry"] = entries;
    return searchset;
  }
  json page = json::array();
  for (std::size_t i = offset; i < entries.size() && i < offset + pageSize; ++i) page.push_back(entries[i]);
  searchset["entry"] = page;
  const std::string sep = linkBase.find('?') == std::string::npos ? "?" : "&";
  auto link = [&](std::size_t at) {
    return linkBase + sep + "_count=" + std::to_string(pageSize) + "&_getpagesoffset=" + std::to_string(at);
  };
  searchset["link"] = json::array({{{"relation", "self"}, {"url", link(offset)}}});
  if (offset + pageSize < entries.size())
    searchset["link"].push_back({{"relation", "next"}, {"url", link(offset + pageSize)}});
  return searchset;
}

}  // namespace zb::sandbox
