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
    // The negative and variant personas are SOs of the demo organisation that differ in one way.
    auto so = [&](std::string id, std::string label, std::string nummer, std::string initials,
                  std::optional<std::string> prefix, std::string surname) {
      return Persona{std::move(id),
                     std::move(label),
                     std::move(nummer),
                     std::move(initials),
                     std::move(prefix),
                     std::move(surname),
                     ura,
                     org,
                     "01.047",
                     "Specialist ouderengeneeskunde"};
    };
    p.push_back(so("so", "Specialist ouderengeneeskunde (SO)", "900000047", "A.", "de", "Vries"));
    p.push_back({"avg", "Arts voor verstandelijk gehandicapten (AVG)", "900000056", "M.", std::nullopt, "Bakker", ura,
                 org, "01.056", "Arts voor verstandelijk gehandicapten"});
    p.push_back({"huisarts-anw", "Huisarts in ANW-dienst", "900000015", "P.J.", "van der", "Berg", ura, org, "01.015",
                 "Huisarts"});
    p.push_back({"secretariaat", "Medisch secretariaat (geen BIG-rol)", "900000099", "S.", std::nullopt, "Jansen", ura,
                 org, "00.000", "Medewerker"});
    p.push_back(so("ingetrokken", "SO met ingetrokken verklaring", "900000049", "R.", std::nullopt, "Smit"));
    p.back().fault = PersonaFault::kRevoked;
    p.push_back(so("andere-ura", "SO van een andere organisatie", "900000048", "K.", std::nullopt, "Visser"));
    p.back().ura = "90000381";
    p.back().organisation = "Tést Zorginstelling 02";
    p.push_back({"mondhygienist", "Mondhygiënist (rol niet toegestaan)", "900022159", "J.", std::nullopt, "Mulder", ura,
                 org, "92.000", "Mondhygiënist"});
    p.push_back(so("verlopen", "SO met verlopen verklaring", "900000050", "E.", std::nullopt, "Dekker"));
    p.back().fault = PersonaFault::kExpired;
    p.push_back(
        so("valse-handtekening", "Verklaring met ongeldige handtekening", "900000051", "F.", std::nullopt, "Bos"));
    p.back().fault = PersonaFault::kBadSignature;
    p.push_back(so("onbekende-jku", "Verklaring met onbekende jku", "900000052", "G.", std::nullopt, "Meijer"));
    p.back().fault = PersonaFault::kUnknownJku;
    p.push_back(so("tweede-audience", "id_token voor twee clients zonder azp", "900000055", "L.", std::nullopt, "Kok"));
    p.back().fault = PersonaFault::kExtraAudienceNoAzp;
    p.push_back(so("so-k07", "SO, claimnamen als in het K07-voorbeeld", "900000053", "H.", "", "Tést"));
    p.back().style = ClaimStyle::kK07Example;
    p.push_back(so("so-acceptatie", "SO, userinfo als onversleutelde JWS (acceptatie)", "900000054", "I.", std::nullopt,
                   "de Graaf"));
    p.back().userinfoAsPlainJws = true;
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
