// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CLI's inputs: FHIR files, each standing for one source ("huisarts=gp.json"), read and merged.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/ica.h"
#include "domain/patient.h"
#include "domain/result.h"
#include "domain/source.h"
#include "net/fhir/reader.h"

namespace zb::cli {

struct SourceFile {
  domain::Source source;
  std::string path;
};

// "PATH", "ID=PATH" or "KIND:ID=PATH" (KIND: huisarts|apotheek|ziekenhuis|gp|pharmacy|hospital).
// Without a kind, an id that names one ("apotheek-de-vaart") gives it.
domain::Result<SourceFile> ParseSourceArg(std::string_view arg);

struct LoadedData {
  std::vector<domain::Source> sources;
  domain::MedicationData medication;
  domain::IcaData ica;
  std::vector<domain::Patient> patients;
  std::vector<net::fhir::MappingIssue> issues;
  std::size_t resources = 0;
  std::size_t skipped = 0;
};

// Reads every file. Fails (naming the file) when one is unusable as a whole, or when the files
// are about different patients: merging two patients' medication is never acceptable.
// testDate: substitute ${DATE, T, ...} placeholders with this day first (Nictiz and demo data).
domain::Result<LoadedData> LoadSources(const std::vector<SourceFile>& files, std::optional<domain::Date> testDate);

}  // namespace zb::cli
