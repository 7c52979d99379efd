// SPDX-License-Identifier: GPL-3.0-or-later
#include "source_files.h"

#include <fstream>
#include <sstream>

#include "net/fhir/date_placeholders.h"

namespace zb::cli {

namespace d = zb::domain;

namespace {

std::string Stem(const std::string& path) {
  auto slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

d::SourceKind KindFromId(const std::string& id) {
  for (const char* word : {"huisarts", "gp", "apotheek", "pharmacy", "ziekenhuis", "hospital"}) {
    if (id.rfind(word, 0) == 0) return d::SourceKindFromString(word);
  }
  return d::SourceKind::kUnknown;
}

}  // namespace

d::Result<SourceFile> ParseSourceArg(std::string_view arg) {
  SourceFile f;
  const auto eq = arg.find('=');
  if (eq == std::string_view::npos) {
    f.path = std::string(arg);
    f.source.id = Stem(f.path);
  } else {
    std::string_view label = arg.substr(0, eq);
    f.path = std::string(arg.substr(eq + 1));
    if (const auto colon = label.find(':'); colon != std::string_view::npos) {
      f.source.kind = d::SourceKindFromString(label.substr(0, colon));
      if (f.source.kind == d::SourceKind::kUnknown) {
        return d::MakeError(d::ErrorCode::kInvalidFormat,
                            "unknown source kind '" + std::string(label.substr(0, colon)) + "' in '" +
                                std::string(arg) + "' (use huisarts, apotheek or ziekenhuis)");
      }
      label = label.substr(colon + 1);
    }
    f.source.id = std::string(label);
  }
  if (f.path.empty() || f.source.id.empty()) {
    return d::MakeError(d::ErrorCode::kInvalidFormat,
                        "'" + std::string(arg) + "' is not PATH, ID=PATH or KIND:ID=PATH");
  }
  if (f.source.kind == d::SourceKind::kUnknown) f.source.kind = KindFromId(f.source.id);
  f.source.name = f.source.id;
  return f;
}

d::Result<LoadedData> LoadSources(const std::vector<SourceFile>& files, std::optional<d::Date> testDate) {
  LoadedData data;
  net::fhir::Reader reader;
  for (const auto& f : files) {
    net::fhir::ReadOptions options;
    options.origin = f.path;
    options.source = f.source.id;
    d::Result<net::fhir::Document> doc = d::MakeError(d::ErrorCode::kIo, "");
    if (testDate) {
      std::ifstream in(f.path, std::ios::binary);
      if (!in)
        return d::MakeError(d::ErrorCode::kIo, f.path + ": cannot open the file (does it exist, and may you read it?)");
      std::stringstream buf;
      buf << in.rdbuf();
      doc = reader.Read(net::fhir::SubstituteDatePlaceholders(buf.str(), *testDate), options);
    } else {
      doc = reader.ReadFile(f.path, options);
    }
    if (!doc) return doc.error();
    auto& document = doc.value();
    data.sources.push_back(f.source);
    data.medication.Append(std::move(document.medication));
    data.ica.Append(std::move(document.ica));
    data.resources += document.entries;
    data.skipped += document.skipped;
    for (auto& p : document.patients) data.patients.push_back(std::move(p));
    for (auto& i : document.issues) data.issues.push_back(std::move(i));
  }
  const d::Patient* first = nullptr;
  for (const auto& p : data.patients) {
    if (!p.bsn) continue;
    if (!first) {
      first = &p;
    } else if (!(*first->bsn == *p.bsn)) {
      return d::MakeError(d::ErrorCode::kInconsistent, "the files are about different patients (BSN " +
                                                           first->bsn->Masked() + " from " + first->source + ", BSN " +
                                                           p.bsn->Masked() + " from " + p.source +
                                                           "); give the files of one patient");
    }
  }
  return data;
}

}  // namespace zb::cli
