// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Looks a patient up at all of his sources at once, through the gateway: every source is resolved
// in the directory, then every query the source's exchange supports is sent in parallel over one
// MultiClient (paged Bundles followed), each source with its own deadline. Each source is
// delivered as soon as it is finished — with its status, timing and mapped data — so the caller
// can re-consolidate while slower sources are still being asked.
//
// A lookup can be cancelled (the user picked another patient): its requests stop and none of its
// callbacks runs after Cancel() returns. Every delivery carries its lookup id, and data whose
// Patient does not match the requested BSN and birth date is never delivered as data.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/date_time.h"
#include "domain/retrieval.h"
#include "net/client/gateway_client.h"
#include "net/http/multi_client.h"

namespace zb::net::client {

struct SourceSpec {
  domain::Source source;  // id and kind from the patient's record; name replaced by the directory's
  std::string ura;
  std::optional<std::chrono::milliseconds> deadline = std::nullopt;  // this source's own; default: the lookup's
};

struct LookupRequest {
  std::string session;
  std::string bsn;  // validated by the caller
  std::optional<domain::Date> birthDate;
  std::vector<SourceSpec> sources;
  std::chrono::milliseconds deadline{15000};  // per source unless the source has its own, counted from Start
};

class Retriever {
 public:
  using LookupId = std::uint64_t;
  using OnSource = std::function<void(LookupId, domain::SourceDelivery)>;

  explicit Retriever(const GatewayClient& gateway, http::MultiOptions options = {});
  ~Retriever();
  Retriever(const Retriever&) = delete;
  Retriever& operator=(const Retriever&) = delete;

  // `onSource` runs once per source, on the retriever's own thread.
  LookupId Start(LookupRequest request, OnSource onSource);
  void Cancel(LookupId id);

  std::size_t connectionsOpened() const;
  // Drops cached directory answers and learned holder patient ids (benchmarks: a first lookup).
  void ForgetCaches();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Runs one lookup to the end and returns the picture; `progress` sees each source as it finishes.
domain::PatientPicture LookUp(Retriever& retriever, LookupRequest request,
                              const std::function<void(const domain::SourceOutcome&)>& progress = {});

}  // namespace zb::net::client
