// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/login_texts.h"

#include <algorithm>
#include <map>
#include <string>

#include "present/tr.h"

namespace zb::present {

std::string LoginProblemLabel(const std::string& code) {
  static const std::map<std::string, const char*> kProblems{
      {"verklaring_revoked",
       N_("uw DEZI-verklaring is ingetrokken; neem contact op met de beheerder van uw organisatie")},
      {"verklaring_expired", N_("uw DEZI-verklaring is verlopen; vraag een nieuwe aan via uw organisatie")},
      {"verklaring_not_yet_valid", N_("uw DEZI-verklaring is nog niet geldig")},
      {"verklaring_invalid", N_("uw DEZI-verklaring is ongeldig; neem contact op met de servicedesk")},
      {"verklaring_signature_invalid",
       N_("de handtekening op uw DEZI-verklaring klopt niet; neem contact op met de servicedesk")},
      {"verklaring_jku_not_allowed",
       N_("uw DEZI-verklaring komt van een onbekende uitgever; neem contact op met de servicedesk")},
      {"verklaring_status_unavailable",
       N_("DEZI kan nu niet bevestigen dat uw verklaring geldig is; probeer het zo opnieuw")},
      {"role_not_allowed", N_("uw rol mag Zorgbrug in deze organisatie niet gebruiken")},
      {"organisation_mismatch", N_("uw DEZI-verklaring hoort bij een andere organisatie dan deze werkplek")},
      {"loa_insufficient", N_("het betrouwbaarheidsniveau van de inlog is te laag")},
      {"dezi_unreachable", N_("DEZI is niet bereikbaar; probeer het zo opnieuw")},
      {"gateway_unreachable", N_("de gateway van uw organisatie is niet bereikbaar")},
      {"gateway_tls_refused", N_("het certificaat van de gateway wordt niet vertrouwd; controleer de instellingen")},
      {"login_timeout", N_("het inloggen duurde te lang; probeer het opnieuw")},
      {"session_proof_invalid",
       N_("de inlog kon niet aan deze werkplek worden gebonden; controleer de klok van deze computer en probeer het opnieuw")},
      {"browser_unavailable", N_("de browser kon niet worden geopend")},
      {"state_mismatch", N_("het antwoord van DEZI hoort niet bij deze inlogpoging; geweigerd")},
      {"dezi_access_denied", N_("het inloggen is afgebroken bij DEZI")},
  };
  auto it = kProblems.find(code);
  return it == kProblems.end() ? std::string() : Tr(it->second);
}

std::string DescribeLoginFailure(const domain::Error& error) {
  // Refusals that say when to come back (Retry-After): the wait, in the same words as on the overview.
  const std::string wait = std::to_string(std::max(1, error.retryAfterSeconds));
  if (error.problem == "gateway_busy") return Fmt("gateway druk, probeer over {0} s", {wait});
  if (error.problem == "too_many_requests")
    return Fmt("te veel inlogpogingen vanaf deze computer; probeer over {0} s opnieuw", {wait});
  const std::string label = LoginProblemLabel(error.problem);
  if (!label.empty()) return label;
  return error.problem.empty() ? error.detail : error.problem + ": " + error.detail;
}

}  // namespace zb::present
