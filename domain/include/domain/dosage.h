// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Structured dosage of MP9 InstructionsForUse (mp-InstructionsForUse.DosageInstructions). One
// building block can carry several Dosage lines: consecutive ones (sequence, e.g. tapering) or
// parallel ones with the same sequence (e.g. morning and evening doses).
#include <optional>
#include <string>
#include <vector>

#include "domain/boxed.h"
#include "domain/codes.h"
#include "domain/date_time.h"
#include "domain/quantity.h"

namespace zb::domain {

struct Timing {
  std::optional<int> frequency;
  std::optional<int> frequencyMax;
  std::optional<double> period;
  std::optional<double> periodMax;
  std::string periodUnit;    // UCUM: h, d, wk, mo
  std::optional<int> count;  // number of administrations
  std::optional<int> countMax;
  std::optional<Duration> duration;        // duration of one administration (e.g. infusion)
  std::optional<Duration> boundsDuration;  // how long this dosage line applies
  std::vector<std::string> dayOfWeek;      // mon..sun
  std::vector<std::string> timeOfDay;      // hh:mm:ss
  std::vector<std::string> when;           // EventTiming codes (MORN, NIGHT, ...)
  std::optional<bool> exact;               // timing-exact extension: times are (not) flexible
  bool operator==(const Timing&) const = default;
};

struct DoseAndRate {
  std::optional<Quantity> dose;  // the usual case, kept inline
  Boxed<Range> doseRange;
  Boxed<Quantity> rate;
  Boxed<Range> rateRange;
  bool operator==(const DoseAndRate&) const = default;
};

struct Dosage {
  std::optional<int> sequence;
  std::string text;
  Timing timing;
  bool asNeeded = false;      // zo nodig
  Concept asNeededCriterion;  // NHG table 25, e.g. 1028 "Bij pijn"
  // Further "zo nodig" conditions: R4 allows one asNeededCodeableConcept, MP9 carries the others in
  // ext-Dosage-AsNeededFor (R5 Dosage.asNeededFor pre-adopted). Each makes the dose as-needed.
  std::vector<Concept> asNeededAlso{};
  Concept route;  // G-Standaard route, e.g. 9 "Oraal"
  std::vector<DoseAndRate> doseAndRate;
  Boxed<Ratio> maxDosePerPeriod;
  std::vector<Concept> additionalInstruction;
  bool operator==(const Dosage&) const = default;
};

// A canonical, order-independent summary of what is administered when. Two dosage lists with the
// same key give the patient the same medicine at the same moments; used to detect dose
// discrepancies between building blocks and sources, never shown to users.
std::string DosageKey(const std::vector<Dosage>& dosage);

// What the patient gets per day, per unit, scheduled and as-needed apart, plus the route: equal
// keys mean the same amounts by the same route even when one side names administration times
// and the other a frequency ("elke dag om 09:00" vs "1 maal per dag"). Lines whose timing gives
// no daily rate fall back to their full description.
std::string DailyAmountKey(const std::vector<Dosage>& dosage);

}  // namespace zb::domain
