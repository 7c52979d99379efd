// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The port a patient session asks for data: the last stored retrieval of a patient, and a fresh
// lookup at his sources whose deliveries arrive one source at a time. The workstation implements it
// against the gateway and the local store; the CLI against a gateway session without a store; the
// GUI benchmark against FHIR files. Callbacks may run on any thread.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/patient_register.h"
#include "domain/result.h"
#include "domain/retrieval.h"

namespace zb::workstation {

// A lookup's end: whether the picture is complete, and whether it was saved for offline use.
struct LookupEnd {
  bool complete = false;
  bool saved = false;
  std::string saveError;
};

// The last retrieval of a patient, rebuilt from the store without asking any source.
struct OfflinePicture {
  domain::Instant retrievedAt;
  std::unique_ptr<domain::PatientPicture> picture;
  std::vector<std::string> problems;  // snapshots that could not be read back
};

class PatientLookups {
 public:
  using LookupId = std::uint64_t;
  using OnSource = std::function<void(LookupId, domain::SourceDelivery)>;
  using OnEnd = std::function<void(LookupId, LookupEnd)>;

  virtual ~PatientLookups() = default;
  // Nothing stored yet: an empty optional.
  virtual domain::Result<std::optional<OfflinePicture>> OpenOffline(const domain::RegisteredPatient& patient) = 0;
  // Starts asking the patient's sources; each source's delivery goes to `onSource` as it arrives,
  // then `onEnd` once. They may run on any thread, and a source settled without a request (from a
  // cached directory answer) even before LookUp returns: callers hop to their own thread first.
  virtual domain::Result<LookupId> LookUp(const domain::RegisteredPatient& patient, OnSource onSource, OnEnd onEnd) = 0;
  // Nothing of a cancelled lookup arrives after this returns.
  virtual void Cancel(LookupId id) = 0;
  // The longest a lookup can take (the per-source deadline): a caller that waits adds a margin.
  virtual std::chrono::milliseconds deadline() const = 0;
};

}  // namespace zb::workstation
