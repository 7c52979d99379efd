// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's use cases without a window: open the local store, log in through the gateway,
// look a registered patient up at his sources (saving the result sealed, for offline use), reopen
// the last retrieval offline, and audit every access. The GUI drives this; tests drive it directly.
// Threads: LogIn blocks (call it off the UI thread); lookup callbacks run on the retriever's
// thread, so a UI hops to its own thread before touching widgets.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "domain/audit.h"
#include "domain/patient_register.h"
#include "domain/result.h"
#include "domain/retrieval.h"
#include "store/local_store.h"

namespace zb::net::client {
class BrowserLauncher;
}

namespace zb::workstation {

struct Config {
  std::string gateway;    // https URL of the organisation's gateway
  std::string caFile;     // trust for the gateway (empty: the system store)
  std::string storePath;  // the local store file
  std::string keyFile;    // key file used where no keychain runs
  bool useKeychain = true;
  std::chrono::milliseconds deadline{15000};  // per source
};

struct User {
  domain::AuditUser audit;  // DEZI number, name, role code, organisation URA
  std::string roleName;
  std::string organisation;
  std::string Describe() const;  // "A. de Vries, Specialist ouderengeneeskunde (01.047), Org (URA 90000380)"
};

// An organisation as the directory knows it (the Discovery Services the gateway searches).
struct Organisation {
  std::string ura;
  std::string name;
  std::string city;
  std::vector<std::string> services;  // e.g. the medication exchange, zorginzage
};

// A lookup's end: what was saved, and whether the picture is complete.
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

class Workstation {
 public:
  using LookupId = std::uint64_t;
  using OnSource = std::function<void(LookupId, domain::SourceDelivery)>;
  using OnEnd = std::function<void(LookupId, LookupEnd)>;

  static domain::Result<std::unique_ptr<Workstation>> Open(const Config& config);
  ~Workstation();

  // Non-empty when the store key sits in a file because no keychain runs: show it.
  const std::string& keyWarning() const;
  store::LocalStore& store();
  const Config& config() const;

  domain::Result<User> LogIn(net::client::BrowserLauncher& browser, std::chrono::milliseconds timeout);
  void LogOut();
  std::optional<User> user() const;

  // Blocking (call off the UI thread): organisations whose URA is `uraOrName` (8 digits) or whose
  // name contains it, one entry per URA. Needs a login.
  domain::Result<std::vector<Organisation>> FindOrganisations(const std::string& uraOrName);
  // Blocking: can a gateway be reached and trusted at `url` with `caFile`? The organisation it
  // serves, or why not. No login, no store: the settings dialog's "test connection".
  static domain::Result<std::string> TestGateway(const std::string& url, const std::string& caFile);

  // Starts asking the patient's sources. Each source's delivery goes to `onSource` as it arrives;
  // after the last one the retrieval is saved and audited, then `onEnd` runs.
  domain::Result<LookupId> LookUp(const domain::RegisteredPatient& patient, OnSource onSource, OnEnd onEnd);
  // Nothing of a cancelled lookup arrives after this returns.
  void Cancel(LookupId id);

  domain::Result<std::optional<OfflinePicture>> OpenOffline(const domain::RegisteredPatient& patient);

  // Records an access by the logged-in user (actions without a user are recorded as "unknown").
  void Audit(domain::AuditAction action, const std::string& patientBsn, const std::string& context,
             const std::string& outcome);

 private:
  struct Impl;
  explicit Workstation(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::workstation
