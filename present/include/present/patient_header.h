// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The patient overview's header: who (name, BSN, birth date, age), the GDS badge, one chip per
// source with its status in words, and how old the shown data is. A stored retrieval is always
// marked "niet actueel" with its time, so an offline picture never passes for a fresh one.
#include <optional>
#include <string>
#include <vector>

#include "domain/patient.h"
#include "domain/patient_register.h"
#include "domain/retrieval.h"
#include "present/ica_texts.h"
#include "present/overview_view.h"

namespace zb::present {

struct SourceChip {
  std::string text;     // "Apotheek Centrum: toestemming geweigerd door de patiënt"
  std::string tooltip;  // the source's own detail, when it gave one
  Tone tone = Tone::kPending;
};

struct PatientHeader {
  std::string title;     // "J. Jansen"
  std::string identity;  // "BSN 999991000 · geboren 12-03-1941 · 85 jaar"
  std::string category;  // "opgenomen"
  bool gds = false;      // some current medication comes in the roll
  std::vector<SourceChip> chips;
  std::vector<IcaStripItem> ica;  // the ICA strip: shown on every tab, printed on page 1
  std::string freshness;          // "opgehaald 23-11-2026 14:05 (3 uur geleden) — niet actueel"
  bool stale = false;             // shown data is a stored retrieval or older than the stale limit
  std::string pharmacy;           // own pharmacy and who is open now (pharmacy_texts.h); empty without data
  bool pharmacyClosed = false;    // the own pharmacy is closed now by the roster
};

struct Freshness {
  std::optional<domain::Instant> retrievedAt;  // empty: nothing retrieved yet
  bool stored = false;                         // read from the local store, not asked now
  bool retrieving = false;                     // sources are being asked right now
};

std::string CategoryLabel(domain::PatientCategory c);
// "zojuist", "12 minuten geleden", "3 uur geleden", "2 dagen geleden"
std::string AgoText(domain::Instant then, domain::Instant now);

// `ica`: the picture's ICA summary, for the strip (no strip without a picture).
PatientHeader BuildPatientHeader(const domain::RegisteredPatient& patient, const domain::PatientPicture* picture,
                                 bool gds, const Freshness& freshness, domain::Instant now,
                                 const domain::IcaSummary* ica = nullptr);

}  // namespace zb::present
