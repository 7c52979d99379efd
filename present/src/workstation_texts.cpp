// SPDX-License-Identifier: GPL-3.0-or-later
#include "present/workstation_texts.h"

#include "present/tr.h"

namespace zb::present {

std::string DescribeLookup(const LookupProgress& progress) {
  using Phase = LookupProgress::Phase;
  switch (progress.phase) {
    case Phase::kIdle:
      return {};
    case Phase::kNotStarted:
      // Not an alarm: this role does not retrieve, and nothing was asked.
      if (progress.problemCode == "role_not_allowed") {
        return Tr(
            "Met uw rol worden geen gegevens bij huisarts, apotheek of ziekenhuis opgevraagd; er is niets gevraagd.");
      }
      return Fmt("Ophalen niet gestart: {0}", {progress.problem});
    case Phase::kRunning:
      return Fmt("Gegevens worden opgehaald bij {0} bronnen…", {std::to_string(progress.sources)});
    case Phase::kStopped:
      return Tr("Ophalen gestopt.");
    case Phase::kEnded:
      break;
  }
  std::string text =
      progress.complete ? Tr("Alle bronnen hebben geantwoord.") : Tr("Niet alle bronnen hebben gegevens geleverd.");
  if (!progress.saved) text += " " + Fmt("Niet opgeslagen voor offline gebruik: {0}", {progress.problem});
  return text;
}

std::string DescribeConnectionOk(const std::string& organisation, const std::string& ura) {
  return Fmt("Verbinding in orde: gateway van {0}.", {organisation + " (URA " + ura + ")"});
}

std::string DescribeConnectionProblem(const domain::Error& e) {
  std::string why;
  if (e.code == domain::ErrorCode::kInvalidFormat) {
    why = Tr("het adres moet met https:// beginnen");
  } else if (e.problem == "gateway_tls_refused") {
    why = Fmt("het certificaat van de gateway wordt niet vertrouwd: {0}", {e.detail});
  } else {
    why = Fmt("gateway niet bereikbaar: {0}", {e.detail});
  }
  return Fmt("Geen verbinding: {0}", {why});
}

std::string DescribeDirectoryProblem(const domain::Error& e) {
  if (e.problem == "not_logged_in") return Tr("niet ingelogd: log in om het adresboek te doorzoeken");
  return Fmt("adresboek niet te raadplegen: {0}", {e.detail});
}

std::string DescribePreferenceProblem(const std::string& field, const std::string& value) {
  if (field == "gateway")
    return Tr("Gateway-adres: moet met https:// beginnen, bijvoorbeeld https://gateway.verpleeghuis.nl");
  if (field == "caFile") {
    return Fmt("Vertrouwde CA: het bestand {0} bestaat niet; kies een PEM-bestand of laat het veld leeg", {value});
  }
  if (field == "language") return Tr("Taal: kies Nederlands of English");
  return Tr("Vergrendelen na: kies 1 tot 240 minuten");
}

}  // namespace zb::present
