// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/fhir/reader.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "mappers.h"

namespace zb::net::fhir {

namespace d = zb::domain;
using detail::Array;
using detail::Context;
using detail::Element;
using detail::Object;

std::string MappingIssue::Describe() const {
  std::string s = origin.empty() ? std::string("(input)") : origin;
  if (entry) s += ": entry " + std::to_string(*entry);
  if (!resourceType.empty()) {
    s += std::string(entry ? " " : ": ") + "(" + resourceType + (resourceId.empty() ? "" : "/" + resourceId) + ")";
  }
  if (!path.empty()) s += " at " + path;
  return s + ": " + message;
}

std::size_t Document::ErrorCount() const {
  return static_cast<std::size_t>(std::count_if(
      issues.begin(), issues.end(), [](const MappingIssue& i) { return i.severity == IssueSeverity::kError; }));
}

struct Reader::Impl {
  simdjson::dom::parser parser;
  // simdjson reads a few bytes past the end; input is copied into this reused, padded buffer so
  // repeated reads do not allocate (and fault in) fresh memory each time.
  std::unique_ptr<char[]> buffer;
  std::size_t capacity = 0;
};

Reader::Reader() : m_impl(std::make_unique<Impl>()) {}
Reader::~Reader() = default;

namespace {

void MapResource(detail::DocumentState& st, Object r, std::string_view type) {
  static constexpr std::array kClinical{"MedicationRequest",        "MedicationDispense", "MedicationStatement",
                                        "MedicationAdministration", "AllergyIntolerance", "Flag"};
  if (std::find(kClinical.begin(), kClinical.end(), type) != kClinical.end())
    detail::NoteSubject(st, r, type == "AllergyIntolerance" ? "patient" : "subject");
  if (type == "MedicationRequest") {
    detail::MapMedicationRequest(st, r);
  } else if (type == "MedicationDispense") {
    detail::MapMedicationDispense(st, r);
  } else if (type == "MedicationStatement") {
    detail::MapMedicationStatement(st, r);
  } else if (type == "MedicationAdministration") {
    detail::MapMedicationAdministration(st, r);
  } else if (type == "AllergyIntolerance") {
    detail::MapAllergyIntolerance(st, r);
  } else if (type == "Flag") {
    detail::MapFlag(st, r);
  } else if (type == "Patient") {
    detail::MapPatient(st, r);
  } else if (type == "OperationOutcome") {
    detail::MapOperationOutcome(st, r);
  }
  // Everything else (Medication, PractitionerRole, Organization, Provenance, ...) is only looked
  // up through references.
}

struct EntryRef {
  std::size_t index;
  Object resource;
  std::string_view type;
  std::string_view id;
};

d::Error Unusable(const ReadOptions& o, const std::string& why) {
  return d::MakeError(d::ErrorCode::kInvalidFormat, (o.origin.empty() ? std::string("input") : o.origin) + ": " + why);
}

}  // namespace

d::Result<Document> Reader::Read(std::string_view json, const ReadOptions& options) {
  if (json.size() > options.maxBytes) {
    return d::MakeError(d::ErrorCode::kOutOfRange,
                        (options.origin.empty() ? std::string("input") : options.origin) + ": " +
                            std::to_string(json.size()) + " bytes is more than the limit of " +
                            std::to_string(options.maxBytes) + " bytes for one FHIR document");
  }
  auto& parser = m_impl->parser;
  if (parser.max_depth() != options.maxDepth || parser.capacity() < json.size()) {
    if (auto err = parser.allocate(std::max(json.size(), parser.capacity()), options.maxDepth)) {
      return Unusable(options, std::string("cannot allocate parser: ") + simdjson::error_message(err));
    }
  }
  if (m_impl->capacity < json.size() + simdjson::SIMDJSON_PADDING) {
    m_impl->capacity = json.size() + json.size() / 8 + simdjson::SIMDJSON_PADDING;
    m_impl->buffer = std::make_unique_for_overwrite<char[]>(m_impl->capacity);
  }
  std::memcpy(m_impl->buffer.get(), json.data(), json.size());
  std::memset(m_impl->buffer.get() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  Element root;
  if (auto err = parser.parse(m_impl->buffer.get(), json.size(), /*realloc_if_needed=*/false).get(root)) {
    if (err == simdjson::DEPTH_ERROR) {
      return Unusable(options, "JSON nested deeper than " + std::to_string(options.maxDepth) +
                                   " levels; not a FHIR document we accept");
    }
    return Unusable(options, std::string("not valid JSON (") + simdjson::error_message(err) + ")");
  }
  Object top;
  std::string_view rootType;
  if (root.get(top)) return Unusable(options, "not a FHIR resource: the top level is not a JSON object");
  if (top["resourceType"].get(rootType)) return Unusable(options, "not a FHIR resource: no resourceType");

  Document doc;
  doc.resourceType = std::string(rootType);
  Context ctx(options, doc.issues);
  detail::ResourceIndex index;
  std::vector<EntryRef> entries;

  if (rootType == "Bundle") {
    doc.bundleType = std::string(ctx.Str(top, "type").value_or(""));
    if (auto links = ctx.Arr(top, "link")) {
      for (Element e : *links) {
        Object lo;
        std::string_view rel, url;
        if (!e.get(lo) && !lo["relation"].get(rel) && rel == "next" && !lo["url"].get(url))
          doc.nextPage = std::string(url);
      }
    }
    if (auto arr = ctx.Arr(top, "entry")) {
      std::size_t i = 0;
      entries.reserve(arr->size());
      index.Reserve(arr->size());
      for (Element e : *arr) {
        const std::size_t at = i++;
        Object eo, ro;
        std::string_view type, id, fullUrl;
        if (e.get(eo) || eo["resource"].get(ro) || ro["resourceType"].get(type)) {
          ctx.BeginResource(at, {}, {});
          Context::Scope s(ctx, "entry", static_cast<std::ptrdiff_t>(at));
          ctx.Reject("entry without a resource that has a resourceType; skipped");
          ++doc.skipped;
          continue;
        }
        if (ro["id"].get(id)) id = {};
        if (eo["fullUrl"].get(fullUrl)) fullUrl = {};
        index.Add(fullUrl, type, id, ro);
        entries.push_back({at, ro, type, id});
      }
    }
  } else {
    std::string_view id;
    if (top["id"].get(id)) id = {};
    index.Add({}, rootType, id, top);
    entries.push_back({0, top, rootType, id});
  }

  detail::DocumentState st{ctx, index, doc, {}};
  const bool isBundle = rootType == "Bundle";
  for (const auto& e : entries) {
    ctx.BeginResource(isBundle ? std::optional<std::size_t>(e.index) : std::nullopt, e.type, e.id);
    ++doc.entries;
    MapResource(st, e.resource, e.type);
    if (ctx.rejected()) ++doc.skipped;
  }
  return doc;
}

d::Result<Document> Reader::ReadFile(const std::string& path, ReadOptions options) {
  if (options.origin.empty()) options.origin = path;
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return d::MakeError(d::ErrorCode::kIo, path + ": cannot open the file (does it exist, and may you read it?)");
  }
  if (static_cast<std::size_t>(info.st_size) > options.maxBytes) {
    return d::MakeError(d::ErrorCode::kOutOfRange, path + ": " + std::to_string(info.st_size) +
                                                       " bytes is more than the limit of " +
                                                       std::to_string(options.maxBytes) + " bytes");
  }
  simdjson::padded_string content;
  if (auto err = simdjson::padded_string::load(path).get(content)) {
    return d::MakeError(d::ErrorCode::kIo, path + ": cannot read the file (" + simdjson::error_message(err) + ")");
  }
  return Read(std::string_view(content.data(), content.size()), options);
}

}  // namespace zb::net::fhir
