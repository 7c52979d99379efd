// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/audit_trail.h"

#include "fields.h"
#include "time_text.h"

namespace zb::store {

using domain::ErrorCode;
using domain::MakeError;

namespace {

constexpr const char* kGenesis = "genesis";

struct Row {
  std::int64_t seq;
  std::string at, userId, userName, roleCode, ura, patientKey, action, context, outcome, prevMac, mac;
};

std::string Canonical(const Row& r) {
  detail::FieldWriter w;
  w.Add("seq", std::to_string(r.seq)).Add("at", r.at).Add("user_id", r.userId).Add("user_name", r.userName);
  w.Add("role_code", r.roleCode)
      .Add("organisation_ura", r.ura)
      .Add("patient_key", r.patientKey)
      .Add("action", r.action);
  w.Add("context", r.context).Add("outcome", r.outcome).Add("prev_mac", r.prevMac);
  return w.str();
}

std::string HeadSeal(const Cipher& c, std::int64_t seq, const std::string& mac) {
  return c.AuditMac("head:" + std::to_string(seq) + ":" + mac);
}

// The head as kept outside the store: "v1:<seq>:<mac>:<seal>". The seal (under the audit key)
// stops a planted or hand-edited anchor from passing, and ties it to this store's key.
constexpr const char* kAnchoredSetting = "audit-anchored";

struct Anchor {
  std::int64_t seq = 0;
  std::string mac;
};

std::string AnchorText(const Cipher& c, std::int64_t seq, const std::string& mac) {
  return "v1:" + std::to_string(seq) + ":" + mac + ":" + c.AuditMac("anchor:" + std::to_string(seq) + ":" + mac);
}

std::optional<Anchor> ParseAnchor(const Cipher& c, const std::string& text) {
  if (text.rfind("v1:", 0) != 0) return std::nullopt;
  const auto a = text.find(':', 3);
  const auto b = a == std::string::npos ? a : text.find(':', a + 1);
  if (b == std::string::npos) return std::nullopt;
  const std::string seqText = text.substr(3, a - 3);
  if (seqText.empty() || seqText.size() > 18 || seqText.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  Anchor out{std::stoll(seqText), text.substr(a + 1, b - a - 1)};
  if (text != AnchorText(c, out.seq, out.mac)) return std::nullopt;
  return out;
}

constexpr const char* kColumns =
    "seq, at, user_id, user_name, role_code, organisation_ura, patient_key, action, context, outcome, prev_mac, mac";

Row ReadRow(const Statement& s) {
  return Row{s.Int(0),  s.Text(1), s.Text(2), s.Text(3), s.Text(4),  s.Text(5),
             s.Text(6), s.Text(7), s.Text(8), s.Text(9), s.Text(10), s.Text(11)};
}

AuditRecord ToRecord(const Row& r) {
  AuditRecord a;
  a.seq = r.seq;
  a.event.at = detail::InstantFromText(r.at).value_or(domain::Instant());
  a.event.actor = {r.userId, r.userName, r.roleCode, r.ura};
  a.event.action = domain::AuditActionFromString(r.action).value_or(domain::AuditAction::kViewOverview);
  a.event.context = r.context;
  a.event.outcome = r.outcome;
  a.patientKey = r.patientKey;
  return a;
}

}  // namespace

domain::Result<std::int64_t> AuditTrail::Append(const domain::AuditEvent& event) {
  auto lock = m_db->Lock();
  Transaction t(*m_db);
  if (t.error()) return *t.error();
  std::int64_t lastSeq = 0;
  std::string lastMac = kGenesis;
  {
    auto head = m_db->Prepare("SELECT seq, mac FROM audit_head WHERE id = 1");
    if (!head) return head.error();
    if (head.value().Step()) {
      lastSeq = head.value().Int(0);
      lastMac = head.value().Text(1);
    } else if (head.value().error()) {
      return *head.value().error();
    }
  }
  Row r{lastSeq + 1,
        detail::InstantText(event.at),
        event.actor.userId,
        event.actor.name,
        event.actor.roleCode,
        event.actor.organisationUra,
        event.patientBsn.empty() ? std::string() : m_cipher.BsnKey(event.patientBsn),
        domain::ToString(event.action),
        event.context,
        event.outcome,
        lastMac,
        ""};
  r.mac = m_cipher.AuditMac(Canonical(r));
  auto ins =
      m_db->Prepare(std::string("INSERT INTO audit(") + kColumns + ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  ins.value().Bind(1, r.seq).Bind(2, r.at).Bind(3, r.userId).Bind(4, r.userName).Bind(5, r.roleCode).Bind(6, r.ura);
  ins.value()
      .Bind(7, r.patientKey)
      .Bind(8, r.action)
      .Bind(9, r.context)
      .Bind(10, r.outcome)
      .Bind(11, r.prevMac)
      .Bind(12, r.mac);
  if (auto x = ins.value().Run(); !x) return x.error();
  auto head = m_db->Prepare(
      "INSERT INTO audit_head(id, seq, mac, seal) VALUES(1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, mac = excluded.mac, seal = excluded.seal");
  if (!head) return head.error();
  head.value().Bind(1, r.seq).Bind(2, r.mac).Bind(3, HeadSeal(m_cipher, r.seq, r.mac));
  if (auto x = head.value().Run(); !x) return x.error();
  if (m_anchor) {
    // Remembered in the store itself, so that losing the anchor later is a finding, not a reset.
    if (auto x = m_db->Execute(std::string("INSERT INTO settings(key, value) VALUES('") + kAnchoredSetting +
                               "', '1') ON CONFLICT(key) DO NOTHING");
        !x)
      return x.error();
  }
  if (auto x = t.Commit(); !x) return x.error();
  if (m_anchor) {
    // After the commit: a crash in between leaves the anchor one record behind, which verifies.
    if (auto saved = m_anchor->Save(AnchorText(m_cipher, r.seq, r.mac)); !saved)
      return MakeError(saved.error().code,
                       "audit record " + std::to_string(r.seq) +
                           " was written, but its head could not be kept outside the store: " + saved.error().detail);
  }
  return r.seq;
}

domain::Result<std::vector<AuditRecord>> AuditTrail::Query(const std::string& where, const std::string& patientKey) {
  auto lock = m_db->Lock();
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM audit " + where + " ORDER BY seq");
  if (!s) return s.error();
  if (!patientKey.empty()) s.value().Bind(1, patientKey);
  std::vector<AuditRecord> out;
  while (s.value().Step()) out.push_back(ToRecord(ReadRow(s.value())));
  if (s.value().error()) return *s.value().error();
  return out;
}

domain::Result<std::vector<AuditRecord>> AuditTrail::ForPatient(const domain::Bsn& bsn) {
  return Query("WHERE patient_key = ?", m_cipher.BsnKey(bsn.digits()));
}

domain::Result<std::vector<AuditRecord>> AuditTrail::All() { return Query("", ""); }

AuditCheck AuditTrail::Verify() {
  auto lock = m_db->Lock();
  AuditCheck c;
  std::optional<Anchor> anchor;
  if (m_anchor) {
    auto loaded = m_anchor->Load();
    if (!loaded)
      return AuditCheck{false, 0, "the trail's head kept outside the store cannot be read: " + loaded.error().detail};
    if (loaded.value()) {
      anchor = ParseAnchor(m_cipher, *loaded.value());
      if (!anchor)
        return AuditCheck{false, 0, "the trail's head kept outside the store was altered, or belongs to another store"};
    }
  }
  std::string macAtAnchor;
  auto s = m_db->Prepare(std::string("SELECT ") + kColumns + " FROM audit ORDER BY seq");
  if (!s) return AuditCheck{false, 0, s.error().detail};
  std::int64_t expectSeq = 1;
  std::string prev = kGenesis;
  while (s.value().Step()) {
    const Row r = ReadRow(s.value());
    const std::string where = "record " + std::to_string(r.seq);
    if (r.seq != expectSeq) {
      c.problem = "record " + std::to_string(expectSeq) + (r.seq > expectSeq ? " is missing" : " is out of order") +
                  " (found " + std::to_string(r.seq) + " next)";
      return c;
    }
    if (r.prevMac != prev) {
      c.problem = where + " does not follow the record before it (removed, inserted or reordered)";
      return c;
    }
    if (m_cipher.AuditMac(Canonical(r)) != r.mac) {
      c.problem = where + " was altered after it was written";
      return c;
    }
    if (anchor && r.seq == anchor->seq) macAtAnchor = r.mac;
    prev = r.mac;
    ++expectSeq;
    ++c.records;
  }
  if (s.value().error()) return AuditCheck{false, c.records, s.value().error()->detail};
  auto head = m_db->Prepare("SELECT seq, mac, seal FROM audit_head WHERE id = 1");
  if (!head) return AuditCheck{false, c.records, head.error().detail};
  if (!head.value().Step()) {
    if (c.records == 0) {
      c.problem = CheckAnchor(c.records, anchor ? anchor->seq : -1, !anchor || macAtAnchor == anchor->mac);
      c.intact = c.problem.empty();
      return c;
    }
    c.problem = "the chain's head record is missing";
    return c;
  }
  const auto headSeq = head.value().Int(0);
  const auto headMac = head.value().Text(1);
  if (head.value().Text(2) != HeadSeal(m_cipher, headSeq, headMac)) {
    c.problem = "the chain's head was altered";
    return c;
  }
  if (headSeq != static_cast<std::int64_t>(c.records) || headMac != prev) {
    c.problem =
        "records after " + std::to_string(c.records) + " were removed (the head says " + std::to_string(headSeq) + ")";
    return c;
  }
  c.problem = CheckAnchor(c.records, anchor ? anchor->seq : -1, !anchor || macAtAnchor == anchor->mac);
  c.intact = c.problem.empty();
  return c;
}

// `anchorSeq` is -1 when no anchor was ever saved; `macMatches`: the record at anchorSeq has the anchored MAC. Called
// with the database lock held.
std::string AuditTrail::CheckAnchor(std::size_t records, std::int64_t anchorSeq, bool macMatches) {
  if (!m_anchor) return "";
  if (anchorSeq < 0) {
    auto s = m_db->Prepare(std::string("SELECT 1 FROM settings WHERE key = '") + kAnchoredSetting + "'");
    if (!s) return s.error().detail;
    if (s.value().Step())
      return "the trail's head kept outside the store (beside its key) is missing: it was removed, or this store "
             "was copied from another account or computer";
    return "";
  }
  if (anchorSeq > static_cast<std::int64_t>(records))
    return "records after " + std::to_string(records) + " were removed: the head kept outside the store names record " +
           std::to_string(anchorSeq) + " (was an earlier copy of the store put back?)";
  if (anchorSeq > 0 && !macMatches)
    return "record " + std::to_string(anchorSeq) +
           " is not the one whose head was kept outside the store (the store was replaced by another copy)";
  return "";
}

domain::Result<std::string> AuditTrail::ExportTsv(const std::optional<domain::Bsn>& patient) {
  auto rows = patient ? ForPatient(*patient) : All();
  if (!rows) return rows.error();
  auto clean = [](std::string v) {
    for (auto& ch : v) {
      if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
    }
    return v;
  };
  std::string out = "seq\tat\tuser_id\tuser_name\trole_code\torganisation_ura\tpatient_key\taction\tcontext\toutcome\n";
  for (const auto& r : rows.value()) {
    const auto& e = r.event;
    out += std::to_string(r.seq) + "\t" + detail::InstantText(e.at) + "\t" + clean(e.actor.userId) + "\t" +
           clean(e.actor.name) + "\t" + clean(e.actor.roleCode) + "\t" + clean(e.actor.organisationUra) + "\t" +
           r.patientKey + "\t" + domain::ToString(e.action) + "\t" + clean(e.context) + "\t" + clean(e.outcome) + "\n";
  }
  return out;
}

}  // namespace zb::store
