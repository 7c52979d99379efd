// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/file_lookups.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "net/fhir/reader.h"

namespace zb::workstation {
namespace {

domain::SourceKind KindOf(const std::string& id) {
  if (id == "huisarts") return domain::SourceKind::kGeneralPractitioner;
  if (id == "apotheek") return domain::SourceKind::kPharmacy;
  return domain::SourceKind::kHospital;
}

domain::SourceDelivery ReadSource(const domain::KnownSource& source, const std::string& path) {
  domain::SourceDelivery d;
  d.outcome = domain::PendingOutcome(source.source, source.ura);
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  net::fhir::ReadOptions options;
  options.source = source.source.id;
  options.origin = std::filesystem::path(path).filename().string();
  auto document = net::fhir::Reader().Read(text.str(), options);
  if (!in || !document) {
    d.outcome.status = domain::SourceStatus::kFailed;
    d.outcome.reason = "unreadable";
    d.outcome.detail = document ? "cannot read " + path : document.error().detail;
    return d;
  }
  d.outcome.status = domain::SourceStatus::kData;
  d.medication = std::move(document.value().medication);
  d.ica = std::move(document.value().ica);
  d.patients = std::move(document.value().patients);
  d.outcome.blocks = d.medication.Count() + d.ica.Count();
  return d;
}

}  // namespace

domain::Result<FileLookups> FileLookups::InFolder(const std::string& folder) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (error) return domain::MakeError(domain::ErrorCode::kIo, folder + ": " + error.message());
  if (files.empty()) return domain::MakeError(domain::ErrorCode::kMissing, folder + ": no .json files");
  std::sort(files.begin(), files.end());
  FileLookups out;
  for (const auto& f : files) {
    const std::string id = f.stem().string();
    out.m_sources.push_back({{id, KindOf(id), id}, "0000000" + std::to_string(out.m_sources.size())});
    out.m_files.push_back(f.string());
  }
  return out;
}

domain::Result<std::optional<OfflinePicture>> FileLookups::OpenOffline(const domain::RegisteredPatient&) {
  return std::optional<OfflinePicture>();
}

domain::Result<FileLookups::LookupId> FileLookups::LookUp(const domain::RegisteredPatient&, OnSource onSource,
                                                          OnEnd onEnd) {
  const LookupId id = m_next++;
  bool complete = true;
  for (std::size_t i = 0; i < m_files.size(); ++i) {
    auto delivery = ReadSource(m_sources[i], m_files[i]);
    complete = complete && domain::Answered(delivery.outcome.status);
    if (onSource) onSource(id, std::move(delivery));
  }
  if (onEnd) onEnd(id, LookupEnd{complete, false, ""});
  return id;
}

void FileLookups::Cancel(LookupId) {}  // everything was delivered inside LookUp

std::chrono::milliseconds FileLookups::deadline() const { return std::chrono::milliseconds(0); }

}  // namespace zb::workstation
