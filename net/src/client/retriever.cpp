// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/client/retriever.h"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

#include "answer.h"
#include "net/contract/query_kinds.h"
#include "net/fhir/reader.h"
#include "net/json_member.h"
#include "next_link.h"
#include "query_plan.h"

namespace zb::net::client {
namespace {

using Clock = std::chrono::steady_clock;
using domain::QueryOutcome;
using domain::SourceStatus;
using nlohmann::json;

constexpr std::size_t kMaxPages = 100;  // per query; more is a server loop, not a record
constexpr auto kDirectoryTtl = std::chrono::minutes(5);
// The gateway gets a little less time than we wait, so its own "holder did not answer" arrives
// (with its reason) before our transfer times out.
constexpr auto kGatewayMargin = std::chrono::milliseconds(400);

struct SourceState {
  SourceSpec spec;
  std::string service;
  std::string fhirBase;
  std::vector<QueryOutcome> outcomes;
  std::vector<json> entries;
  std::set<std::string> seen;                     // entry keys, so includes repeated over queries and pages count once
  std::set<std::string> hypersensitivitiesAsked;  // CiO identifiers already fetched
  // The knooppunt policy (query_plan.h): a MedicationRequest query refused by the holder's policy
  // switches the source to the reduced form once; the refusals wait in `heldBack` until it tells
  // whether the policy (reduced form answers) or the patient's access (it is refused too) said no.
  bool reducedStarted = false;
  bool reducedAnswered = false;
  std::vector<QueryOutcome> heldBack;
  // Zorginzage asks agreements in two categories; a GP's policy may allow only the one it uses. A
  // refusal of one category counts only when the other did not answer either (docs/consent-signals.md).
  std::vector<QueryOutcome> categoryRefused;
  std::size_t outstanding = 0;
  std::size_t requests = 0;
  Clock::duration slowest{};
  std::size_t rounds = 0;  // the longest chain of requests that each waited for the one before
  bool finished = false;
  Clock::time_point deadline;
};

struct Lookup {
  LookupRequest request;
  Retriever::OnSource onSource;
  Clock::time_point started;
  std::vector<SourceState> sources;
  std::vector<http::MultiClient::TransferId> transfers;
  bool cancelled = false;
};

// Position of a query kind in the one table of kinds; kinds outside it (allergies, alerts) after.
std::size_t KindRank(const std::string& kind) {
  const auto kinds = contract::QueryKinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i].kind == kind) return i;
  }
  return kinds.size();
}

// "system|value" of every ext-MedicationHypersensitivity.Identifier on the Flags among `entries`.
std::vector<std::string> HypersensitivityIdentifiers(const std::vector<json>& entries) {
  static const std::string kUrl = "http://nictiz.nl/fhir/StructureDefinition/ext-MedicationHypersensitivity.Identifier";
  std::vector<std::string> out;
  for (const auto& e : entries) {
    const json& r = e["resource"];
    if (StringMember(r, "resourceType") != "Flag" || !r.contains("extension") || !r["extension"].is_array()) continue;
    for (const auto& ext : r["extension"]) {
      if (!ext.is_object() || StringMember(ext, "url") != kUrl || !ext.contains("valueIdentifier") ||
          !ext["valueIdentifier"].is_object())
        continue;
      const std::string value = StringMember(ext["valueIdentifier"], "value");
      const std::string system = StringMember(ext["valueIdentifier"], "system");
      if (!value.empty()) out.push_back(system.empty() ? value : system + "|" + value);
    }
  }
  return out;
}

// A refusal without a coded reason: the holder's access policy, or an uncoded access decision.
bool PolicyLikeRefusal(const QueryOutcome& o) {
  return o.status == SourceStatus::kAccessDenied && (o.reason == "not-given" || o.reason == "other");
}

// The one Patient among `entries` that is ours, its id in `pid`; otherwise the outcome that says why not.
std::optional<QueryOutcome> ChoosePatient(const std::string& kind, const std::vector<json>& entries,
                                          const std::optional<domain::Date>& birthDate, std::string& pid) {
  std::vector<const json*> patients;
  for (const auto& e : entries) {
    if (StringMember(e["resource"], "resourceType") == "Patient") patients.push_back(&e["resource"]);
  }
  if (patients.size() != 1)
    return QueryOutcome{kind, SourceStatus::kFailed, "patient-ambiguous",
                        std::to_string(patients.size()) + " patients match the BSN"};
  const json& p = *patients.front();
  if (birthDate && p.contains("birthDate") && p["birthDate"].is_string() &&
      p["birthDate"].get<std::string>() != boost::gregorian::to_iso_extended_string(*birthDate)) {
    return QueryOutcome{kind, SourceStatus::kFailed, "birthdate-mismatch",
                        "the source's patient with this BSN has another birth date; its data is not used"};
  }
  pid = StringMember(p, "id");
  if (pid.empty()) return QueryOutcome{kind, SourceStatus::kFailed, "unexpected", "the matching Patient has no id"};
  return std::nullopt;
}

std::string EntryKey(const json& e) {
  if (e.contains("fullUrl") && e["fullUrl"].is_string()) return e["fullUrl"];
  const json& r = e["resource"];
  return StringMember(r, "resourceType") + "/" + StringMember(r, "id");
}

}  // namespace

struct Retriever::Impl {
  explicit Impl(const GatewayClient& g, http::MultiOptions o) : gateway(g), multi(g.options(), o) {}

  const GatewayClient& gateway;
  http::MultiClient multi;
  fhir::Reader reader;  // used on the multi thread only
  std::mutex mutex;
  std::map<LookupId, std::unique_ptr<Lookup>> lookups;
  LookupId nextId = 1;
  std::map<std::string, std::pair<std::vector<contract::DirectoryEntry>, Clock::time_point>>
      directory;                             // URA -> registrations, valid until
  std::map<std::string, std::string> links;  // URA|BSN -> holder's patient id (checked against birth date)

  // --- all of the following run with `mutex` held ---
  void Resolve(LookupId id, Lookup& l, std::size_t s);
  void Plan(LookupId id, Lookup& l, std::size_t s, const std::vector<contract::DirectoryEntry>& holders);
  void Send(LookupId id, Lookup& l, std::size_t s, const PlannedQuery& q, Clock::time_point notBefore = {},
            int retries = 0);
  void OnAnswer(LookupId id, Lookup& l, std::size_t s, const PlannedQuery& q, int retries,
                domain::Result<http::Response> r);
  void Note(Lookup& l, std::size_t s, QueryOutcome o) { l.sources[s].outcomes.push_back(std::move(o)); }
  // Called when a request of the source ends; delivers the source when nothing is outstanding.
  void Settle(Lookup& l, std::size_t s, std::vector<std::pair<Retriever::OnSource, domain::SourceDelivery>>& out);
  domain::SourceDelivery Deliver(Lookup& l, std::size_t s);
  // A lookup whose sources have all been delivered needs no state any more.
  void DropIfFinished(LookupId id) {
    auto it = lookups.find(id);
    if (it == lookups.end()) return;
    const auto& sources = it->second->sources;
    if (std::all_of(sources.begin(), sources.end(), [](const SourceState& src) { return src.finished; }))
      lookups.erase(it);
  }

  // Runs `f` for a live lookup under the mutex, then hands finished sources to the caller
  // outside it (the caller's callback may Cancel or Start).
  template <class F>
  void WithLookup(LookupId id, F&& f) {
    std::vector<std::pair<Retriever::OnSource, domain::SourceDelivery>> out;
    {
      std::lock_guard lock(mutex);
      auto it = lookups.find(id);
      if (it == lookups.end() || it->second->cancelled) return;
      f(*it->second, out);
      DropIfFinished(id);
    }
    for (auto& [cb, delivery] : out) cb(id, std::move(delivery));
  }
};

void Retriever::Impl::Resolve(LookupId id, Lookup& lookup, std::size_t source) {
  const std::string ura = lookup.sources[source].spec.ura;
  auto cached = directory.find(ura);
  if (cached != directory.end() && cached->second.second > Clock::now())
    return Plan(id, lookup, source, cached->second.first);
  ++lookup.sources[source].outstanding;
  ++lookup.sources[source].requests;
  auto request = gateway.DirectoryRequest(lookup.request.session, "", ura);
  const auto sent = Clock::now();
  lookup.transfers.push_back(multi.Submit(std::move(request), lookup.sources[source].deadline,
                                          [this, id, source, ura, sent](domain::Result<http::Response> r) {
                                            WithLookup(id, [&](Lookup& live, auto& out) {
                                              auto answer = GatewayClient::DirectoryResult(std::move(r));
                                              --live.sources[source].outstanding;
                                              live.sources[source].slowest =
                                                  std::max(live.sources[source].slowest, Clock::now() - sent);
                                              if (!answer) {
                                                Note(live, source, ReadGatewayRefusal("directory", answer.error()));
                                              } else {
                                                directory[ura] = {answer.value(), Clock::now() + kDirectoryTtl};
                                                Plan(id, live, source, answer.value());
                                              }
                                              Settle(live, source, out);
                                            });
                                          }));
}

void Retriever::Impl::Plan(LookupId id, Lookup& lookup, std::size_t source,
                           const std::vector<contract::DirectoryEntry>& holders) {
  SourceState& src = lookup.sources[source];
  const contract::DirectoryEntry* chosen = nullptr;
  // The medication exchange carries all MP9 building blocks; zorginzage only the GP's agreements.
  for (const char* service : {kMedicationService, kZorginzageService}) {
    for (const auto& h : holders) {
      if (!chosen && h.service == service) chosen = &h;
    }
  }
  if (!chosen) {
    Note(lookup, source,
         {"directory", SourceStatus::kNotConnected, holders.empty() ? "not-in-directory" : "no-medication-service",
          holders.empty() ? "URA " + src.spec.ura + " is not registered on any Discovery Service of this gateway"
                          : "URA " + src.spec.ura + " is registered, but not for a medication exchange"});
    return;
  }
  src.service = chosen->service;
  src.fhirBase = chosen->fhirBaseUrl;
  if (!chosen->name.empty()) src.spec.source.name = chosen->name;
  if (!chosen->phone.empty()) src.spec.source.phone = chosen->phone;
  if (src.service == kMedicationService) {
    for (const auto& q : MedicationQueries(lookup.request.bsn)) Send(id, lookup, source, q);
    return;
  }
  auto link = links.find(src.spec.ura + "|" + lookup.request.bsn);
  if (link != links.end()) {
    for (const auto& q : ZorginzageQueries(link->second)) Send(id, lookup, source, q);
  } else {
    Send(id, lookup, source, ZorginzagePatientSearch(lookup.request.bsn));
  }
}

void Retriever::Impl::Send(LookupId id, Lookup& lookup, std::size_t source, const PlannedQuery& query,
                           Clock::time_point notBefore, int retries) {
  SourceState& src = lookup.sources[source];
  ++src.outstanding;
  ++src.requests;
  src.rounds = std::max(src.rounds, query.round);
  auto request = gateway.RelayRequest(lookup.request.session, src.service, src.spec.ura, query.method,
                                      query.pathAndQuery, query.formBody, lookup.request.bsn);
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(src.deadline - std::max(Clock::now(), notBefore));
  request.headers.push_back({std::string(contract::kTimeoutHeader),
                             std::to_string(std::max<std::int64_t>(100, (left - kGatewayMargin).count()))});
  const auto sent = std::max(Clock::now(), notBefore);
  lookup.transfers.push_back(multi.Submit(
      std::move(request), src.deadline,
      [this, id, source, query, retries, sent](domain::Result<http::Response> r) {
        WithLookup(id, [&](Lookup& live, auto& out) {
          --live.sources[source].outstanding;
          live.sources[source].slowest = std::max(live.sources[source].slowest, Clock::now() - sent);
          try {
            OnAnswer(id, live, source, query, retries, GatewayClient::RelayResult(std::move(r)));
          } catch (const std::exception& e) {
            // A backstop: an answer we failed to foresee must fail its source, not the process.
            Note(live, source,
                 {query.kind, SourceStatus::kFailed, "unreadable",
                  std::string("the answer could not be read: ") + e.what()});
          }
          Settle(live, source, out);
        });
      },
      notBefore));
}

void Retriever::Impl::OnAnswer(LookupId id, Lookup& lookup, std::size_t source, const PlannedQuery& query, int retries,
                               domain::Result<http::Response> result) {
  SourceState& src = lookup.sources[source];
  if (!result) {
    // Our own deadline passed on the way to the gateway (the HTTP layer says so; status 0: no answer).
    if (result.error().code == domain::ErrorCode::kTimeout && result.error().status == 0) {
      return Note(lookup, source,
                  {query.kind, SourceStatus::kUnreachable, "deadline",
                   "no answer within the source's deadline (" + result.error().detail + ")"});
    }
    const auto& e = result.error();
    if (e.problem == "gateway_busy") {
      // The organisation's gateway is overloaded and says when to come back: once, if that still
      // leaves time; otherwise say so with the wait (never a silent timeout).
      const auto at = Clock::now() + std::chrono::seconds(std::max(1, e.retryAfterSeconds));
      if (retries == 0 && at + std::chrono::milliseconds(500) < src.deadline)
        return Send(id, lookup, source, query, at, retries + 1);
    }
    return Note(lookup, source, ReadGatewayRefusal(query.kind, e));
  }
  Answer a = ReadAnswer(query.kind, result.value());
  if (!query.reduced && src.service == kMedicationService && CoveredByReducedForm(query.kind) &&
      PolicyLikeRefusal(a.outcome)) {
    // Refused as MP9 3.0 asks it: try the form the published knooppunt policy allows, once.
    src.heldBack.push_back(std::move(a.outcome));
    if (!src.reducedStarted) {
      src.reducedStarted = true;
      Send(id, lookup, source, After(query, ReducedPatientLookup(lookup.request.bsn)));
    }
    return;
  }
  if (IsZorginzageAgreementKind(query.kind) && PolicyLikeRefusal(a.outcome)) {
    src.categoryRefused.push_back(std::move(a.outcome));
    return;
  }
  if (query.kind == "patient-lookup") {
    if (a.outcome.status == SourceStatus::kData) {
      std::string pid;
      if (auto why = ChoosePatient(query.kind, a.entries, lookup.request.birthDate, pid)) {
        for (auto& held : src.heldBack) Note(lookup, source, {held.query, why->status, why->reason, why->detail});
        src.heldBack.clear();
        return;
      }
      for (auto& e : a.entries) {
        if (src.seen.insert(EntryKey(e)).second) src.entries.push_back(std::move(e));
      }
      src.heldBack.clear();
      src.reducedAnswered = true;
      for (const auto& next : ReducedRequestQueries(pid)) Send(id, lookup, source, After(query, next));
      return;
    }
    // No patient, a coded access decision (consent), or the lookup refused too: that (or the
    // original refusal) is what the MedicationRequest kinds get.
    for (auto& held : src.heldBack) {
      if (a.outcome.status == SourceStatus::kNoData) {
        held.status = SourceStatus::kPatientUnknown;
        held.reason = "no-match";
        held.detail = "Patient?identifier found no patient with this BSN";
      } else if (!PolicyLikeRefusal(a.outcome)) {
        held.status = a.outcome.status;
        held.reason = a.outcome.reason;
        held.detail = a.outcome.detail;
      }
      Note(lookup, source, std::move(held));
    }
    src.heldBack.clear();
    return;
  }
  if (query.reduced && src.reducedAnswered && PolicyLikeRefusal(a.outcome)) a.outcome.reason = "query-not-allowed";
  if (a.retryAfterSeconds && retries == 0) {
    // One retry when the holder says when, and that moment still leaves time for an answer.
    const auto at = Clock::now() + std::chrono::seconds(*a.retryAfterSeconds);
    if (at + std::chrono::milliseconds(500) < src.deadline) return Send(id, lookup, source, query, at, retries + 1);
  }
  if (query.kind == "surveillance-decisions" && a.outcome.status == SourceStatus::kData) {
    // CiO: each surveillance decision names the hypersensitivity it acts on; fetch those.
    for (const auto& token : HypersensitivityIdentifiers(a.entries)) {
      if (src.hypersensitivitiesAsked.insert(token).second)
        Send(id, lookup, source, After(query, HypersensitivityQuery(token)));
    }
  }
  for (auto& e : a.entries) {
    if (src.seen.insert(EntryKey(e)).second) src.entries.push_back(std::move(e));
  }
  if (query.kind == "patient-search" && a.outcome.status == SourceStatus::kData) {
    // Zorginzage: the holder's own patient id, after checking it is our patient.
    std::string pid;
    if (auto why = ChoosePatient(query.kind, src.entries, lookup.request.birthDate, pid))
      return Note(lookup, source, std::move(*why));
    links[src.spec.ura + "|" + lookup.request.bsn] = pid;
    for (const auto& next : ZorginzageQueries(pid)) Send(id, lookup, source, After(query, next));
    return;  // the patient search itself is not the data
  }
  if (query.kind == "patient-search" && a.outcome.status == SourceStatus::kNoData) {
    a.outcome.status = SourceStatus::kPatientUnknown;
    a.outcome.reason = "no-match";
    a.outcome.detail = "Patient/_search found no patient with this BSN";
  }
  if (a.next && a.outcome.status == SourceStatus::kData) {
    const std::size_t pages = static_cast<std::size_t>(std::count_if(
        src.outcomes.begin(), src.outcomes.end(), [&](const QueryOutcome& o) { return o.query == query.kind; }));
    auto checked = CheckNextLink(src.fhirBase, *a.next, query.pathAndQuery, query.formBody);
    if (const auto* refused = std::get_if<NextLinkRefused>(&checked)) {
      a.outcome = {query.kind, SourceStatus::kFailed, "next-link-foreign", refused->why};
    } else if (pages >= kMaxPages) {
      a.outcome = {query.kind, SourceStatus::kFailed, "too-many-pages",
                   "more than " + std::to_string(kMaxPages) + " pages"};
    } else {
      Send(id, lookup, source, After(query, PlannedQuery{query.kind, "GET", std::get<std::string>(checked), ""}));
    }
  }
  Note(lookup, source, std::move(a.outcome));
}

void Retriever::Impl::Settle(Lookup& l, std::size_t s,
                             std::vector<std::pair<Retriever::OnSource, domain::SourceDelivery>>& out) {
  SourceState& src = l.sources[s];
  if (src.finished || src.outstanding > 0) return;
  src.finished = true;
  out.emplace_back(l.onSource, Deliver(l, s));
}

domain::SourceDelivery Retriever::Impl::Deliver(Lookup& lookup, std::size_t source) {
  SourceState& src = lookup.sources[source];
  domain::SourceDelivery d;
  d.outcome.source = src.spec.source;
  d.outcome.ura = src.spec.ura;
  d.outcome.requests = src.requests;
  d.outcome.slowestRequest = std::chrono::duration_cast<std::chrono::milliseconds>(src.slowest);
  d.outcome.rounds = src.rounds;
  d.outcome.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - lookup.started);
  const bool agreementsAnswered = std::any_of(src.outcomes.begin(), src.outcomes.end(), [](const QueryOutcome& o) {
    return IsZorginzageAgreementKind(o.query) && domain::Answered(o.status);
  });
  if (!agreementsAnswered) {
    for (auto& o : src.categoryRefused) src.outcomes.push_back(std::move(o));
  }
  src.categoryRefused.clear();
  const auto decision = domain::DecideSource(src.outcomes);
  if (!decision) {
    d.outcome.status = SourceStatus::kFailed;
    d.outcome.reason = "no-answer";
    return d;
  }
  const std::size_t i = decision->deciding;
  d.outcome.status = decision->status;
  d.outcome.missing = decision->missing;
  // Answers arrive in any order; the missing kinds are named in the order of the query kinds.
  std::stable_sort(d.outcome.missing.begin(), d.outcome.missing.end(),
                   [](const std::string& a, const std::string& b) { return KindRank(a) < KindRank(b); });
  d.outcome.reason = src.outcomes[i].reason;
  if (src.reducedAnswered) {
    // The reduced form answered, so the refusals were the holder's policy, not the patient's
    // access: those kinds are missing because the source does not allow the query.
    for (auto& o : src.outcomes) {
      if (PolicyLikeRefusal(o)) o.reason = "query-not-allowed";
    }
    d.outcome.reason = src.outcomes[i].reason;
  }
  d.outcome.detail = (src.outcomes[i].query.empty() ? "" : src.outcomes[i].query + ": ") + src.outcomes[i].detail;
  d.outcome.resources = src.entries.size();
  if (src.entries.empty()) return d;
  // All pages of all queries of the source in one Bundle: references between them resolve even
  // when a holder returns its includes on another page or with another query.
  json bundle{{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", std::move(src.entries)}};
  src.entries.clear();
  fhir::ReadOptions options;
  options.origin = src.spec.source.name + " (URA " + src.spec.ura + ")";
  options.source = src.spec.source.id;
  std::string snapshot = bundle.dump();
  auto doc = reader.Read(snapshot, options);
  if (!doc) {
    d.outcome.status = SourceStatus::kFailed;
    d.outcome.missing.clear();
    d.outcome.reason = "unreadable";
    d.outcome.detail = doc.error().detail;
    return d;
  }
  // Every clinical resource must be about the patient asked for: a hypersensitivity fetched by its
  // CiO identifier carries no patient parameter, so its own `patient` is what says whose it is.
  for (const auto& bsn : doc->subjectBsns) {
    if (bsn == lookup.request.bsn) continue;
    d.outcome.status = SourceStatus::kFailed;
    d.outcome.missing.clear();
    d.outcome.reason = "patient-mismatch";
    d.outcome.detail = "a resource in the answer is about another patient (other BSN); nothing of it is used";
    return d;
  }
  for (const auto& p : doc->patients) {
    const bool otherBsn = p.bsn && p.bsn->digits() != lookup.request.bsn;
    const bool otherBirth = lookup.request.birthDate && p.birthDate && !(*p.birthDate == *lookup.request.birthDate);
    if (otherBsn || otherBirth) {
      d.outcome.status = SourceStatus::kFailed;
      d.outcome.missing.clear();
      d.outcome.reason = otherBsn ? "patient-mismatch" : "birthdate-mismatch";
      d.outcome.detail = otherBsn ? "the answer is about another patient (other BSN); nothing of it is used"
                                  : "the source's patient with this BSN has another birth date; its data is not used";
      return d;
    }
  }
  d.medication = std::move(doc.value().medication);
  d.ica = std::move(doc.value().ica);
  d.patients = std::move(doc.value().patients);
  d.snapshot = std::move(snapshot);
  for (const auto& issue : doc->issues) d.issues.push_back(issue.Describe());
  d.outcome.blocks = d.medication.Count() + d.ica.Count();
  return d;
}

Retriever::Retriever(const GatewayClient& gateway, http::MultiOptions options)
    : m_impl(std::make_unique<Impl>(gateway, options)) {}

Retriever::~Retriever() {
  std::vector<LookupId> ids;
  {
    std::lock_guard lock(m_impl->mutex);
    for (const auto& [id, l] : m_impl->lookups) ids.push_back(id);
  }
  for (LookupId id : ids) Cancel(id);
}

Retriever::LookupId Retriever::Start(LookupRequest request, OnSource onSource) {
  auto l = std::make_unique<Lookup>();
  l->started = Clock::now();
  l->onSource = std::move(onSource);
  for (const auto& spec : request.sources) {
    SourceState s;
    s.spec = spec;
    s.deadline = l->started + spec.deadline.value_or(request.deadline);
    l->sources.push_back(std::move(s));
  }
  l->request = std::move(request);
  LookupId id = 0;
  Impl& impl = *m_impl;
  std::vector<std::pair<OnSource, domain::SourceDelivery>> out;
  {
    std::lock_guard lock(impl.mutex);
    id = impl.nextId++;
    Lookup& ref = *l;
    impl.lookups.emplace(id, std::move(l));
    for (std::size_t s = 0; s < ref.sources.size(); ++s) {
      impl.Resolve(id, ref, s);
      impl.Settle(ref, s, out);  // a source settled from cache alone (not connected) is done now
    }
    impl.DropIfFinished(id);
  }
  for (auto& [cb, delivery] : out) cb(id, std::move(delivery));
  return id;
}

void Retriever::Cancel(LookupId id) {
  std::vector<http::MultiClient::TransferId> transfers;
  {
    std::lock_guard lock(m_impl->mutex);
    auto it = m_impl->lookups.find(id);
    if (it == m_impl->lookups.end()) return;
    it->second->cancelled = true;
    transfers = it->second->transfers;
  }
  m_impl->multi.Cancel(transfers);  // waits for a callback of this lookup that is running now
  std::lock_guard lock(m_impl->mutex);
  m_impl->lookups.erase(id);
}

std::size_t Retriever::connectionsOpened() const { return m_impl->multi.connectionsOpened(); }

void Retriever::ForgetCaches() {
  std::lock_guard lock(m_impl->mutex);
  m_impl->directory.clear();
  m_impl->links.clear();
}

domain::PatientPicture LookUp(Retriever& retriever, LookupRequest request,
                              const std::function<void(const domain::SourceOutcome&)>& progress) {
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : request.sources) expected.push_back(domain::PendingOutcome(s.source, s.ura));
  domain::PatientPicture picture(request.bsn, expected);
  std::mutex m;
  std::condition_variable cv;
  std::size_t left = request.sources.size();
  auto deadline = request.deadline;
  for (const auto& s : request.sources) deadline = std::max(deadline, s.deadline.value_or(deadline));
  const auto id = retriever.Start(std::move(request), [&](Retriever::LookupId, domain::SourceDelivery d) {
    if (progress) progress(d.outcome);
    std::lock_guard lock(m);
    picture.Deliver(std::move(d));
    --left;
    cv.notify_all();
  });
  std::unique_lock lock(m);
  // Every transfer ends by the deadline; the margin only guards against a bug hanging the caller.
  if (!cv.wait_for(lock, deadline + std::chrono::seconds(5), [&] { return left == 0; })) {
    lock.unlock();
    retriever.Cancel(id);
    lock.lock();
    picture.ClosePending(SourceStatus::kUnreachable, "deadline");
  }
  return picture;
}

}  // namespace zb::net::client
