// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The workstation's one SQLite file: patients, the last retrieval per patient, medication drafts,
// the outbox of releases, on-call reports, settings and the audit trail, with patient data sealed under keys derived
// from the master key.
#include <memory>
#include <string>

#include "domain/result.h"
#include "store/amo_store.h"
#include "store/audit_trail.h"
#include "store/cipher.h"
#include "store/database.h"
#include "store/draft_store.h"
#include "store/outbox_store.h"
#include "store/patient_store.h"
#include "store/report_store.h"
#include "store/retrieval_cache.h"
#include "store/settings.h"

namespace zb::store {

class LocalStore {
 public:
  // Opens or creates the file and migrates it. A file sealed under another key is refused with
  // kRefused (the check value does not open) instead of showing empty or garbled data.
  // `anchor`: where the audit trail's head is kept outside the file (see AuditTrail::SetAnchor).
  static domain::Result<std::unique_ptr<LocalStore>> Open(const std::string& path, const MasterKey& key,
                                                          std::shared_ptr<HeadAnchor> anchor = nullptr);

  PatientStore& patients() { return m_patients; }
  RetrievalCache& retrievals() { return m_retrievals; }
  DraftStore& drafts() { return m_drafts; }
  OutboxStore& outbox() { return m_outbox; }
  ReportStore& reports() { return m_reports; }
  AmoStore& amos() { return m_amos; }
  AuditTrail& audit() { return m_audit; }
  Settings& settings() { return m_settings; }
  Database& database() { return *m_db; }

 private:
  LocalStore(std::shared_ptr<Database> db, const MasterKey& key);
  std::shared_ptr<Database> m_db;
  Cipher m_cipher;
  PatientStore m_patients;
  RetrievalCache m_retrievals;
  DraftStore m_drafts;
  OutboxStore m_outbox;
  ReportStore m_reports;
  AmoStore m_amos;
  AuditTrail m_audit;
  Settings m_settings;
};

}  // namespace zb::store
