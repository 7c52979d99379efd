// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/patient_store.h"

#include <algorithm>

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;
using domain::RegisteredPatient;

namespace {
std::string RecordContext(std::int64_t id) { return "patients/record/" + std::to_string(id); }
}  // namespace

domain::Result<std::int64_t> PatientStore::Save(const RegisteredPatient& patient) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  const std::string key = m_cipher.BsnKey(patient.bsn.digits());
  std::int64_t id = patient.id;
  {
    auto other = m_db->Prepare("SELECT id FROM patients WHERE bsn_key = ?");
    if (!other) return other.error();
    other.value().Bind(1, key);
    if (other.value().Step() && other.value().Int(0) != id) {
      return MakeError(ErrorCode::kInconsistent,
                       "a patient with BSN " + patient.bsn.Masked() + " is already registered");
    }
  }
  const std::string now = detail::InstantText(boost::posix_time::second_clock::universal_time());
  if (id == 0) {
    // The id is part of the record's sealing context, so insert first, then seal.
    auto ins = m_db->Prepare("INSERT INTO patients(bsn_key, category, record, updated_at) VALUES(?, ?, x'', ?)");
    if (!ins) return ins.error();
    ins.value().Bind(1, key).Bind(2, domain::ToString(patient.category)).Bind(3, now);
    if (auto r = ins.value().Run(); !r) return r.error();
    id = m_db->LastInsertId();
  }
  detail::FieldWriter record;
  record.Add("bsn", patient.bsn.digits())
      .Add("name", patient.name)
      .Add("birth_date", detail::DateText(patient.birthDate));
  record.Add("expected_on", detail::DateText(patient.expectedOn)).Add("location", patient.location);
  auto up = m_db->Prepare("UPDATE patients SET bsn_key = ?, category = ?, record = ?, updated_at = ? WHERE id = ?");
  if (!up) return up.error();
  up.value()
      .Bind(1, key)
      .Bind(2, domain::ToString(patient.category))
      .Bind(3, m_cipher.Seal(record.str(), RecordContext(id)))
      .Bind(4, now)
      .Bind(5, id);
  if (auto r = up.value().Run(); !r) return r.error();
  auto clear = m_db->Prepare("DELETE FROM patient_sources WHERE patient_id = ?");
  if (!clear) return clear.error();
  clear.value().Bind(1, id);
  if (auto r = clear.value().Run(); !r) return r.error();
  for (std::size_t i = 0; i < patient.sources.size(); ++i) {
    const auto& s = patient.sources[i];
    auto add =
        m_db->Prepare("INSERT INTO patient_sources(patient_id, position, kind, ura, name) VALUES(?, ?, ?, ?, ?)");
    if (!add) return add.error();
    add.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, domain::ToString(s.source.kind))
        .Bind(4, s.ura)
        .Bind(5, s.source.name);
    if (auto r = add.value().Run(); !r) return r.error();
  }
  if (auto r = t.Commit(); !r) return r.error();
  return id;
}

domain::Result<RegisteredPatient> PatientStore::Load(std::int64_t id, const std::string& category, const Blob& sealed) {
  auto plain = m_cipher.Open(sealed, RecordContext(id));
  if (!plain) return plain.error();
  auto f = detail::ReadFields(plain.value());
  if (!f) return MakeError(ErrorCode::kInvalidFormat, RecordContext(id) + ": damaged record");
  auto bsn = domain::Bsn::Parse((*f)["bsn"]);
  if (!bsn) return MakeError(ErrorCode::kInvalidFormat, RecordContext(id) + ": stored BSN is not valid");
  RegisteredPatient p{id,
                      bsn.value(),
                      (*f)["name"],
                      detail::DateFromText((*f)["birth_date"]),
                      domain::PatientCategoryFromString(category).value_or(domain::PatientCategory::kAdmitted),
                      detail::DateFromText((*f)["expected_on"]),
                      (*f)["location"],
                      {}};
  auto s = m_db->Prepare("SELECT kind, ura, name FROM patient_sources WHERE patient_id = ? ORDER BY position");
  if (!s) return s.error();
  s.value().Bind(1, id);
  while (s.value().Step()) {
    domain::KnownSource k;
    k.source.kind = domain::SourceKindFromString(s.value().Text(0));
    k.ura = s.value().Text(1);
    k.source.name = s.value().Text(2);
    k.source.id = "ura-" + k.ura;
    p.sources.push_back(std::move(k));
  }
  if (s.value().error()) return *s.value().error();
  return p;
}

domain::Result<std::optional<RegisteredPatient>> PatientStore::FindOne(const char* where,
                                                                       const std::function<void(Statement&)>& bind) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT id, category, record FROM patients WHERE ") + where);
  if (!s) return s.error();
  bind(s.value());
  if (!s.value().Step()) {
    if (s.value().error()) return *s.value().error();
    return std::optional<RegisteredPatient>();
  }
  auto p = Load(s.value().Int(0), s.value().Text(1), s.value().BlobAt(2));
  if (!p) return p.error();
  return std::optional<RegisteredPatient>(std::move(p.value()));
}

domain::Result<std::optional<RegisteredPatient>> PatientStore::FindByBsn(const domain::Bsn& bsn) {
  return FindOne("bsn_key = ?", [&](Statement& s) { s.Bind(1, m_cipher.BsnKey(bsn.digits())); });
}

domain::Result<std::optional<RegisteredPatient>> PatientStore::Get(std::int64_t id) {
  return FindOne("id = ?", [&](Statement& s) { s.Bind(1, id); });
}

domain::Result<std::vector<RegisteredPatient>> PatientStore::List(domain::PatientCategory category) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare("SELECT id, category, record FROM patients WHERE category = ?");
  if (!s) return s.error();
  s.value().Bind(1, domain::ToString(category));
  std::vector<RegisteredPatient> out;
  while (s.value().Step()) {
    auto p = Load(s.value().Int(0), s.value().Text(1), s.value().BlobAt(2));
    if (!p) return p.error();
    out.push_back(std::move(p.value()));
  }
  if (s.value().error()) return *s.value().error();
  // Names are sealed, so the order is made here, not by SQL.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

domain::Result<bool> PatientStore::Remove(std::int64_t id) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare("DELETE FROM patients WHERE id = ?");
  if (!s) return s.error();
  s.value().Bind(1, id);
  return s.value().Run();
}

}  // namespace zb::store
