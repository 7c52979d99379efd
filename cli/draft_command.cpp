// SPDX-License-Identifier: GPL-3.0-or-later
#include "draft_command.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include "domain/dose_form.h"
#include "domain/identifiers.h"
#include "present/draft_texts.h"
#include "present/login_texts.h"
#include "release_command.h"
#include "workstation/workstation.h"

namespace zb::cli {

namespace d = zb::domain;

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitRefused = 2;
constexpr int kExitToHandle = 3;
constexpr int kExitLogin = 4;
constexpr int kExitLookup = 5;

int Fail(int code, const std::string& message) {
  std::cerr << "zorgbrug-cli: " << message << "\n";
  return code;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

workstation::Config ConfigFrom(const DraftArgs& a) {
  workstation::Config c;
  c.gateway = a.gateway.empty() ? Env("ZORGBRUG_GATEWAY") : a.gateway;
  c.caFile = a.caFile.empty() ? Env("ZORGBRUG_CA_FILE") : a.caFile;
  c.storePath = a.store.empty() ? workstation::DefaultStorePath() : a.store;
  c.keyFile = a.keyFile.empty() ? c.storePath.substr(0, c.storePath.find_last_of('/') + 1) + "store.key" : a.keyFile;
  c.useKeychain = !a.noKeychain;
  c.identifierRoot = a.identifierRoot.empty() ? Env("ZORGBRUG_IDENTIFIER_ROOT") : a.identifierRoot;
  return c;
}

domain::Result<domain::RegisteredPatient> PatientFor(workstation::Workstation& w, const DraftArgs& a) {
  auto bsn = d::Bsn::Parse(a.bsn);
  if (!bsn) return d::MakeError(d::ErrorCode::kInvalidFormat, "--bsn: " + bsn.error().detail);
  auto patient = w.FindPatient(bsn.value());
  if (patient && !patient.value() && !a.registerFile.empty()) {
    if (auto added = w.ImportRegister(a.registerFile); !added) return added.error();
    patient = w.FindPatient(bsn.value());
  }
  if (!patient) return patient.error();
  if (!patient.value())
    return d::MakeError(d::ErrorCode::kMissing,
                        "patient " + bsn->Masked() + " is not registered in this store (give --register FILE)");
  return *patient.value();
}

domain::Result<workstation::User> LogInFor(workstation::Workstation& w, const DraftArgs& a) {
  workstation::LoginMethod method{
      a.persona, a.caFile.empty() ? Env("ZORGBRUG_CA_FILE") : a.caFile,
      [](const std::string& url) { std::cerr << "Open this address to log in: " << url << "\n"; }};
  return w.LogIn(method, std::chrono::seconds(120));
}

void AddSessionOptions(CLI::App* cmd, DraftArgs& a, bool patient, bool login) {
  cmd->add_option("--store", a.store, "Local store file (default: the workstation's)");
  cmd->add_option("--key-file", a.keyFile, "Key file where no keychain runs (default: store.key beside the store)");
  cmd->add_flag("--no-keychain", a.noKeychain, "Do not ask the OS keychain for the key");
  if (patient) {
    cmd->add_option("--bsn", a.bsn, "The patient (registered in the store)")->required();
    cmd->add_option("--register", a.registerFile, "Register the patients of this file first when the BSN is unknown");
  }
  if (login) {
    cmd->add_option("--gateway", a.gateway, "Gateway URL for the login (default: $ZORGBRUG_GATEWAY)");
    cmd->add_option("--ca", a.caFile, "CA file for the gateway (default: $ZORGBRUG_CA_FILE, else the system store)");
    cmd->add_option("--persona", a.persona, "Sandbox only: log in as this persona without a browser");
  }
}

namespace {

// Waits for one lookup; the workstation stores it sealed when it ends.
bool LookUp(workstation::Workstation& w, const d::RegisteredPatient& patient, std::string& problem) {
  std::mutex m;
  std::condition_variable cv;
  std::optional<workstation::LookupEnd> end;
  auto id = w.LookUp(
      patient, [](workstation::Workstation::LookupId, d::SourceDelivery) {},
      [&](workstation::Workstation::LookupId, workstation::LookupEnd e) {
        std::lock_guard lock(m);
        end = e;
        cv.notify_all();
      });
  if (!id) {
    problem = id.error().detail;
    return false;
  }
  std::unique_lock lock(m);
  if (!cv.wait_for(lock, w.deadline() + std::chrono::seconds(5), [&] { return end.has_value(); })) {
    w.Cancel(id.value());
    problem = "the sources did not answer in time";
    return false;
  }
  if (!end->saved) problem = "the lookup could not be stored: " + end->saveError;
  return end->saved;
}

d::BlockId Treatment(const std::string& text) {
  const auto bar = text.find('|');
  if (bar == std::string::npos) return {"", text};
  return {text.substr(0, bar), text.substr(bar + 1)};
}

// The MBH as the stored overview names it: a bare value is matched against the lines' values.
d::Result<d::BlockId> ResolveTreatment(workstation::Workstation& w, const d::RegisteredPatient& p,
                                       const std::string& text) {
  auto given = Treatment(text);
  if (!given.system.empty()) return given;
  auto offline = w.OpenOffline(p);
  if (!offline) return offline.error();
  if (!offline.value()) return given;  // Save says that no retrieval is stored
  const auto overview = offline.value()->picture->Consolidate(boost::posix_time::second_clock::universal_time());
  std::vector<d::BlockId> found;
  for (const auto& line : overview.lines) {
    if (line.treatment.value == given.value) found.push_back(line.treatment);
  }
  if (found.size() > 1)
    return d::MakeError(d::ErrorCode::kInconsistent,
                        "treatment " + text + " exists under several systems; give system|value");
  return found.empty() ? given : found.front();
}

d::Result<d::MedicationDraft> BuildDraft(workstation::Workstation& w, const d::RegisteredPatient& patient,
                                         const DraftArgs& a) {
  d::MedicationDraft draft;
  static const std::pair<const char*, d::DraftAction> kActions[] = {
      {"continue", d::DraftAction::kContinue}, {"change", d::DraftAction::kChange}, {"stop", d::DraftAction::kStop},
      {"pause", d::DraftAction::kPause},       {"cancel", d::DraftAction::kCancel}, {"start", d::DraftAction::kStart}};
  for (const auto& [name, action] : kActions) {
    if (a.action == name) draft.action = action;
  }
  if (draft.action != d::DraftAction::kStart) {
    if (a.treatment.empty()) return d::MakeError(d::ErrorCode::kMissing, "--treatment is required for " + a.action);
    auto treatment = ResolveTreatment(w, patient, a.treatment);
    if (!treatment) return treatment.error();
    draft.treatment = treatment.value();
    if (!a.against.empty()) draft.against = {"", a.against};
  }
  if (!a.reason.empty()) {
    auto reason = d::ChangeOrStopReason(a.reason);
    if (!reason)
      return d::MakeError(d::ErrorCode::kOutOfRange,
                          "--reason " + a.reason + " is not in RedenWijzigenStaken (see --help for the codes)");
    draft.reason = *reason;
  }
  if (!a.pauseUntil.empty()) {
    auto date = d::ParseUserDate(a.pauseUntil);
    if (!date) return d::MakeError(date.error().code, "--pause-until: " + date.error().detail);
    draft.pauseUntil = d::DateTime::Parse(boost::gregorian::to_iso_extended_string(date.value())).value();
  }
  if (!a.product.empty()) {
    auto formulary = w.drafts().Formulary();
    if (!formulary) return formulary.error();
    const d::FormularyItem* chosen = nullptr;
    for (const auto& item : formulary->items()) {
      if (item.prk == a.product || item.gpk == a.product || item.hpk == a.product) chosen = &item;
    }
    if (!chosen) {
      const auto hits = formulary->Search(a.product);
      if (hits.size() == 1) chosen = hits.front();
      if (hits.size() > 1) {
        std::string names;
        for (const auto* h : hits) names += "\n  " + h->prk + "  " + h->name;
        return d::MakeError(d::ErrorCode::kInconsistent,
                            "--product '" + a.product + "' matches several products:" + names);
      }
    }
    if (chosen) {
      draft.product = d::ToProduct(*chosen);
    } else if (a.product.find_first_not_of("0123456789") == std::string::npos) {
      d::Product p;  // a PRK outside the formulary (Save asks for --off-formulary-reason)
      p.codes.push_back({d::ProductCodeLevel::kPrk, {std::string(d::systems::kPrk), a.product, ""}, true});
      draft.product = p;
    } else {
      return d::MakeError(d::ErrorCode::kMissing, "--product '" + a.product + "' is not on the formulary");
    }
  }
  draft.offFormularyReason = a.offFormularyReason;
  if (!a.amount.empty() || a.asNeeded) {
    d::DoseForm form;
    form.amount = a.amount;
    form.amountMax = a.amountMax;
    form.unit = a.unit;
    form.timesPerDay = a.perDay;
    form.everyDays = a.everyDays;
    for (std::size_t at = 0; at < a.times.size();) {
      const auto comma = a.times.find(',', at);
      form.timesOfDay.push_back(a.times.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
      at = comma == std::string::npos ? a.times.size() : comma + 1;
    }
    form.asNeeded = a.asNeeded;
    if (!a.condition.empty()) form.asNeededCondition.text = a.condition;
    form.maxPerDay = a.maxPerDay;
    if (a.days > 0) form.durationDays = a.days;
    auto route = d::FindDoseRoute(a.route);
    if (!route)
      return d::MakeError(d::ErrorCode::kOutOfRange, "--route " + a.route + " is not a route the editor knows");
    form.route = *route;
    auto dosage = d::ToDosage(form);
    if (!dosage) return dosage.error();
    draft.dosage = std::move(dosage.value());
    draft.renderedDosage = d::RenderDose(form);
  }
  if (!a.gds.empty()) {
    static const std::pair<const char*, d::GdsTiming> kTimings[] = {{"direct", d::GdsTiming::kDirect},
                                                                    {"rolwissel", d::GdsTiming::kNextRollChange},
                                                                    {"regulier", d::GdsTiming::kRegularProcessing}};
    for (const auto& [name, timing] : kTimings) {
      if (a.gds == name) draft.additionalInformation.push_back(d::GdsTimingCode(timing));
    }
  }
  return draft;
}

void Print(const workstation::DraftEntry& e) {
  std::cout << "draft " << e.id << ": " << d::ToString(e.draft.action);
  if (!e.draft.treatment.empty()) std::cout << "  treatment " << e.draft.treatment.value;
  if (!e.draft.against.empty()) std::cout << "  against " << e.draft.against.value;
  std::cout << (e.proposal ? "  PROPOSAL (a prescriber must adopt it)" : "") << "\n";
  if (!e.draft.reason.empty()) std::cout << "  reason: " << e.draft.reason.Label() << "\n";
  if (!e.draft.product->empty()) std::cout << "  product: " << e.draft.product->DisplayName() << "\n";
  if (!e.draft.renderedDosage.empty()) std::cout << "  dose: " << e.draft.renderedDosage << "\n";
  if (!e.draft.offFormularyReason.empty())
    std::cout << "  outside the formulary because: " << e.draft.offFormularyReason << "\n";
  std::cout << "  by " << e.author.name << " (" << e.author.roleCode << "), " << d::FormatDateTime(e.updatedAt) << "\n";
  if (e.freshness.Blocks()) {
    std::cout << "  SOURCE CHANGED (" << d::ToString(e.freshness.freshness) << ")";
    if (!e.freshness.nowAgreement.empty())
      std::cout << ": now " << e.freshness.nowAgreement.value << " from " << e.freshness.nowSource;
    std::cout << "; confirm the draft again before release\n";
  }
}

}  // namespace

bool DraftCommands::Parsed() const {
  return add->parsed() || list->parsed() || remove->parsed() || check->parsed() || importFormulary->parsed() ||
         importRoster->parsed() || release->parsed() || outbox->parsed();
}

DraftCommands AddDraftCommands(CLI::App& app, DraftArgs& a) {
  auto* draft = app.add_subcommand(
      "draft", "Medication drafts before admission, kept in the workstation's store (never sent until release)");
  draft->require_subcommand(1);
  auto* formulary = app.add_subcommand("formulary", "The home's formulary the drafts choose from");
  formulary->require_subcommand(1);
  DraftCommands c;
  c.add = draft->add_subcommand("add", "Write a draft for one treatment line (made against the stored retrieval)");
  c.list = draft->add_subcommand("list", "The patient's drafts, marked where the source changed since");
  c.remove = draft->add_subcommand("remove", "Delete a draft");
  c.check = draft->add_subcommand(
      "check", "The checks before release over the patient's drafts (exit 3 when something must be handled first)");
  c.importFormulary = formulary->add_subcommand("import", "Replace the formulary with a CSV or FHIR Medication file");
  auto* roster = app.add_subcommand("roster", "The organisation's pharmacy roster (who is open when)");
  roster->require_subcommand(1);
  c.importRoster =
      roster->add_subcommand("import", "Replace the pharmacy roster with a CSV or FHIR HealthcareService file");
  c.release = app.add_subcommand("release",
                                 "Release the patient's drafts (a prescriber): queue them in the outbox and send them");
  c.outbox = app.add_subcommand("outbox", "The patient's outbox; sends what is due first");
  for (auto* cmd : {c.importFormulary, c.importRoster}) AddSessionOptions(cmd, a, false, false);
  AddSessionOptions(c.list, a, true, false);
  for (auto* cmd : {c.add, c.remove, c.check, c.release, c.outbox}) AddSessionOptions(cmd, a, true, true);
  c.outbox->add_option("--paper", a.paper, "Write the paper prescription of pharmacy order ID (no receiver, refused)")
      ->needs(c.outbox->add_option("--pdf", a.paperPdf, "The PDF file for --paper"));
  c.outbox->add_option("--confirm-hand-delivery", a.confirmHandDelivery,
                       "Confirm that outbox item ID (no receiver, or refused) was delivered another way");
  c.add->add_flag("--lookup", a.lookUp, "Look the patient up at his sources first and store the result");
  c.add->add_option("--action", a.action, "What the draft does")
      ->required()
      ->check(CLI::IsMember({"continue", "change", "stop", "pause", "cancel", "start"}));
  c.add->add_option("--treatment", a.treatment, "The line's treatment (MBH) identifier: value or system|value");
  c.add->add_option("--against", a.against, "The agreement it changes, where the line has parallel ones");
  c.add->add_option("--reason", a.reason,
                    "Reason (RedenWijzigenStaken SNOMED code, or OTH), e.g. 182856006 niet voorradig");
  c.add->add_option("--pause-until", a.pauseUntil, "Pause: resume on dd-mm-jjjj (default: tot nader order)");
  c.add->add_option("--product", a.product, "New product: PRK/GPK/HPK code or words of a formulary name");
  c.add->add_option("--off-formulary-reason", a.offFormularyReason, "Why a product outside the formulary");
  c.add->add_option("--amount", a.amount, "Dose amount (decimal point), e.g. 1 or 0.5");
  c.add->add_option("--amount-max", a.amountMax, "Upper amount of a range (1 à 2)");
  c.add->add_option("--unit", a.unit, "stuk, gram, milliliter, dosis or druppel (default stuk)");
  c.add->add_option("--per-day", a.perDay, "Times per day")->check(CLI::Range(1, 24));
  c.add->add_option("--every-days", a.everyDays, "... per this many days (default 1)")->check(CLI::Range(1, 365));
  c.add->add_option("--times", a.times, "Times of day hh:mm,hh:mm instead of --per-day");
  c.add->add_flag("--as-needed", a.asNeeded, "Zo nodig");
  c.add->add_option("--condition", a.condition, "As needed: the condition, e.g. 'Bij pijn'");
  c.add->add_option("--max-per-day", a.maxPerDay, "As needed: at most this amount per day");
  c.add->add_option("--days", a.days, "Duration in days")->check(CLI::Range(1, 3650));
  c.add->add_option("--route", a.route, "Route: oraal, cutaan, intraveneus, ... (default oraal)");
  c.add->add_option("--gds", a.gds, "For a roll patient: direct, rolwissel or regulier")
      ->check(CLI::IsMember({"direct", "rolwissel", "regulier"}));
  c.add->add_option("--id", a.id, "Replace this draft instead of adding one");
  c.remove->add_option("--id", a.id, "The draft to delete")->required();
  c.release->add_option("--decide", a.decisions, "A signal's decision: 'KEY=reason' (the keys: run release once)");
  c.release->add_option("--pharmacy", a.pharmacyUra, "The pharmacy's URA (default: the patient's own pharmacy)");
  c.release->add_option("--identifier-root", a.identifierRoot,
                        "The organisation's OID root for new identifiers (default: $ZORGBRUG_IDENTIFIER_ROOT)");
  c.importFormulary
      ->add_option("file", a.formularyFile,
                   "CSV (naam;sterkte;vorm;prk;gpk;hpk;atc;stof;gds) or a FHIR Bundle of Medication")
      ->required();
  c.importRoster
      ->add_option("file", a.rosterFile,
                   "CSV (naam;ura;agb;regio;telefoon;adres;bezorgen;dienst;dagen;van;tot) or a FHIR Bundle of "
                   "HealthcareService")
      ->required();
  return c;
}

int RunDraft(const DraftCommands& commands, const DraftArgs& a) {
  auto opened = workstation::Workstation::Open(ConfigFrom(a));
  if (!opened) return Fail(kExitRefused, opened.error().detail);
  auto& w = *opened.value();
  const auto now = boost::posix_time::second_clock::universal_time();
  if (commands.importFormulary->parsed()) {
    auto n = w.drafts().ImportFormulary(a.formularyFile, d::NetherlandsDate(now));
    if (!n) return Fail(kExitRefused, n.error().detail);
    std::cout << "formulary imported: " << n.value() << " products\n";
    return 0;
  }
  if (commands.importRoster->parsed()) {
    auto n = w.drafts().ImportRoster(a.rosterFile, d::NetherlandsDate(now));
    if (!n) return Fail(kExitRefused, n.error().detail);
    std::cout << "pharmacy roster imported: " << n.value() << " pharmacies\n";
    const auto roster = w.drafts().Roster();  // kept: OpenAt points into it
    if (roster) {
      for (const auto* p : roster->OpenAt(now)) std::cout << "  open now: " << p->name << "\n";
    }
    return 0;
  }
  auto found = PatientFor(w, a);
  if (!found)
    return Fail(found.error().code == d::ErrorCode::kInvalidFormat ? kExitUsage : kExitRefused, found.error().detail);
  const std::optional<d::RegisteredPatient> patient = found.value();
  if (commands.list->parsed()) {
    auto drafts = w.drafts().List(*patient);
    if (!drafts) return Fail(kExitRefused, drafts.error().detail);
    if (drafts->empty()) std::cout << "no drafts\n";
    for (const auto& e : drafts.value()) Print(e);
    return 0;
  }
  auto user = LogInFor(w, a);
  if (!user) return Fail(kExitLogin, "login: " + present::DescribeLoginFailure(user.error()));
  if (commands.release->parsed() || commands.outbox->parsed())
    return RunRelease(w, *patient, a, commands.release->parsed(), now);
  if (commands.check->parsed()) {
    auto checked = w.drafts().Check(*patient, now);
    if (!checked) return Fail(kExitRefused, checked.error().detail);
    const auto& c = checked.value();
    std::cout << present::ChecksRunText(c.check) << "\n";
    for (const auto& s : c.check.signals) std::cout << "  " << present::DescribeSignal(s) << "\n";
    for (auto id : c.stale) std::cout << "  draft " << id << ": the source changed the line since; confirm it again\n";
    for (auto id : c.proposals) std::cout << "  draft " << id << ": a proposal; a prescriber must adopt it\n";
    for (const auto& p : c.problems) std::cout << "  " << p << "\n";
    std::cout << (c.Releasable() ? "nothing stands in the way of release\n" : "to handle before release\n");
    return c.Releasable() ? 0 : kExitToHandle;
  }
  if (commands.remove->parsed()) {
    auto removed = w.drafts().Remove(*patient, a.id);
    if (!removed) return Fail(kExitRefused, removed.error().detail);
    if (!removed.value())
      return Fail(kExitRefused, "draft " + std::to_string(a.id) + " does not exist for this patient");
    std::cout << "draft " << a.id << " removed\n";
    return 0;
  }
  if (a.lookUp) {
    std::string problem;
    if (!LookUp(w, *patient, problem)) return Fail(kExitLookup, "lookup: " + problem);
  }
  auto draft = BuildDraft(w, *patient, a);
  if (!draft) return Fail(kExitRefused, draft.error().detail);
  auto saved = w.drafts().Save(*patient, draft.value(), a.id, now);
  if (!saved) return Fail(kExitRefused, saved.error().detail);
  Print(saved.value());
  return 0;
}

}  // namespace zb::cli
