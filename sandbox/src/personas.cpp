// SPDX-License-Identifier: GPL-3.0-or-later
// The DEZI personas of the sandbox. Numbers are invented test values in the acceptance style
// (dezi.md §5.5), not real people. The organisation of the demo gateway is URA 90000380.
#include "world.h"

namespace zb::sandbox {

const std::vector<Persona>& Personas() {
  static const std::vector<Persona> personas = [] {
    std::vector<Persona> p;
    const std::string ura = "90000380";
    const std::string org = "Tést Zorginstelling 01";
    p.push_back({"so", "Specialist ouderengeneeskunde (SO)", "900000047", "A.", "de", "Vries", ura, org, "01.047",
                 "Specialist ouderengeneeskunde"});
    p.push_back({"avg", "Arts voor verstandelijk gehandicapten (AVG)", "900000056", "M.", std::nullopt, "Bakker", ura, org,
                 "01.056", "Arts voor verstandelijk gehandicapten"});
    p.push_back({"huisarts-anw", "Huisarts in ANW-dienst", "900000015", "P.J.", "van der", "Berg", ura, org, "01.015", "Huisarts"});
    p.push_back({"secretariaat", "Medisch secretariaat (geen BIG-rol)", "900000099", "S.", std::nullopt, "Jansen", ura, org,
                 "00.000", "Medewerker"});
    Persona revoked{"ingetrokken", "SO met ingetrokken verklaring", "900000049", "R.", std::nullopt, "Smit", ura, org, "01.047",
                    "Specialist ouderengeneeskunde"};
    revoked.fault = PersonaFault::kRevoked;
    p.push_back(revoked);
    p.push_back({"andere-ura", "SO van een andere organisatie", "900000048", "K.", std::nullopt, "Visser", "90000381",
                 "Tést Zorginstelling 02", "01.047", "Specialist ouderengeneeskunde"});
    p.push_back({"mondhygienist", "Mondhygiënist (rol niet toegestaan)", "900022159", "J.", std::nullopt, "Mulder", ura, org,
                 "92.000", "Mondhygiënist"});
    Persona expired{"verlopen", "SO met verlopen verklaring", "900000050", "E.", std::nullopt, "Dekker", ura, org, "01.047",
                    "Specialist ouderengeneeskunde"};
    expired.fault = PersonaFault::kExpired;
    p.push_back(expired);
    Persona badSignature{"valse-handtekening", "Verklaring met ongeldige handtekening", "900000051", "F.", std::nullopt, "Bos",
                         ura, org, "01.047", "Specialist ouderengeneeskunde"};
    badSignature.fault = PersonaFault::kBadSignature;
    p.push_back(badSignature);
    Persona unknownJku{"onbekende-jku", "Verklaring met onbekende jku", "900000052", "G.", std::nullopt, "Meijer", ura, org,
                       "01.047", "Specialist ouderengeneeskunde"};
    unknownJku.fault = PersonaFault::kUnknownJku;
    p.push_back(unknownJku);
    Persona k07{"so-k07", "SO, claimnamen als in het K07-voorbeeld", "900000053", "H.", "", "Tést", ura, org, "01.047",
                "Specialist ouderengeneeskunde"};
    k07.style = ClaimStyle::kK07Example;
    p.push_back(k07);
    Persona acceptance{"so-acceptatie", "SO, userinfo als onversleutelde JWS (acceptatie)", "900000054", "I.", std::nullopt,
                       "de Graaf", ura, org, "01.047", "Specialist ouderengeneeskunde"};
    acceptance.userinfoAsPlainJws = true;
    p.push_back(acceptance);
    return p;
  }();
  return personas;
}

const Persona* FindPersona(const std::string& id) {
  for (const auto& p : Personas()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace zb::sandbox
