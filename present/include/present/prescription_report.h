// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The paper prescription for a release no pharmacy could take electronically (prescribing.md
// "No receiver"): what the pharmacy must act on — patient, each agreement with its dose and what
// it does (start, change, stop, pause), each dispense request — and who prescribed it, as the
// DEZI login identified them (name, DEZI number, role, organisation URA), never typed in. It is
// not electronically signed: DEZI gives a person no signing key. The release's Bundle identifier
// and a SHA-256 of the Bundle as queued let a pharmacy check by phone that paper and release are
// the same; the text says so.
#include <string>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/date_time.h"
#include "domain/patient.h"
#include "present/overview_report.h"

namespace zb::present {

struct PrescriptionPaper {
  std::string patientName;
  std::string bsn;
  std::optional<domain::Date> birthDate;
  std::string prescriberName;
  std::string deziNumber;
  std::string roleCode;  // DEZI role, e.g. 01.047
  std::string roleName;  // as DEZI names it ("Specialist ouderengeneeskunde"); may be empty
  std::string organisationUra;
  std::string organisationName;
  std::string pharmacy;  // whom it is meant for; empty: the patient's pharmacy (none known electronically)
  std::vector<domain::MedicationAgreement> agreements;
  std::vector<domain::DispenseRequest> dispenseRequests;
  domain::Instant releasedAt;
  std::string bundleIdentifier;
  std::string sha256;  // hex, of the Bundle as queued
  std::string state;   // the outbox state: "no-receiver", "refused" or "hand-delivered"
};

// "stoppen", "onderbreken", "annuleren" for a stop-type agreement; "starten / wijzigen" otherwise.
std::string AgreementActionText(const domain::MedicationAgreement& ma);
Report BuildPrescriptionReport(const PrescriptionPaper& paper, const std::string& printedAt);

}  // namespace zb::present
