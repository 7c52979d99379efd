// SPDX-License-Identifier: GPL-3.0-or-later
#include "offline_picture.h"

#include "net/fhir/reader.h"

namespace zb::workstation {

OfflinePicture RebuildPicture(const std::string& bsn, const store::CachedRetrieval& retrieval) {
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : retrieval.sources) {
    domain::SourceOutcome o = s.outcome;
    o.status = domain::SourceStatus::kPending;
    expected.push_back(std::move(o));
  }
  OfflinePicture out;
  out.retrievedAt = retrieval.retrievedAt;
  out.picture = std::make_unique<domain::PatientPicture>(bsn, expected);
  net::fhir::Reader reader;
  for (const auto& s : retrieval.sources) {
    domain::SourceDelivery d;
    d.outcome = s.outcome;
    if (!s.snapshot.empty()) {
      net::fhir::ReadOptions options;
      options.origin = s.outcome.source.name + " (stored retrieval)";
      options.source = s.outcome.source.id;
      auto doc = reader.Read(s.snapshot, options);
      if (doc) {
        d.medication = std::move(doc.value().medication);
        d.ica = std::move(doc.value().ica);
        d.patients = std::move(doc.value().patients);
      } else {
        // The data was readable when it arrived; if it no longer is, say so rather than show less.
        d.outcome.status = domain::SourceStatus::kFailed;
        d.outcome.reason = "stored-unreadable";
        d.outcome.detail = doc.error().detail;
        out.problems.push_back(s.outcome.source.name + ": " + doc.error().detail);
      }
    }
    out.picture->Deliver(std::move(d));
  }
  return out;
}

}  // namespace zb::workstation
