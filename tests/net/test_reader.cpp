// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR R4 -> domain mapping on our synthetic data: every element the rules use arrives.
#include <algorithm>
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "net/fhir/reader.h"
#include "net/fhir/writer.h"
#include "present/dose_texts.h"

using namespace zb::domain;
using namespace zb::net::fhir;
using zb::test::DemoDir;
using zb::test::ReadFhir;

namespace {
template <class T>
const T& ById(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& b) { return b.h.id.value == id; });
  if (it == v.end()) FAIL("no block " << id);
  return *it;
}

Result<Document> ReadJson(const std::string& json, std::size_t maxBytes = std::size_t{1} << 20) {
  Reader reader;
  ReadOptions options;
  options.origin = "inline.json";
  options.source = "test";
  options.maxBytes = maxBytes;
  return reader.Read(json, options);
}
}  // namespace

TEST_CASE("A GP that follows the zorginzage text (category 16076005) still gives agreements", "[reader]") {
  const auto doc = ReadFhir(DemoDir() / "de-boer" / "huisarts.json", "huisarts");
  CHECK(doc.ErrorCount() == 0);
  REQUIRE(doc.medication.agreements.size() == 2);
  CHECK(doc.medication.agreements[0].categoryCode == "16076005");
}

TEST_CASE("The demo GP file maps without errors: agreements, patient, allergy, alert", "[reader]") {
  const auto doc = ReadFhir(DemoDir() / "jansen" / "huisarts.json", "huisarts");
  CHECK(doc.ErrorCount() == 0);
  CHECK(doc.bundleType == "searchset");
  CHECK(doc.skipped == 0);
  REQUIRE(doc.patients.size() == 1);
  CHECK(doc.patients[0].bsn->digits() == "999991000");
  CHECK(doc.patients[0].name == "A. Jansen");
  CHECK(*doc.patients[0].birthDate == Date(1938, 3, 12));
  // Every agreement, allergy and alert points at that patient.
  CHECK(doc.subjectBsns == std::vector<std::string>{"999991000"});
  CHECK(doc.subjectsWithoutBsn == 0);

  const auto& ma = ById(doc.medication.agreements, "JANSEN_METO_MA1");
  CHECK(ma.categoryCode == "33633005");  // this GP system follows the MP9 profile
  CHECK(ma.h.source == "huisarts");
  CHECK(ma.h.treatment.value == "MBH_JANSEN_METO");
  CHECK(ma.h.treatment.system == "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1");
  REQUIRE(ma.h.registered.has_value());
  CHECK(ma.h.registered->LocalDate() == zb::test::kTestDay - boost::gregorian::days(400));
  REQUIRE(ma.h.period.has_value());
  CHECK(ma.h.period->start->LocalDate() == zb::test::kTestDay - boost::gregorian::days(400));
  CHECK_FALSE(ma.h.period->end.has_value());
  // This GP sends only the structured dosage (no ext-RenderedDosageInstruction); Zorgbrug writes it.
  CHECK(ma.h.renderedDosage.empty());
  CHECK(ma.h.author.display.find("De Linde") != std::string::npos);
  REQUIRE(ma.h.product->Primary() != nullptr);
  CHECK(ma.h.product->Primary()->level == ProductCodeLevel::kPrk);
  CHECK(ma.h.product->Primary()->coding.code == "900101");
  CHECK(ma.h.product->At(ProductCodeLevel::kGpk) != nullptr);
  REQUIRE(ma.h.dosage.size() == 1);
  const auto& ds = ma.h.dosage[0];
  CHECK(ds.timing.frequency == 1);
  CHECK(ds.timing.period == 1.0);
  CHECK(ds.timing.periodUnit == "d");
  REQUIRE(ds.doseAndRate.size() == 1);
  CHECK(ds.doseAndRate[0].dose->decimal == "1");
  REQUIRE(ds.doseAndRate[0].dose->gstdUnit.has_value());
  CHECK(ds.doseAndRate[0].dose->gstdUnit->code == "245");
  CHECK(ds.route.Has(std::string(systems::kGstdRoute), "9"));

  REQUIRE(doc.ica.allergies.size() == 1);
  CHECK(doc.ica.allergies[0].criticality == Criticality::kHigh);
  CHECK(doc.ica.allergies[0].clinical == ClinicalStatus::kActive);
  CHECK(doc.ica.allergies[0].reactions.at(0).manifestations.at(0).Label() == "anafylaxie");
  REQUIRE(doc.ica.alerts.size() == 1);
  CHECK(doc.ica.alerts[0].code.Label() == "verhoogd valrisico");
}

TEST_CASE("The demo hospital file maps stops, changes, additional information and dispense wishes", "[reader]") {
  const auto doc = ReadFhir(DemoDir() / "jansen" / "ziekenhuis.json", "ziekenhuis");
  CHECK(doc.ErrorCount() == 0);
  const auto& stop = ById(doc.medication.agreements, "JANSEN_METO_MA1_STOP");
  CHECK(stop.h.stop.type == StopType::kStopped);
  CHECK(stop.priorPrescription->value == "JANSEN_METO_MA1");
  CHECK(stop.h.reason.Has(std::string(systems::kSnomed), "58848006"));
  const auto& next = ById(doc.medication.agreements, "JANSEN_METO_MA2");
  REQUIRE(next.additionalInformation.size() == 1);
  CHECK(next.additionalInformation[0].code == "7");
  CHECK(ById(doc.medication.agreements, "JANSEN_ACENO_MA1_STOP").h.stop.type == StopType::kSuspended);
  CHECK(ById(doc.medication.agreements, "JANSEN_PRED_MA1_CANCEL").h.stop.type == StopType::kCancelled);
  const auto& vv = ById(doc.medication.dispenseRequests, "JANSEN_ALEN_VV1");
  REQUIRE(vv.additionalWishes.size() == 1);
  CHECK(vv.additionalWishes[0].Is(std::string(systems::kVvAdditionalWishes), "2"));
  CHECK(vv.basedOnAgreement->value == "JANSEN_ALEN_MA1");
  CHECK(vv.quantity->decimal == "4");
  const auto& course = ById(doc.medication.agreements, "JANSEN_AMOX_MA1");
  REQUIRE(course.h.period->duration.has_value());
  CHECK(course.h.period->duration->value == 7.0);
  CHECK(course.h.period->duration->unit == "d");
  CHECK(doc.ica.allergies.size() == 2);
  const auto cio = std::find_if(doc.ica.allergies.begin(), doc.ica.allergies.end(),
                                [](const Allergy& a) { return a.model == IcaModel::kCio; });
  REQUIRE(cio != doc.ica.allergies.end());
  CHECK_FALSE(cio->reactionRecord);
}

TEST_CASE("The demo pharmacy file maps TAs with GDS, dispenses, use and CiO flags", "[reader]") {
  const auto doc = ReadFhir(DemoDir() / "jansen" / "apotheek.json", "apotheek");
  CHECK(doc.ErrorCount() == 0);
  const auto& ta = ById(doc.medication.administrationAgreements, "JANSEN_METO_TA1");
  CHECK(ta.distributedInGds);
  CHECK(ta.authorizingAgreement->value == "JANSEN_METO_MA1");
  CHECK(ta.h.product->Primary()->level == ProductCodeLevel::kHpk);
  CHECK(ta.h.author.display == "Apotheek De Vaart");
  CHECK(ta.h.dosage.at(0).timing.timeOfDay == std::vector<std::string>{"08:00:00"});
  const auto& mve = ById(doc.medication.dispenses, "JANSEN_METO_MVE9");
  CHECK(mve.distributedInGds);
  CHECK(mve.daysSupply->decimal == "14");
  REQUIRE(mve.handedOver.has_value());
  CHECK(mve.h.registered == mve.handedOver);  // no registration extension: hand-over time orders it
  const auto& mgb = ById(doc.medication.uses, "JANSEN_CALC_MGB1");
  CHECK(mgb.use == UseStatus::kNotUsing);
  CHECK(mgb.asAgreed == false);
  REQUIRE(mgb.asserted.has_value());
  const auto& otc = ById(doc.medication.uses, "JANSEN_PARA_MGB1");
  CHECK(otc.h.dosage.at(0).asNeeded);
  CHECK(otc.h.dosage.at(0).asNeededCriterion.Label() == "Bij pijn");
  CHECK(otc.h.dosage.at(0).maxDosePerPeriod->numerator->decimal == "6");
  REQUIRE(doc.ica.contraIndications.size() == 1);
  CHECK(doc.ica.contraIndications[0].categoryCode == "350241000146102");
  REQUIRE(doc.ica.surveillanceDecisions.size() == 1);
  CHECK(doc.ica.surveillanceDecisions[0].unsafe.Label() == "PENICILLINES");
  REQUIRE(doc.ica.surveillanceDecisions[0].safeWithin.size() == 1);
  CHECK(doc.ica.surveillanceDecisions[0].safeWithin[0].Label() == "FLUCLOXACILLINE");
}

TEST_CASE("References resolve: urn:uuid, relative, absolute and contained", "[reader][references]") {
  const std::string med =
      R"({"resourceType":"Medication","id":"m1","code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.4.10","code":"42","display":"X TABLET"}]}})";
  auto ma = [](const std::string& id, const std::string& ref) {
    return R"({"resourceType":"MedicationRequest","id":")" + id + R"(","identifier":[{"system":"urn:x","value":")" +
           id +
           R"("}],"extension":[{"url":"http://nictiz.nl/fhir/StructureDefinition/ext-PharmaceuticalTreatment.Identifier","valueIdentifier":{"system":"urn:mbh","value":"T1"}}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"intent":"order","status":"unknown","subject":{"identifier":{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"999991000"}},"medicationReference":{"reference":")" +
           ref + R"("},"contained":[{"resourceType":"Medication","id":"inner","code":{"text":"CONTAINED PRODUCT"}}]})";
  };
  const std::string bundle =
      R"({"resourceType":"Bundle","type":"collection","entry":[)"
      R"({"fullUrl":"urn:uuid:aaaa","resource":)" +
      med + "}," + R"({"fullUrl":"https://fhir.example/Medication/m1","resource":)" + med + "}," + R"({"resource":)" +
      ma("a", "urn:uuid:aaaa") + "}," + R"({"resource":)" + ma("b", "Medication/m1") + "}," + R"({"resource":)" +
      ma("c", "https://other.example/fhir/Medication/m1") + "}," + R"({"resource":)" + ma("d", "#inner") + "}]}";
  auto doc = ReadJson(bundle);
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 4);
  for (int i = 0; i < 3; ++i)
    CHECK(doc->medication.agreements[static_cast<std::size_t>(i)].h.product->DisplayName() == "X TABLET");
  CHECK(doc->medication.agreements[3].h.product->DisplayName() == "CONTAINED PRODUCT");
  CHECK(doc->issues.empty());
  CHECK(doc->subjectBsns == std::vector<std::string>{"999991000"});  // the patient, from the identifier
}

TEST_CASE("A single resource, paging links and OperationOutcomes are read", "[reader]") {
  auto single = ReadJson(
      R"({"resourceType":"Flag","id":"f","status":"active","category":[{"coding":[{"system":"http://snomed.info/sct","code":"350241000146102"}]}],"code":{"text":"Zwangerschap"},"subject":{"reference":"Patient/p1"}})");
  REQUIRE(single.ok());
  CHECK(single->resourceType == "Flag");
  CHECK(single->ica.contraIndications.size() == 1);
  CHECK(single->issues.empty());

  auto paged = ReadJson(
      R"({"resourceType":"Bundle","type":"searchset","link":[{"relation":"self","url":"https://h/fhir/MedicationRequest?x"},{"relation":"next","url":"https://h/fhir/MedicationRequest?page=2"}],"entry":[{"search":{"mode":"outcome"},"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational","details":{"coding":[{"system":"urn:x","code":"no-consent"}]},"diagnostics":"geen toestemming"}]}}]})");
  REQUIRE(paged.ok());
  CHECK(paged->nextPage == std::optional<std::string>("https://h/fhir/MedicationRequest?page=2"));
  REQUIRE(paged->outcomes.size() == 1);
  CHECK(paged->outcomes[0].details.at(0).code == "no-consent");
  CHECK(paged->outcomes[0].diagnostics == "geen toestemming");
}

TEST_CASE("Unknown ordinary extensions and elements are tolerated silently", "[reader]") {
  auto doc = ReadJson(
      R"({"resourceType":"MedicationRequest","id":"a","futureElement":{"x":1},"extension":[{"url":"http://example.org/fhir/ext-unknown","valueString":"x"}],"identifier":[{"system":"urn:x","value":"a"}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"medicationCodeableConcept":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.4.10","code":"1"}],"text":"P"}})");
  REQUIRE(doc.ok());
  CHECK(doc->medication.agreements.size() == 1);
  CHECK(doc->ErrorCount() == 0);
}

TEST_CASE("Several 'zo nodig' conditions (ext-Dosage-AsNeededFor) keep the dose as-needed and are all read",
          "[reader][dosage]") {
  // MP9 carries the second and further conditions in the R5 pre-adoption extension; without it the
  // dose would read as scheduled. Synthetic, shaped as nictiz.fhir.nl.r4.medicationprocess9 describes.
  const std::string nhg =
      "https://referentiemodel.nhg.org/tabellen/nhg-tabel-25-gebruiksvoorschrift#aanvullend-numeriek";
  const std::string ma =
      R"({"resourceType":"MedicationRequest","id":"prn","identifier":[{"system":"urn:x","value":"PRN1"}],"extension":[{"url":"http://nictiz.nl/fhir/StructureDefinition/ext-PharmaceuticalTreatment.Identifier","valueIdentifier":{"system":"urn:mbh","value":"T9"}}],"category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005"}]}],"intent":"order","status":"active","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"PARACETAMOL TABLET 500MG"},"dosageInstruction":[{"extension":[{"url":"http://nictiz.nl/fhir/StructureDefinition/ext-Dosage-AsNeededFor","valueCodeableConcept":{"coding":[{"system":")" +
      nhg +
      R"(","code":"1387","display":"Bij hoest"}]}}],"doseAndRate":[{"doseQuantity":{"value":1,"unit":"stuk"}}],"asNeededCodeableConcept":{"coding":[{"system":")" +
      nhg + R"(","code":"1028","display":"Bij pijn"}]}}]})";
  auto doc = ReadJson(ma);
  REQUIRE(doc.ok());
  REQUIRE(doc->medication.agreements.size() == 1);
  const auto& dosage = doc->medication.agreements[0].h.dosage.at(0);
  CHECK(dosage.asNeeded);
  CHECK(dosage.asNeededCriterion.Label() == "Bij pijn");
  REQUIRE(dosage.asNeededAlso.size() == 1);
  CHECK(dosage.asNeededAlso[0].Label() == "Bij hoest");
  CHECK(zb::present::DescribeDosage({dosage}) == "zo nodig 1 stuk (Bij pijn of Bij hoest)");

  // Only the extension, no asNeededCodeableConcept: still as-needed.
  std::string onlyExtension = ma;
  onlyExtension.replace(onlyExtension.find(R"(,"asNeededCodeableConcept")"), std::string::npos, "}]}");
  auto doc2 = ReadJson(onlyExtension);
  REQUIRE(doc2.ok());
  REQUIRE(doc2->medication.agreements.size() == 1);
  CHECK(doc2->medication.agreements[0].h.dosage.at(0).asNeeded);
  CHECK(doc2->medication.agreements[0].h.dosage.at(0).asNeededCriterion.Label() == "Bij hoest");

  // And back out: the writer keeps both conditions.
  zb::domain::Patient patient;
  auto back = Reader().Read(zb::net::fhir::WriteAgreementBundle(doc->medication.agreements[0], patient), {});
  REQUIRE(back.ok());
  CHECK(back->medication.agreements.at(0).h.dosage.at(0) == dosage);
}
