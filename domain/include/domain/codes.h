// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Coded values. Code systems are kept as their canonical URI/OID strings (what FHIR carries), with
// typed wrappers for the systems the rules reason about: SNOMED CT and the G-Standaard levels.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zb::domain {

namespace systems {
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kBsn = "http://fhir.nl/fhir/NamingSystem/bsn";
inline constexpr std::string_view kUra = "http://fhir.nl/fhir/NamingSystem/ura";
inline constexpr std::string_view kAgb = "http://fhir.nl/fhir/NamingSystem/agb-z";
inline constexpr std::string_view kUzi = "http://fhir.nl/fhir/NamingSystem/uzi-nr-pers";
inline constexpr std::string_view kGpk = "urn:oid:2.16.840.1.113883.2.4.4.1";
inline constexpr std::string_view kPrk = "urn:oid:2.16.840.1.113883.2.4.4.10";
inline constexpr std::string_view kHpk = "urn:oid:2.16.840.1.113883.2.4.4.7";
inline constexpr std::string_view kZi = "urn:oid:2.16.840.1.113883.2.4.4.8";
inline constexpr std::string_view kAtc = "http://www.whocc.no/atc";
// G-Standaard substance name code (SNK), substance code (SSK) and thesaurus 122 (allergy groups):
// the causative agents of CiO and zib allergies and surveillance decisions (mp9.md §d).
inline constexpr std::string_view kSnk = "urn:oid:2.16.840.1.113883.2.4.4.1.750";
inline constexpr std::string_view kSsk = "urn:oid:2.16.840.1.113883.2.4.4.1.725";
inline constexpr std::string_view kGstdThesaurus122 = "urn:oid:2.16.840.1.113883.2.4.4.1.902.122";
inline constexpr std::string_view kGstdRoute = "urn:oid:2.16.840.1.113883.2.4.4.9";
inline constexpr std::string_view kGstdUnit = "urn:oid:2.16.840.1.113883.2.4.4.1.900.2";
inline constexpr std::string_view kGstdThesaurus40 = "urn:oid:2.16.840.1.113883.2.4.4.1.902.40";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
// MP9 code systems
inline constexpr std::string_view kDistributionForm = "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.3.8";
inline constexpr std::string_view kMaAdditionalInfo = "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.14.2050";
inline constexpr std::string_view kVvAdditionalWishes = "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.14.2051";
}  // namespace systems

struct Coding {
  std::string system;
  std::string code;
  std::string display;
  bool Is(std::string_view sys, std::string_view c) const { return system == sys && code == c; }
  bool operator==(const Coding&) const = default;
};

// A CodeableConcept: several codings for one meaning plus an optional free text.
struct Concept {
  std::vector<Coding> codings;
  std::string text;
  bool Has(std::string_view sys, std::string_view code) const;
  const Coding* Find(std::string_view sys) const;
  // Text for display: the text, else the first display, else the first code.
  std::string Label() const;
  bool empty() const { return codings.empty() && text.empty(); }
  bool operator==(const Concept&) const = default;
};

// A SNOMED CT concept id (digits only) as its own type, so it cannot be mixed up with a G-Standaard code.
struct SnomedCode {
  std::string id;
  bool operator==(const SnomedCode&) const = default;
};

// The G-Standaard levels a product can be coded at, from generic to article.
enum class ProductCodeLevel { kGpk, kPrk, kHpk, kZi, kOther };
ProductCodeLevel LevelOfSystem(std::string_view system);
const char* ToString(ProductCodeLevel level);

struct ProductCode {
  ProductCodeLevel level = ProductCodeLevel::kOther;
  Coding coding;
  bool userSelected = false;  // the level the prescriber actually chose
  bool operator==(const ProductCode&) const = default;
};

}  // namespace zb::domain
