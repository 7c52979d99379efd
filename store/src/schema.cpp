// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include <string>
#include <vector>

namespace zb::store::detail {
namespace {

// Migration i brings the schema from version i to i + 1. Never edit a released step; add one.
const std::vector<const char*> kMigrations{
    // 0 -> 1: patients with their known sources, the last retrieval per patient, settings, audit.
    // Patient identity (BSN, name, birth date, ...) lives only in the sealed `record`; bsn_key is a
    // keyed hash for look-up. Source details and payloads are sealed too; statuses are not patient
    // data and stay readable for the sources tab and diagnostics.
    R"sql(
CREATE TABLE patients(
  id INTEGER PRIMARY KEY,
  bsn_key TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL CHECK(category IN ('expected','admitted','temporary')),
  record BLOB NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE patient_sources(
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ura TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY(patient_id, position),
  UNIQUE(patient_id, ura));
CREATE TABLE retrievals(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  retrieved_at TEXT NOT NULL,
  complete INTEGER NOT NULL);
CREATE INDEX retrievals_patient ON retrievals(patient_id, retrieved_at);
CREATE TABLE retrieval_sources(
  retrieval_id INTEGER NOT NULL REFERENCES retrievals(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  name TEXT NOT NULL,
  ura TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  elapsed_ms INTEGER NOT NULL,
  slowest_ms INTEGER NOT NULL,
  requests INTEGER NOT NULL,
  resources INTEGER NOT NULL,
  blocks INTEGER NOT NULL,
  detail BLOB NOT NULL,
  snapshot BLOB NOT NULL,
  PRIMARY KEY(retrieval_id, position));
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  role_code TEXT NOT NULL,
  organisation_ura TEXT NOT NULL,
  patient_key TEXT NOT NULL,
  action TEXT NOT NULL,
  context TEXT NOT NULL,
  outcome TEXT NOT NULL,
  prev_mac TEXT NOT NULL,
  mac TEXT NOT NULL);
CREATE INDEX audit_patient ON audit(patient_key, seq);
CREATE TABLE audit_head(
  id INTEGER PRIMARY KEY CHECK(id = 1),
  seq INTEGER NOT NULL,
  mac TEXT NOT NULL,
  seal TEXT NOT NULL);
)sql",
    // 1 -> 2: a partial source names the query kinds that did not deliver ("TA,MVE"); kinds are
    // not patient data and stay readable.
    R"sql(
ALTER TABLE retrieval_sources ADD COLUMN missing TEXT NOT NULL DEFAULT '';
)sql",
    // 2 -> 3: the source's phone number from the address directory, so that offline, from the
    // last retrieval, the physician still knows whom to call. An organisation's number, not patient data.
    R"sql(
ALTER TABLE retrieval_sources ADD COLUMN phone TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: the physician's medication drafts before admission (prescribing.md). The draft itself
    // (treatment, action, dose, product) is sealed; treatment_key is a keyed hash so that a
    // treatment line has at most one draft (NULL for a new start: several may exist). Who wrote it
    // stays readable, as in the audit trail; `proposal` marks one prepared by a non-prescriber.
    R"sql(
CREATE TABLE drafts(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  treatment_key TEXT,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  author_ura TEXT NOT NULL,
  proposal INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  record BLOB NOT NULL,
  UNIQUE(patient_id, treatment_key));
CREATE INDEX drafts_patient ON drafts(patient_id, id);
)sql",
    // 4 -> 5: the outbox of releases (prescribing.md A-R5). The Bundle and the receiver's answer
    // are sealed; bundle_identifier is UNIQUE so one release is never queued, nor sent, twice.
    R"sql(
CREATE TABLE outbox(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  release_id TEXT NOT NULL,
  bundle_identifier TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL,
  receiver_ura TEXT NOT NULL,
  receiver_name TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt TEXT,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  author_ura TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  record BLOB NOT NULL);
CREATE INDEX outbox_patient ON outbox(patient_id, id);
CREATE INDEX outbox_state ON outbox(state);
)sql",
    // 5 -> 6: when the pharmacy's processing answer (TA + MVE) for a delivered release arrived;
    // the answer itself is sealed in the record. NULL: still waiting for it.
    R"sql(
ALTER TABLE outbox ADD COLUMN processed_at TEXT;
)sql",
    // 6 -> 7: on-call reports (waarneem.md), one row per version. The report and, once signed, its
    // frozen FHIR document are sealed; status and who wrote it stay readable for the shift view.
    // A signed row is never updated: ReportStore refuses it, and the trigger makes sure.
    R"sql(
CREATE TABLE reports(
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL UNIQUE,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_role TEXT NOT NULL,
  author_ura TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  signed_at TEXT,
  record BLOB NOT NULL);
CREATE INDEX reports_patient ON reports(patient_id, id);
CREATE TRIGGER reports_signed_frozen BEFORE UPDATE ON reports WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a signed report version cannot change'); END;
)sql",
    // 7 -> 8: sending a signed report version to the patient's own organisation. The row is written
    // before the gateway is asked, so a crash in between sends it again at the next start (the
    // gateway keeps one per report); state: queued, sent (the gateway has it), no_endpoint (PDF by
    // secure mail), delivered_by_hand (confirmed), refused. No patient data: the report holds it.
    R"sql(
CREATE TABLE report_sends(
  report_id TEXT PRIMARY KEY REFERENCES reports(report_id) ON DELETE CASCADE,
  receiver_ura TEXT NOT NULL,
  state TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  task_id TEXT NOT NULL DEFAULT '');
CREATE INDEX report_sends_state ON report_sends(state);
)sql",
    // 8 -> 9: a report may be addressed to a team of the receiving organisation (its routing label,
    // docs/waarneem-ig.md §5a): kept with the send, so a resend after a crash goes to the same team.
    R"sql(
ALTER TABLE report_sends ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
ALTER TABLE report_sends ADD COLUMN team_name TEXT NOT NULL DEFAULT '';
)sql",
    // 9 -> 10: imported discharge AMOs in the secretariat's review queue (docs/amo-import.md),
    // sealed; the state is in the clear so the queue lists without opening every record.
    R"sql(
CREATE TABLE amo_imports(
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK(state IN ('imported','checked','accepted')),
  imported_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  record BLOB NOT NULL);
CREATE INDEX amo_imports_state ON amo_imports(state, id);
CREATE INDEX amo_imports_patient ON amo_imports(patient_id, id);
)sql",
};

domain::Result<int> UserVersion(Database& db) {
  auto s = db.Prepare("PRAGMA user_version");
  if (!s) return s.error();
  if (!s.value().Step())
    return s.value().error() ? *s.value().error() : domain::MakeError(domain::ErrorCode::kIo, "no user_version");
  return static_cast<int>(s.value().Int(0));
}

}  // namespace

domain::Result<int> Migrate(Database& db) {
  auto lock = db.Lock();
  auto version = UserVersion(db);
  if (!version) return version.error();
  if (version.value() > kSchemaVersion) {
    return domain::MakeError(domain::ErrorCode::kUnsupported, db.path() + " was written by a newer Zorgbrug (schema " +
                                                                  std::to_string(version.value()) +
                                                                  "); update Zorgbrug to open it");
  }
  for (int v = version.value(); v < kSchemaVersion; ++v) {
    Transaction t(db);
    if (t.error()) return *t.error();
    auto step = db.Execute(kMigrations[static_cast<std::size_t>(v)]);
    if (!step)
      return domain::MakeError(step.error().code, "schema step " + std::to_string(v) + " -> " + std::to_string(v + 1) +
                                                      ": " + step.error().detail);
    auto mark = db.Execute("PRAGMA user_version = " + std::to_string(v + 1));
    if (!mark) return mark.error();
    auto done = t.Commit();
    if (!done) return done.error();
  }
  return kSchemaVersion;
}

}  // namespace zb::store::detail
