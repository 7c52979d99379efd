// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/patient_session.h"

#include <boost/date_time/posix_time/posix_time.hpp>

#include "domain/open_substance_groups.h"
#include "present/formulary_marks.h"
#include "present/pharmacy_texts.h"
#include "present/report_context.h"

namespace zb::workstation {

using Phase = present::LookupProgress::Phase;

struct PatientSession::State {
  PatientLookups& lookups;
  Post post;
  OnChanged onChanged;

  std::optional<domain::RegisteredPatient> patient;
  std::unique_ptr<domain::PatientPicture> picture;  // what is shown: stored or fresh
  std::unique_ptr<domain::PatientPicture> pending;  // the fresh one, until its first answer
  std::optional<PatientLookups::LookupId> lookup;
  std::optional<domain::Instant> retrievedAt;
  bool stored = false;
  present::LookupProgress progress;
  std::shared_ptr<const domain::MedicationKnowledge> knowledge;
  // The picture the fresh one replaced, and when it was retrieved: what "changed since" compares with.
  std::unique_ptr<domain::PatientPicture> previous;
  std::optional<domain::Instant> previousAt;

  State(PatientLookups& l, Post p, OnChanged c, std::shared_ptr<const domain::MedicationKnowledge> k)
      : lookups(l), post(std::move(p)), onChanged(std::move(c)), knowledge(std::move(k)) {}

  void Changed(SessionChange change) const {
    if (onChanged) onChanged(change);
  }
  // Stops the running lookup without touching what is shown (before another one starts).
  void Abandon() {
    if (!lookup) return;
    lookups.Cancel(*lookup);
    lookup.reset();
    pending.reset();
  }
  void Ask(const std::weak_ptr<State>& self);
  void Delivered(PatientLookups::LookupId id, domain::SourceDelivery delivery);
  void Ended(PatientLookups::LookupId id, const LookupEnd& end);
};

namespace {

domain::Instant Now() { return boost::posix_time::second_clock::universal_time(); }

std::unique_ptr<domain::PatientPicture> PendingPicture(const domain::RegisteredPatient& patient) {
  std::vector<domain::SourceOutcome> expected;
  for (const auto& s : patient.sources) expected.push_back(domain::PendingOutcome(s.source, s.ura));
  return std::make_unique<domain::PatientPicture>(patient.bsn.digits(), expected);
}

}  // namespace

void PatientSession::State::Ask(const std::weak_ptr<State>& self) {
  Abandon();
  auto fresh = PendingPicture(*patient);
  // Both callbacks come in on the lookup's thread: hop to the owner's thread, and drop the answer
  // when the session is gone by then (the id check drops answers of an earlier lookup).
  auto started = lookups.LookUp(
      *patient,
      [self, post = post](PatientLookups::LookupId id, domain::SourceDelivery delivery) {
        auto shared = std::make_shared<domain::SourceDelivery>(std::move(delivery));
        post([self, id, shared] {
          if (auto state = self.lock()) state->Delivered(id, std::move(*shared));
        });
      },
      [self, post = post](PatientLookups::LookupId id, LookupEnd end) {
        post([self, id, end] {
          if (auto state = self.lock()) state->Ended(id, end);
        });
      });
  if (!started) {
    progress = {Phase::kNotStarted,     patient->sources.size(), false, true,
                started.error().detail, started.error().problem};
    return Changed({SessionChange::Kind::kNotStarted, std::nullopt});
  }
  lookup = started.value();
  if (!picture)
    picture = std::move(fresh);
  else
    pending = std::move(fresh);
  progress = {Phase::kRunning, patient->sources.size(), false, true, "", ""};
  Changed({SessionChange::Kind::kOpened, std::nullopt});
}

void PatientSession::State::Delivered(PatientLookups::LookupId id, domain::SourceDelivery delivery) {
  if (!lookup || *lookup != id) return;  // a late answer of an earlier lookup: never shown
  // The first fresh answer replaces the stored picture; from then on the fresh one grows.
  if (pending) {
    if (retrievedAt) {
      previous = std::move(picture);
      previousAt = retrievedAt;
    }
    picture = std::move(pending);
    stored = false;
    retrievedAt.reset();
  }
  SessionChange change{SessionChange::Kind::kSourceAnswered, delivery.outcome};
  picture->Deliver(std::move(delivery));
  Changed(std::move(change));
}

void PatientSession::State::Ended(PatientLookups::LookupId id, const LookupEnd& end) {
  if (!lookup || *lookup != id) return;
  lookup.reset();
  retrievedAt = Now();
  stored = false;
  progress = {
      Phase::kEnded, progress.sources, end.complete, end.saved || !patient || patient->id == 0, end.saveError, ""};
  Changed({SessionChange::Kind::kEnded, std::nullopt});
}

PatientSession::PatientSession(PatientLookups& lookups, Post post, OnChanged onChanged,
                               std::shared_ptr<const domain::MedicationKnowledge> knowledge)
    : m_state(std::make_shared<State>(
          lookups, std::move(post), std::move(onChanged),
          knowledge ? std::move(knowledge) : std::make_shared<const domain::OpenSubstanceGroups>())) {}

PatientSession::~PatientSession() { m_state->Abandon(); }

void PatientSession::Open(const domain::RegisteredPatient& patient) {
  State& s = *m_state;
  s.Abandon();  // the earlier patient's lookup: its sources are not shown any more
  s.patient = patient;
  s.picture.reset();
  s.previous.reset();
  s.previousAt.reset();
  s.retrievedAt.reset();
  s.stored = false;
  // The stored retrieval first: something to read while the sources are asked, marked as not current.
  auto offline = s.lookups.OpenOffline(patient);
  if (offline && offline.value()) {
    s.picture = std::move(offline.value()->picture);
    s.retrievedAt = offline.value()->retrievedAt;
    s.stored = true;
  }
  s.Ask(m_state);
}

void PatientSession::Refresh() {
  if (m_state->patient) m_state->Ask(m_state);
}

void PatientSession::Stop(domain::SourceStatus status, const std::string& reason) {
  State& s = *m_state;
  if (!s.lookup) return;
  s.Abandon();
  // What is shown stays, but a source still being asked is now missing: closed with `status`, so
  // the chips and the banner say the overview is incomplete instead of "being retrieved".
  if (s.picture) s.picture->ClosePending(status, reason);
  s.progress.phase = Phase::kStopped;
  s.Changed({SessionChange::Kind::kStopped, std::nullopt});
}

void PatientSession::Close() {
  State& s = *m_state;
  s.Abandon();
  s.patient.reset();
  s.picture.reset();
  s.previous.reset();
  s.previousAt.reset();
  s.retrievedAt.reset();
  s.stored = false;
  s.progress = {};
}

const std::optional<domain::RegisteredPatient>& PatientSession::patient() const { return m_state->patient; }
const domain::PatientPicture* PatientSession::picture() const { return m_state->picture.get(); }
bool PatientSession::running() const { return m_state->lookup.has_value(); }
bool PatientSession::stored() const { return m_state->stored; }
present::LookupProgress PatientSession::progress() const { return m_state->progress; }

domain::ReportContext ReportContextOf(const domain::PatientPicture& picture, domain::Instant retrievedAt,
                                      domain::Instant now, const domain::MedicationKnowledge& knowledge) {
  const auto overview = picture.Consolidate(now);
  const auto ica = picture.Ica(now);
  const auto check = domain::CheckIca(overview, ica, knowledge);
  return present::ReportContextOf(present::BuildOverviewView(picture, overview, ica, false, &check), retrievedAt);
}

std::optional<domain::ReportContext> PatientSession::ContextForReport(domain::Instant now) const {
  const State& s = *m_state;
  if (!s.picture) return std::nullopt;
  return ReportContextOf(*s.picture, s.retrievedAt.value_or(now), now, *s.knowledge);
}

PatientScreen PatientSession::Screen(domain::Instant now, const ScreenOptions& options) const {
  const State& s = *m_state;
  PatientScreen screen;
  screen.progress = s.progress;
  if (!s.patient) return screen;
  if (s.picture) {
    screen.overview = std::make_shared<const domain::Overview>(s.picture->Consolidate(now));
    screen.ica = s.picture->Ica(now);
    screen.icaCheck = domain::CheckIca(*screen.overview, screen.ica, *s.knowledge);
    std::optional<present::ChangesSincePrevious> changes;
    if (s.previous && s.previousAt && !s.stored) {
      changes = present::ChangesSincePrevious{domain::ChangesSince(s.previous->Consolidate(now), *screen.overview),
                                              *s.previousAt};
    }
    screen.view = present::BuildOverviewView(*s.picture, *screen.overview, screen.ica, options.showHistory,
                                             &screen.icaCheck, changes ? &*changes : nullptr);
    if (options.formulary) present::MarkOffFormulary(screen.view, *screen.overview, *options.formulary, *s.knowledge);
    screen.sourceNames = present::SourceNames(*s.picture);
  }
  const present::Freshness freshness{s.retrievedAt, s.stored, s.lookup.has_value()};
  screen.header =
      present::BuildPatientHeader(*s.patient, s.picture.get(), screen.overview && screen.overview->AnyInRoll(),
                                  freshness, now, s.picture ? &screen.ica : nullptr);
  // Nothing to show because nothing could be asked (a role that may not retrieve, no login): the
  // header says why, where the reader looks, not only the status bar.
  if (screen.overview && screen.overview->data) {
    static const domain::PharmacyRoster kNone;
    const auto& roster = options.roster ? *options.roster : kNone;
    screen.pharmacy = domain::ReachAt(*screen.overview->data, roster, now);
    screen.header.pharmacy = present::OwnPharmacyText(screen.pharmacy, screen.sourceNames);
    // One wrapped line beside the rest of the header: the medication list keeps its room on a small
    // screen. Without a roster nothing is claimed about opening hours.
    if (!roster.empty()) screen.header.pharmacy += " · " + present::OpenNowText(screen.pharmacy, roster);
    screen.header.pharmacyClosed = screen.pharmacy.Warn();
  }
  if (!s.picture && s.progress.phase == Phase::kNotStarted)
    screen.header.freshness = present::DescribeLookup(s.progress);
  return screen;
}

}  // namespace zb::workstation
