// SPDX-License-Identifier: GPL-3.0-or-later
#include "synthetic_searchset.h"

#include <array>
#include <cstdio>
#include <random>

namespace zb::bench {
namespace {

constexpr const char* kN = "http://nictiz.nl/fhir/StructureDefinition/";
constexpr std::array<const char*, 24> kDrugs = {"METOPROLOLSUCCINAAT TABLET MGA",
                                                "FUROSEMIDE TABLET",
                                                "OMEPRAZOL CAPSULE MSR",
                                                "SIMVASTATINE TABLET",
                                                "AMLODIPINE TABLET",
                                                "PARACETAMOL TABLET",
                                                "ACETYLSALICYLZUUR DISPERTABLET",
                                                "METFORMINE TABLET",
                                                "LISINOPRIL TABLET",
                                                "PANTOPRAZOL TABLET MSR",
                                                "ATORVASTATINE TABLET",
                                                "HYDROCHLOORTHIAZIDE TABLET",
                                                "TAMSULOSINE CAPSULE MGA",
                                                "LEVOTHYROXINE TABLET",
                                                "OXAZEPAM TABLET",
                                                "MACROGOL POEDER",
                                                "CALCIUMCARB/COLECALC KAUWTABLET",
                                                "ALENDRONINEZUUR TABLET",
                                                "APIXABAN TABLET",
                                                "BISOPROLOL TABLET",
                                                "SPIRONOLACTON TABLET",
                                                "QUETIAPINE TABLET",
                                                "MIRTAZAPINE TABLET",
                                                "DICLOFENAC TABLET MSR"};
constexpr std::array<int, 5> kStrengths = {5, 10, 20, 40, 100};

class Writer {
 public:
  explicit Writer(std::string id) {
    m_out.reserve(std::size_t{24} << 20);
    m_id = std::move(id);
    Begin();
  }
  std::string& out() { return m_out; }
  std::size_t resources = 0;

  void Entry(const std::string& fullUrl, const std::string& resource, bool include) {
    m_out += m_first ? "\n" : ",\n";
    m_first = false;
    m_out += R"({"fullUrl":")" + fullUrl + R"(","search":{"mode":")" + (include ? "include" : "match") +
             R"("},"resource":)" + resource + "}";
    ++resources;
  }
  std::string Finish() {
    m_out += "\n]}\n";
    return std::move(m_out);
  }

 private:
  void Begin() {
    m_out += R"({"resourceType":"Bundle","id":"bench-)" + m_id +
             R"(","type":"searchset","link":[{"relation":"self","url":"https://)" + m_id +
             R"(.example/fhir/MedicationRequest"}],"entry":[)";
  }
  std::string m_out;
  std::string m_id;
  bool m_first = true;
};

std::string Day(int n, const char* time = "00:00:00") {
  char buf[64];
  // Around 2026-06-01; day offsets keep the calendar valid without a date library here.
  const int base = 2026 * 372 + 5 * 31;  // a monotone day counter (31-day months, 12 a year)
  int d = base + n;
  const int year = d / 372;
  d %= 372;
  const int month = d / 31 + 1;
  const int day = std::min(d % 31 + 1, 28);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%s+02:00", year, month, day, time);
  return buf;
}

std::string Ext(const char* name, const std::string& valueJson) {
  return std::string(R"({"url":")") + kN + name + R"(",)" + valueJson + "}";
}

std::string Quantity(int value) {
  return R"({"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation","valueQuantity":{"value":)" +
         std::to_string(value) +
         R"(,"unit":"stuk","system":"urn:oid:2.16.840.1.113883.2.4.4.1.900.2","code":"245"}}],"value":)" +
         std::to_string(value) + R"(,"unit":"stuk","system":"http://unitsofmeasure.org","code":"1"})";
}

std::string Dosage(int freq, int dose) {
  return R"([{"timing":{"repeat":{"frequency":)" + std::to_string(freq) +
         R"(,"period":1,"periodUnit":"d"}},"route":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.4.9","code":"9","display":"Oraal"}]},"doseAndRate":[{"doseQuantity":)" +
         Quantity(dose) + "}]}]";
}

struct Treatment {
  int index;
  std::string mbh;
  std::string name;
  std::string prk;
  int freq;
  int dose;
  int start;
  int duration;  // 0: chronic
};

std::string Header(const char* resourceType, const char* profile, const std::string& id, const char* idSystem) {
  return std::string(R"({"resourceType":")") + resourceType + R"(","id":")" + id +
         R"(","meta":{"profile":["http://nictiz.nl/fhir/StructureDefinition/)" + profile + R"("]},)" +
         R"("identifier":[{"system":")" + idSystem + R"(","value":")" + id + R"("}],)";
}

std::string CommonExtensions(const Treatment& t, int registered, int start, int end, bool withPeriod, int freq,
                             int dose) {
  std::string e = R"("extension":[)";
  e += Ext("ext-RegistrationDateTime", R"("valueDateTime":")" + Day(registered, "09:12:00") + "\"") + ",";
  e += Ext("ext-RenderedDosageInstruction",
           R"("valueString":")" + std::to_string(freq) + " maal per dag " + std::to_string(dose) + " stuk, Oraal\"") +
       ",";
  if (withPeriod) {
    std::string period = R"("valuePeriod":{"start":")" + Day(start) + "\"";
    if (end > 0 || t.duration > 0) period += R"(,"end":")" + Day(end > 0 ? end : start + t.duration, "23:59:59") + "\"";
    period += "}";
    e += Ext("ext-TimeInterval.Period", period) + ",";
  }
  e += Ext("ext-PharmaceuticalTreatment.Identifier",
           R"("valueIdentifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1","value":")" + t.mbh + "\"}");
  return e + "],";
}

std::string Subject() {
  return R"("subject":{"reference":"urn:uuid:patient-0001","type":"Patient","display":"B. Benchmark"},)";
}

std::string MedicationRef(const std::string& url, const std::string& display) {
  return R"("medicationReference":{"reference":")" + url + R"(","type":"Medication","display":")" + display + R"("},)";
}

std::string Medication(const std::string& id, const Treatment& t, bool hpk) {
  std::string codes = R"({"system":"urn:oid:2.16.840.1.113883.2.4.4.10","code":")" + t.prk + R"(","display":")" +
                      t.name + R"(")" + (hpk ? "" : R"(,"userSelected":true)") + "}";
  if (hpk) {
    codes = R"({"system":"urn:oid:2.16.840.1.113883.2.4.4.7","code":"7)" + t.prk + R"(","display":")" + t.name +
            R"( GENERIEK","userSelected":true},)" + codes;
  }
  return R"({"resourceType":"Medication","id":")" + id +
         R"(","meta":{"profile":["http://nictiz.nl/fhir/StructureDefinition/mp-PharmaceuticalProduct"]},"code":{"coding":[)" +
         codes + R"(],"text":")" + t.name + R"("}})";
}

std::string Agreement(const Treatment& treatment, const std::string& id, const std::string& medUrl, int registered,
                      int start, int end, const char* stop, const std::string& prior, int freq, int dose,
                      const char* requester) {
  std::string r =
      Header("MedicationRequest", "mp-MedicationAgreement", id, "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1");
  r += CommonExtensions(treatment, registered, start, end, true, freq, dose);
  if (stop) {
    r += R"("modifierExtension":[)" +
         Ext("ext-StopType",
             std::string(R"("valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":")") + stop +
                 R"("}]})") +
         "],";
  }
  r +=
      R"("status":"unknown","intent":"order","category":[{"coding":[{"system":"http://snomed.info/sct","code":"33633005","display":"voorschrijven van geneesmiddel"}]}],)";
  r += MedicationRef(medUrl, treatment.name) + Subject();
  r += std::string(R"("requester":{"type":"PractitionerRole","display":")") + requester + R"("},)";
  if (!prior.empty()) {
    r +=
        R"("priorPrescription":{"type":"MedicationRequest","identifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1","value":")" +
        prior + R"("}},)";
  }
  r += R"("dosageInstruction":)" + Dosage(freq, dose) + "}";
  return r;
}

}  // namespace

std::vector<GeneratedSource> GenerateSources(std::size_t treatments, unsigned seed) {
  std::mt19937 rng(seed);
  Writer gp("huisarts"), pharmacy("apotheek"), hospital("ziekenhuis");
  const std::string patient =
      R"({"resourceType":"Patient","id":"patient-0001","identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"999991024"}],"name":[{"text":"B. Benchmark"}],"birthDate":"1940-02-02"})";
  for (auto* w : {&gp, &pharmacy, &hospital}) w->Entry("urn:uuid:patient-0001", patient, true);

  for (std::size_t i = 0; i < treatments; ++i) {
    Treatment t;
    t.index = static_cast<int>(i);
    t.mbh = "MBH_BENCH_" + std::to_string(i);
    t.name = std::string(kDrugs[i % kDrugs.size()]) + " " +
             std::to_string(kStrengths[(i / kDrugs.size()) % kStrengths.size()]) + "MG";
    t.prk = std::to_string(100000 + i % 2000);
    t.freq = 1 + static_cast<int>(rng() % 3);
    t.dose = 1 + static_cast<int>(rng() % 2);
    t.start = -static_cast<int>(rng() % 700);
    t.duration = rng() % 5 == 0 ? 7 + static_cast<int>(rng() % 21) : 0;
    const std::string n = std::to_string(i);

    // GP: the agreement (and for some a dispense request).
    const std::string gpMed = "urn:uuid:gp-med-" + n;
    gp.Entry(gpMed, Medication("gp-med-" + n, t, false), true);
    gp.Entry(
        "urn:uuid:gp-ma-" + n,
        Agreement(t, "MA_" + n, gpMed, t.start, t.start, 0, nullptr, "", t.freq, t.dose, "Huisartsenpraktijk De Linde"),
        false);
    if (i % 3 == 0) {
      std::string vv = Header("MedicationRequest", "mp-DispenseRequest", "VV_" + n,
                              "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.52711000146108.1");
      vv += CommonExtensions(t, t.start, t.start, 0, false, t.freq, t.dose);
      vv +=
          R"("status":"unknown","intent":"order","category":[{"coding":[{"system":"http://snomed.info/sct","code":"52711000146108"}]}],)" +
          MedicationRef(gpMed, t.name) + Subject() + R"("authoredOn":")" + Day(t.start, "11:00:00") +
          R"(","basedOn":[{"type":"MedicationRequest","identifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1","value":"MA_)" +
          n + R"("}}],"dispenseRequest":{"quantity":)" + Quantity(30) + "}}";
      gp.Entry("urn:uuid:gp-vv-" + n, vv, false);
    }

    // Pharmacy: TA (GDS for most), two dispenses, a use statement.
    const std::string phMed = "urn:uuid:ph-med-" + n;
    pharmacy.Entry(phMed, Medication("ph-med-" + n, t, true), true);
    std::string ta = Header("MedicationDispense", "mp-AdministrationAgreement", "TA_" + n,
                            "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.422037009.1");
    ta += CommonExtensions(t, t.start + 1, t.start + 1, 0, true, t.freq, t.dose);
    if (i % 4 != 0) {
      ta.insert(
          ta.size() - 2,
          "," +
              Ext("ext-MedicationDispense.DistributionForm",
                  R"("valueCodeableConcept":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.3.8","code":"1","display":"GDS"}]})"));
    }
    ta +=
        R"("status":"unknown","category":{"coding":[{"system":"http://snomed.info/sct","code":"422037009","display":"toedieningsafspraak"}]},)" +
        MedicationRef(phMed, t.name) + Subject() +
        R"("performer":[{"actor":{"type":"Organization","display":"Apotheek De Vaart"}}],"authorizingPrescription":[{"type":"MedicationRequest","identifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1","value":"MA_)" +
        n + R"("}}],"dosageInstruction":)" + Dosage(t.freq, t.dose) + "}";
    pharmacy.Entry("urn:uuid:ph-ta-" + n, ta, false);
    for (int k = 0; k < 2; ++k) {
      std::string mve = Header("MedicationDispense", "mp-MedicationDispense", "MVE_" + n + "_" + std::to_string(k),
                               "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.373784005.1");
      mve += R"("extension":[)" +
             Ext("ext-PharmaceuticalTreatment.Identifier",
                 R"("valueIdentifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1","value":")" + t.mbh +
                     "\"}") +
             "],";
      mve +=
          R"("status":"completed","category":{"coding":[{"system":"http://snomed.info/sct","code":"373784005"}]},)" +
          MedicationRef(phMed, t.name) + Subject() +
          R"("performer":[{"actor":{"type":"Organization","display":"Apotheek De Vaart"}}],"quantity":)" +
          Quantity(14 * t.freq) +
          R"(,"daysSupply":{"value":14,"unit":"dag","system":"http://unitsofmeasure.org","code":"d"},"whenHandedOver":")" +
          Day(-14 * (k + 1), "14:00:00") + "\"}";
      pharmacy.Entry("urn:uuid:ph-mve-" + n + "-" + std::to_string(k), mve, false);
    }
    std::string mgb =
        Header("MedicationStatement", "mp-MedicationUse2", "MGB_" + n, "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.6.1");
    mgb += R"("extension":[)" + Ext("ext-AsAgreedIndicator", R"("valueBoolean":true)") + "," +
           Ext("ext-PharmaceuticalTreatment.Identifier",
               R"("valueIdentifier":{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1","value":")" + t.mbh +
                   "\"}") +
           "],";
    mgb += std::string(R"("status":")") + (i % 17 == 0 ? "not-taken" : "active") +
           R"(","category":{"coding":[{"system":"http://snomed.info/sct","code":"422979000"}]},)" +
           MedicationRef(phMed, t.name) + Subject() + R"("effectivePeriod":{"start":")" + Day(t.start) +
           R"("},"dateAsserted":")" + Day(-3, "10:00:00") + R"(","dosage":)" + Dosage(t.freq, t.dose) + "}";
    pharmacy.Entry("urn:uuid:ph-mgb-" + n, mgb, false);

    // Hospital: a change (technical stop + new agreement) for some, a stop for others.
    if (i % 5 == 0 || i % 7 == 0) {
      const std::string zhMed = "urn:uuid:zh-med-" + n;
      hospital.Entry(zhMed, Medication("zh-med-" + n, t, false), true);
      hospital.Entry("urn:uuid:zh-stop-" + n,
                     Agreement(t, "MA_" + n + "_STOP", zhMed, -4, t.start, -5, "410546004", "MA_" + n, t.freq, t.dose,
                               "Ziekenhuis Rivierenland"),
                     false);
      if (i % 5 == 0) {
        hospital.Entry("urn:uuid:zh-ma-" + n,
                       Agreement(t, "MA_" + n + "_NEW", zhMed, -4, -4, 0, nullptr, "MA_" + n, t.freq, t.dose + 1,
                                 "Ziekenhuis Rivierenland"),
                       false);
      }
    }
  }
  std::vector<GeneratedSource> out;
  for (auto* w : {&gp, &pharmacy, &hospital}) {
    GeneratedSource s;
    s.resources = w->resources;
    s.json = w->Finish();
    out.push_back(std::move(s));
  }
  out[0].id = "huisarts";
  out[1].id = "apotheek";
  out[2].id = "ziekenhuis";
  return out;
}

}  // namespace zb::bench
