// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FHIR R4 JSON -> domain. Reads searchset, transaction, collection, batch and document Bundles and
// single resources, resolves literal references (urn:uuid fullUrls, relative, contained) and maps
// MP9 3.0 building blocks, zib/zorginzage GP medication, CiO and zib ICA into domain values.
// One bad resource never sinks the Bundle: it is skipped and listed with the reason and path.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/building_blocks.h"
#include "domain/ica.h"
#include "domain/patient.h"
#include "domain/result.h"

namespace zb::net::fhir {

enum class IssueSeverity {
  kError,    // the resource was skipped
  kWarning,  // the resource was used; an element was ignored or read with a fallback
};

struct MappingIssue {
  IssueSeverity severity = IssueSeverity::kError;
  std::string origin;                // file name or URL the document came from
  std::optional<std::size_t> entry;  // Bundle.entry index
  std::string resourceType;
  std::string resourceId;
  std::string path;  // FHIR element path, e.g. MedicationRequest.extension[2].valuePeriod.start
  std::string message;
  // "origin: entry 3 (MedicationRequest/abc) at path: message"
  std::string Describe() const;
};

struct ReadOptions {
  std::string origin;                             // for messages
  std::string source;                             // domain Source::id stamped on every block and ICA item
  std::size_t maxBytes = std::size_t{256} << 20;  // larger input is refused before parsing
  std::size_t maxDepth = 96;                      // FHIR resources nest far less; deeper input is refused
};

struct OperationOutcomeIssue {
  std::string severity;
  std::string code;
  std::vector<domain::Coding> details;
  std::string diagnostics;
};

struct Document {
  std::string resourceType;  // "Bundle" or the single resource's type
  std::string bundleType;    // searchset, transaction, collection, document, ...
  std::size_t entries = 0;   // resources looked at
  std::size_t skipped = 0;   // resources skipped with an error issue
  domain::MedicationData medication;
  domain::IcaData ica;
  std::vector<domain::Patient> patients;
  // The BSNs of the patients the clinical resources point at (subject / AllergyIntolerance.patient,
  // resolved to a Patient in the document or carried as identifier), each once: a caller that asked
  // about one patient checks that they are all that patient.
  std::vector<std::string> subjectBsns;
  std::size_t subjectsWithoutBsn = 0;           // clinical resources whose patient could not be told
  std::vector<OperationOutcomeIssue> outcomes;  // OperationOutcome resources (search mode "outcome")
  std::optional<std::string> nextPage;          // Bundle.link relation "next"
  std::vector<MappingIssue> issues;
  std::size_t ErrorCount() const;
};

// Reuses its parser buffers across calls; one Reader per thread.
class Reader {
 public:
  Reader();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The Result fails only when the input as a whole is unusable (not JSON, too large or deep, not
  // a FHIR resource); problems inside are issues in the Document.
  domain::Result<Document> Read(std::string_view json, const ReadOptions& options);
  domain::Result<Document> ReadFile(const std::string& path, ReadOptions options);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace zb::net::fhir
