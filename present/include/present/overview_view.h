// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The overview screen as rows of text, built from a patient picture: the incomplete-overview
// banner, one row per source, medication rows grouped by status (history behind a switch), ICA
// rows. The GUI only puts these into widgets; the CLI shares the banner and period texts. No wx.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/ica_check.h"
#include "domain/overview.h"
#include "domain/overview_changes.h"
#include "domain/retrieval.h"

namespace zb::present {

enum class Tone { kGood, kNeutral, kWarning, kDanger, kPending };

struct SourceRow {
  std::string name;    // "Apotheek Centrum (apotheek)"
  std::string phone;   // "030-0000402" from the address directory; "" when unknown
  std::string status;  // status with the reason in words
  std::string timing;  // "123 ms, 11 vragen, 14 resources"
  std::string detail;  // what the source said, for missing ones
  Tone tone = Tone::kPending;
};

struct MedicationRow {
  domain::TreatmentStatus status = domain::TreatmentStatus::kCurrent;
  std::string group;  // "ACTUEEL", ...
  std::string product;
  std::string dose;
  std::string period;
  std::string sources;      // short: "huisarts, apotheek" (the organisations' names where two share a kind)
  std::string sourcesFull;  // the organisations' names, for tooltip and detail
  std::string gds;          // "in rol", "niet in GDS", roll timing
  std::string marks;        // discrepancy summary, empty when none
  bool warning = false;
  std::string ica;          // "ICA: overgevoelig voor PENICILLINES", empty when the ICA check found nothing
  bool icaWarning = false;  // the ICA cross-check warns: the row is marked red
  std::string icaText;      // every hit as a sentence, for tooltip and print
  std::string draft;        // "CONCEPT: stoppen (niet verzonden)" while the line has a draft (at the front of marks)
  std::string formulary;    // "niet op formularium; op het formularium: …", empty when on it or none imported
  std::string change;       // "nieuw", "gewijzigd: dosering", "gestopt" since the previous retrieval
  bool changed = false;
  std::size_t line = 0;  // index into the overview's lines, for the detail pane
};

struct IcaRow {
  std::string kind;  // "allergie", "contra-indicatie", "bewakingsbesluit"
  std::string text;
  std::string detail;  // criticality, reactions, status
  std::string sources;
};

struct OverviewView {
  std::string banner;  // empty only when every source answered with data or nothing
  std::vector<SourceRow> sources;
  std::vector<MedicationRow> medication;
  std::vector<IcaRow> ica;
  std::vector<std::string> icaWarnings;  // "AMOXICILLINE/CLAVULAANZUUR …: overgevoelig voor …", one per hit
  std::string icaChecks;                 // which checks ran and which not; empty when no check ran
  std::string changesSince;              // "3 wijzigingen sinds de ophaling van …"; empty without an earlier one
  std::size_t hiddenHistoric = 0;
};

// "ONVOLLEDIG OVERZICHT: geen gegevens van <bron> (<soort>): <status> (<reden>), bel <nummer>…", or
// "" when complete. The number is there so that at night the physician knows whom to call.
std::string IncompleteBanner(const domain::PatientPicture& picture);
// "vanaf 01-11-2026 t/m 30-11-2026", "vanaf …, doorlopend", with ", hervat …" when suspended.
std::string PeriodText(const domain::TreatmentLine& line);
Tone ToneOf(domain::SourceStatus s);
// "bel 030-0000402": whom to call for a source; "" when the directory gave no number.
std::string CallText(const domain::Source& source);
// Source id → organisation name, for the sources the picture knows a name of: lines and ICA items
// name their sources by id, the reader wants the organisation.
std::map<std::string, std::string> SourceNames(const domain::PatientPicture& picture);
// A source id by its name in `names` (the id itself where there is none), and a list of them.
std::string SourceNameOf(const std::string& id, const std::map<std::string, std::string>& names);
std::string JoinSourceNames(const std::vector<std::string>& ids, const std::map<std::string, std::string>& names);

// What changed since the patient's previous retrieval, and when that was.
struct ChangesSincePrevious {
  std::map<std::string, domain::LineChangeInfo> lines;  // by treatment id
  domain::Instant previousAt;
};

// `check`: the ICA cross-check of `overview`, when one ran (marks rows, fills the warnings);
// `changes`: what changed since the previous retrieval, when there was one.
OverviewView BuildOverviewView(const domain::PatientPicture& picture, const domain::Overview& overview,
                               const domain::IcaSummary& ica, bool showHistory, const domain::IcaCheck* check = nullptr,
                               const ChangesSincePrevious* changes = nullptr);
// "nieuw", "gewijzigd: dosering en periode", "gestopt".
std::string ChangeText(const domain::LineChangeInfo& change);

// "3 oudere behandelingen verborgen (Ctrl+H)", "1 oudere behandeling verborgen (Ctrl+H)": singular
// and plural chosen by count (Dutch and English both use "one" versus "other").
std::string HiddenHistoryText(std::size_t hidden);
// The printed report's line for the same: "… niet afgedrukt."
std::string HiddenHistoryPrintedText(std::size_t hidden);

}  // namespace zb::present
