// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's use cases without a window, and the only door the windows have: log in through
// the gateway, list and register patients, look a patient up at his sources (saving the result
// sealed, for offline use) or reopen the last retrieval offline, search the directory, read and
// save the settings, and read or export the audit trail — every access audited. The store, the
// gateway client and the keychain stay behind this façade (gui/ cannot include their headers).
// Threads: LogIn, FindOrganisations and TestGateway block (call them off the UI thread); lookup
// callbacks run on the retriever's thread.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/identifiers.h"
#include "domain/patient_register.h"
#include "domain/result.h"
#include "workstation/draft_book.h"
#include "workstation/patient_lookups.h"
#include "workstation/preferences.h"
#include "workstation/release_desk.h"
#include "workstation/report_book.h"

namespace zb::workstation {

struct Config {
  std::string gateway;    // https URL of the organisation's gateway
  std::string caFile;     // trust for the gateway (empty: the system store)
  std::string storePath;  // the local store file
  std::string keyFile;    // key file used where no keychain runs
  bool useKeychain = true;
  std::chrono::milliseconds deadline{15000};                            // per source
  std::vector<std::string> prescriberRoles = DefaultPrescriberRoles();  // DEZI roles that may prescribe
  // The organisation's OID root for the identifiers of the blocks it releases ("2.16.528.…"); no
  // default: an organisation's identifiers must be its own. Without it nothing can be released.
  std::string identifierRoot;
};

struct User {
  domain::AuditUser audit;  // DEZI number, name, role code, organisation URA
  std::string roleName;
  std::string organisation;
  bool mayRetrieve = false;      // the gateway lets this role look patients up at other organisations
  bool mayRelease = false;       // the gateway lets this role send a release
  std::string Describe() const;  // "A. de Vries, Specialist ouderengeneeskunde (01.047), Org (URA 90000380)"
};

// How a login reaches DEZI.
struct LoginMethod {
  std::string persona;  // sandbox: complete the login as this persona without a browser; empty: the system browser
  std::string caFile;   // the persona's trust for DEZI's pages (empty: the gateway's)
  // No browser could be started: the login URL to show, to be opened by hand on this computer (DEZI
  // redirects to a loopback address); the login keeps waiting. Runs on the login's thread.
  std::function<void(const std::string& url)> showUrl;
};

// An organisation as the directory knows it (the Discovery Services the gateway searches).
struct Organisation {
  std::string ura;
  std::string name;
  std::string city;
  std::vector<std::string> services;  // e.g. the medication exchange, zorginzage
};

struct AuditEntry {
  std::int64_t seq = 0;
  domain::AuditEvent event;  // patientBsn is empty: the trail keeps only a keyed hash
};

// The local audit trail as a reader sees it: whether its chain holds, and the records.
struct AuditTrailView {
  bool intact = false;
  std::size_t checked = 0;  // records whose MAC was checked
  std::string problem;      // the first break in the chain, language-neutral
  domain::Result<std::vector<AuditEntry>> entries = std::vector<AuditEntry>{};
};

// The per-user store file where none is given ($ZORGBRUG_DATA_DIR, else the platform's data folder).
std::string DefaultStorePath();

class Workstation final : public PatientLookups {
 public:
  static domain::Result<std::unique_ptr<Workstation>> Open(const Config& config);
  ~Workstation() override;

  // Non-empty when the store key sits in a file because no keychain runs: show it.
  const std::string& keyWarning() const;
  const Config& config() const;

  // Blocking. A failure carries the problem code of the gateway or of the login flow
  // (present::DescribeLoginFailure words it).
  domain::Result<User> LogIn(const LoginMethod& method, std::chrono::milliseconds timeout);
  void LogOut();
  std::optional<User> user() const;

  // Blocking: organisations whose URA is `uraOrName` (8 digits) or whose name contains it, one
  // entry per URA. Needs a login (problem "not_logged_in" otherwise).
  domain::Result<std::vector<Organisation>> FindOrganisations(const std::string& uraOrName);
  // Blocking: can a gateway be reached and trusted at `url` with `caFile`? The organisation it
  // serves, or why not. No login, no store: the settings dialog's "test connection".
  static domain::Result<Organisation> TestGateway(const std::string& url, const std::string& caFile);

  // The registered patients of a category, by name.
  domain::Result<std::vector<domain::RegisteredPatient>> ListPatients(domain::PatientCategory category);
  // Validates (domain::Validate on `today`), stores and audits (registered or edited) in one step;
  // the patient as stored, with its id. Validation problems come back as one kInvalidFormat error,
  // one problem per line.
  domain::Result<domain::RegisteredPatient> SavePatient(domain::RegisteredPatient patient, domain::Date today);
  // The registered patient with this BSN; nullopt when the store has none.
  domain::Result<std::optional<domain::RegisteredPatient>> FindPatient(const domain::Bsn& bsn);
  // Adds the register file's patients that the store does not have yet (by BSN); how many.
  domain::Result<std::size_t> ImportRegister(const std::string& path);

  // The medication drafts before admission (kept in this workstation's store; never sent until release).
  DraftBook& drafts();
  // On-call reports: written during a shift, signed, corrected (report_book.h).
  ReportBook& reports();
  // Release of the drafts and the outbox (sending goes through the gateway session).
  ReleaseDesk& releases();

  domain::Result<Preferences> LoadPreferences();
  domain::Result<bool> SavePreferences(const Preferences& preferences);

  // PatientLookups: a fresh lookup (needs a login, and a role the gateway lets retrieve: problem
  // "role_not_allowed" otherwise, before anything is asked) is saved sealed and audited when it
  // ends; the offline picture's opening is audited.
  domain::Result<std::optional<OfflinePicture>> OpenOffline(const domain::RegisteredPatient& patient) override;
  domain::Result<LookupId> LookUp(const domain::RegisteredPatient& patient, OnSource onSource, OnEnd onEnd) override;
  void Cancel(LookupId id) override;
  std::chrono::milliseconds deadline() const override;

  // Records an access by the logged-in user (actions without a user are recorded as "unknown").
  void Audit(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
             const std::string& outcome);
  // The trail (of one patient, or all), with its chain checked; the view itself is audited.
  AuditTrailView AuditTrail(const std::optional<domain::Bsn>& patient);
  // Writes the trail as TSV to `path` (kIo naming the path when it cannot be written); audited.
  domain::Result<bool> ExportAudit(const std::optional<domain::Bsn>& patient, const std::string& path);

 private:
  struct Impl;
  explicit Workstation(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
