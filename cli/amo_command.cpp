// SPDX-License-Identifier: GPL-3.0-or-later
#include "amo_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "amo/amo_json.h"
#include "amo/import_process.h"
#include "amo/structured_amo.h"
#include "domain/amo_identity.h"
#include "domain/identifiers.h"
#include "workstation/register_file.h"

namespace zb::cli {
namespace {

namespace d = domain;

constexpr int kExitUsage = 1;
constexpr int kExitRefused = 2;     // the file is not a readable AMO
constexpr int kExitNotPatient = 8;  // the AMO is another patient's (identity gate)
constexpr int kExitUnavailable = 5;

int Fail(int code, const std::string& message) {
  std::cerr << "zorgbrug-cli: amo import: " << message << "\n";
  return code;
}

const char* FieldName(const std::string& field) {
  if (field == "bsn") return "BSN";
  if (field == "birthDate") return "geboortedatum";
  return "naam";
}

// The line's field names as the secretary knows them from the page.
std::string LineFieldName(const std::string& field) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"status", "sectie/status"}, {"product", "geneesmiddel"},     {"dose", "dosering"},
      {"route", "toedieningsweg"}, {"start", "startdatum"},         {"stop", "stopdatum"},
      {"reason", "reden"},         {"prescriber", "voorschrijver"}, {"remarks", "opmerking"}};
  for (const auto& [key, name] : kNames)
    if (field == key) return name;
  return field;
}

// dd-mm-jjjj for people; the JSON keeps YYYY-MM-DD.
std::string Shown(const std::string& iso) {
  auto date = d::ParseUserDate(iso);
  return date ? d::FormatDate(date.value()) : iso;
}

void WriteText(std::ostream& out, const d::AmoDocument& doc) {
  const auto& h = doc.header;
  out << "AMO: " << (h.hospital.value.empty() ? "ziekenhuis niet vermeld" : h.hospital.value) << ", ontslag "
      << (h.discharge.text.empty() ? "niet vermeld" : h.discharge.text) << " (";
  if (doc.pages == 0) {
    out << "MP9-bundel, zonder OCR";
  } else {
    out << doc.pages << (doc.pages == 1 ? " pagina" : " pagina's")
        << (doc.ocrPages > 0 ? ", " + std::to_string(doc.ocrPages) + " gelezen met OCR" : "");
  }
  out << ")\n";
  out << "Patiënt: " << h.patientName.text << ", BSN eindigt op "
      << (h.bsn.value.size() >= 3 ? h.bsn.value.substr(h.bsn.value.size() - 3) : "?") << ", geboren "
      << h.birthDate.text << "\n";
  out << "Verificatie: " << (h.verification.text.empty() ? "niet vermeld" : h.verification.text) << "\n";
  for (const auto& l : doc.lines) {
    out << (l.Uncertain() ? "? " : "  ") << (l.status == d::AmoStatus::kUnknown ? "status?" : d::ToString(l.status))
        << " | " << l.product.text << " | " << l.dose.text << " | " << l.route.value << " | " << Shown(l.start.value)
        << " - " << Shown(l.stop.value);
    for (const auto& f : l.UncertainFields()) {
      const d::AmoField* field = d::LineField(l, f);
      out << "\n      controleer " << LineFieldName(f) << (field && !field->why.empty() ? ": " + field->why : "");
    }
    out << "\n";
  }
  for (const auto& w : doc.warnings) out << "let op: " << w << "\n";
}

}  // namespace

AmoCommands AddAmoCommands(CLI::App& app, AmoArgs& a) {
  AmoCommands c;
  auto* amo = app.add_subcommand("amo", "Discharge medication overviews (AMO) from hospitals");
  c.import = amo->add_subcommand("import", "Read an AMO (PDF, text layer or scanned) and print its lines");
  c.import->add_option("file", a.file, "The AMO file")->required();
  c.import->add_option("--patient", a.patient, "The patient's BSN: refuse an AMO of anyone else");
  c.import->add_option("--register", a.registerFile,
                       "Register with the patient's name and birth date (default: the demo's)");
  c.import->add_option("--format", a.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  c.import->add_option("--timeout", a.timeoutSeconds, "Stop reading after this many seconds")
      ->check(CLI::Range(1, 3600));
  c.import->add_flag("--no-ocr", a.noOcr, "Do not OCR pages without a text layer");
  return c;
}

int RunAmo(const AmoCommands&, const AmoArgs& a, const std::string& demoDir) {
  if (!std::filesystem::is_regular_file(a.file)) return Fail(kExitUsage, a.file + ": no such file");
  std::optional<d::Patient> patient;
  if (!a.patient.empty()) {
    auto bsn = d::Bsn::Parse(a.patient);
    if (!bsn) return Fail(kExitUsage, "--patient: " + bsn.error().detail);
    const std::string reg =
        a.registerFile.empty() ? (std::filesystem::path(demoDir) / "register.json").string() : a.registerFile;
    auto patients = workstation::ReadRegisterFile(reg);
    if (!patients) return Fail(kExitUsage, patients.error().detail);
    for (const auto& p : patients.value())
      if (p.bsn == bsn.value()) patient = d::Patient{p.bsn, p.name, p.birthDate, "register"};
    if (!patient) return Fail(kExitUsage, "patient " + bsn->Masked() + " is not in " + reg);
  }
  // An MP9 FHIR Bundle is read as it is, without OCR (C-R9); a PDF in the limited importer process.
  std::string head(256, '\0');
  {
    std::ifstream in(a.file, std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
  }
  d::Result<d::AmoDocument> doc = d::MakeError(d::ErrorCode::kIo, a.file + ": cannot be read");
  if (amo::LooksLikeJson(head)) {
    std::ifstream in(a.file, std::ios::binary);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    doc = amo::ReadStructuredAmo(json, std::filesystem::path(a.file).filename().string());
  } else {
    doc = amo::ImportInProcess({a.file, std::chrono::seconds(a.timeoutSeconds), !a.noOcr});
  }
  if (!doc) {
    const bool reachable = doc.error().code != d::ErrorCode::kUnavailable;
    return Fail(reachable ? kExitRefused : kExitUnavailable, doc.error().detail);
  }
  if (patient) {
    const auto differences = d::AmoIdentityDifferences(doc->header, *patient);
    if (!differences.empty()) {
      std::cerr << "zorgbrug-cli: amo import: " << a.file << " is not this patient's AMO; nothing was imported:\n";
      for (const auto& diff : differences)
        std::cerr << "  " << FieldName(diff.field) << ": op de AMO '" << diff.onAmo << "', patiënt '" << diff.patient
                  << "'\n";
      return kExitNotPatient;
    }
  }
  if (a.format == "json") {
    std::cout << amo::ToJson(doc.value()).dump(2) << "\n";
  } else {
    WriteText(std::cout, doc.value());
  }
  return 0;
}

}  // namespace zb::cli
