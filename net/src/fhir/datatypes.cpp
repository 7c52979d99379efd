// SPDX-License-Identifier: GPL-3.0-or-later
#include "datatypes.h"

#include "profiles.h"

namespace zb::net::fhir::detail {

namespace d = zb::domain;

d::Coding MapCoding(Context& c, Object o) {
  d::Coding coding;
  if (auto v = c.Str(o, "system")) coding.system = *v;
  if (auto v = c.Str(o, "code")) coding.code = *v;
  if (auto v = c.Str(o, "display")) coding.display = *v;
  return coding;
}

d::Concept MapConcept(Context& c, Object o) {
  d::Concept cc;
  if (auto codings = c.Arr(o, "coding")) {
    std::ptrdiff_t i = 0;
    for (Element e : *codings) {
      Context::Scope s(c, "coding", i++);
      if (auto co = c.AsObject(e, "a Coding")) cc.codings.push_back(MapCoding(c, *co));
    }
  }
  if (auto t = c.Str(o, "text")) cc.text = *t;
  return cc;
}

std::optional<d::Concept> ConceptField(Context& c, Object o, std::string_view key) {
  auto v = c.Obj(o, key);
  if (!v) return std::nullopt;
  Context::Scope s(c, key);
  return MapConcept(c, *v);
}

std::vector<d::Concept> ConceptArray(Context& c, Object o, std::string_view key) {
  std::vector<d::Concept> out;
  auto arr = c.Arr(o, key);
  if (!arr) return out;
  std::ptrdiff_t i = 0;
  for (Element e : *arr) {
    Context::Scope s(c, key, i++);
    if (auto co = c.AsObject(e, "a CodeableConcept")) out.push_back(MapConcept(c, *co));
  }
  return out;
}

d::Quantity MapQuantity(Context& c, Object o) {
  d::Quantity q;
  if (auto v = c.Decimal(o, "value")) q.decimal = std::move(*v);
  if (auto v = c.Str(o, "unit")) q.unit = *v;
  if (auto v = c.Str(o, "system")) q.system = *v;
  if (auto v = c.Str(o, "code")) q.code = *v;
  ForEachExtension(c, o, url::kHl7, [&](std::string_view name, Object ext) {
    if (name != url::kPqTranslation) return;
    if (auto vq = c.Obj(ext, "valueQuantity")) {
      d::Coding unit;
      if (auto v = c.Str(*vq, "system")) unit.system = *v;
      if (auto v = c.Str(*vq, "code")) unit.code = *v;
      if (auto v = c.Str(*vq, "unit")) unit.display = *v;
      q.gstdUnit = std::move(unit);
    }
  });
  return q;
}

std::optional<d::Quantity> QuantityField(Context& c, Object o, std::string_view key) {
  auto v = c.Obj(o, key);
  if (!v) return std::nullopt;
  Context::Scope s(c, key);
  return MapQuantity(c, *v);
}

d::Range MapRange(Context& c, Object o) {
  d::Range r;
  r.low = QuantityField(c, o, "low");
  r.high = QuantityField(c, o, "high");
  return r;
}

d::Ratio MapRatio(Context& c, Object o) {
  d::Ratio r;
  r.numerator = QuantityField(c, o, "numerator");
  r.denominator = QuantityField(c, o, "denominator");
  return r;
}

std::optional<d::Duration> DurationField(Context& c, Object o, std::string_view key) {
  auto v = c.Obj(o, key);
  if (!v) return std::nullopt;
  Context::Scope s(c, key);
  d::Duration dur;
  auto value = c.Number(*v, "value");
  auto code = c.Str(*v, "code");
  if (!value || !code) {
    c.Warn("Duration needs value and code; ignored");
    return std::nullopt;
  }
  dur.value = *value;
  dur.unit = *code;
  return dur;
}

std::optional<d::BlockId> MapIdentifier(Context& c, Object o) {
  d::BlockId id;
  if (auto v = c.Str(o, "system")) id.system = *v;
  if (auto v = c.Str(o, "value")) id.value = *v;
  if (id.value.empty()) return std::nullopt;
  return id;
}

std::optional<d::BlockId> IdentifierField(Context& c, Object o, std::string_view key) {
  auto v = c.Obj(o, key);
  if (!v) return std::nullopt;
  Context::Scope s(c, key);
  return MapIdentifier(c, *v);
}

std::optional<d::BlockId> FirstIdentifier(Context& c, Object resource) {
  auto ids = c.Arr(resource, "identifier");
  if (!ids) return std::nullopt;
  std::ptrdiff_t i = 0;
  for (Element e : *ids) {
    Context::Scope s(c, "identifier", i++);
    auto o = c.AsObject(e, "an Identifier");
    if (!o) continue;
    if (auto id = MapIdentifier(c, *o)) return id;
  }
  return std::nullopt;
}

std::optional<d::BlockId> LogicalReference(Context& c, Object reference) {
  return IdentifierField(c, reference, "identifier");
}

d::Actor MapActor(Context& c, Object reference) {
  d::Actor a;
  if (auto v = c.Str(reference, "display")) a.display = *v;
  if (auto id = IdentifierField(c, reference, "identifier")) a.identifier = d::Coding{id->system, id->value, {}};
  return a;
}

std::optional<d::Actor> ActorField(Context& c, Object o, std::string_view key) {
  auto v = c.Obj(o, key);
  if (!v) return std::nullopt;
  Context::Scope s(c, key);
  return MapActor(c, *v);
}

d::PeriodOfUse MapPeriodOfUse(Context& c, Object period) {
  d::PeriodOfUse p;
  p.start = c.DateTime(period, "start");
  p.end = c.DateTime(period, "end");
  ForEachExtension(c, period, url::kNictiz, [&](std::string_view name, Object ext) {
    if (name == url::kDuration) {
      p.duration = DurationField(c, ext, "valueDuration");
    } else if (name == url::kCondition) {
      if (auto v = c.Str(ext, "valueString")) p.condition = *v;
    }
  });
  if (p.start && p.end && p.end->Latest() < p.start->Earliest()) {
    c.Warn("period of use ends before it starts");
  }
  return p;
}

namespace {

void MapTiming(Context& c, Object timing, d::Timing& t) {
  auto repeat = c.Obj(timing, "repeat");
  if (!repeat) return;
  Context::Scope s(c, "repeat");
  auto toInt = [](std::optional<std::int64_t> v) -> std::optional<int> {
    if (!v || *v < 0 || *v > 100000) return std::nullopt;
    return static_cast<int>(*v);
  };
  t.frequency = toInt(c.Int(*repeat, "frequency"));
  t.frequencyMax = toInt(c.Int(*repeat, "frequencyMax"));
  t.count = toInt(c.Int(*repeat, "count"));
  t.countMax = toInt(c.Int(*repeat, "countMax"));
  t.period = c.Number(*repeat, "period");
  t.periodMax = c.Number(*repeat, "periodMax");
  if (auto v = c.Str(*repeat, "periodUnit")) t.periodUnit = *v;
  if (auto dur = c.Number(*repeat, "duration")) {
    t.duration = d::Duration{*dur, std::string(c.Str(*repeat, "durationUnit").value_or(""))};
  }
  t.boundsDuration = DurationField(c, *repeat, "boundsDuration");
  auto strings = [&](std::string_view key, std::vector<std::string>& out) {
    auto arr = c.Arr(*repeat, key);
    if (!arr) return;
    for (Element e : *arr) {
      std::string_view v;
      if (!e.get(v)) out.emplace_back(v);
    }
  };
  strings("dayOfWeek", t.dayOfWeek);
  strings("timeOfDay", t.timeOfDay);
  strings("when", t.when);
  ForEachExtension(c, *repeat, url::kHl7, [&](std::string_view name, Object ext) {
    if (name == url::kTimingExact) t.exact = c.Bool(ext, "valueBoolean");
  });
}

}  // namespace

d::Dosage MapDosage(Context& c, Object o) {
  d::Dosage dosage;
  if (auto v = c.Int(o, "sequence"); v && *v >= 0 && *v < 100000) dosage.sequence = static_cast<int>(*v);
  if (auto v = c.Str(o, "text")) dosage.text = *v;
  if (auto timing = c.Obj(o, "timing")) {
    Context::Scope s(c, "timing");
    MapTiming(c, *timing, dosage.timing);
  }
  if (auto b = c.Bool(o, "asNeededBoolean")) dosage.asNeeded = *b;
  if (auto crit = ConceptField(c, o, "asNeededCodeableConcept")) {
    dosage.asNeeded = true;
    dosage.asNeededCriterion = std::move(*crit);
  }
  if (auto route = ConceptField(c, o, "route")) dosage.route = std::move(*route);
  if (auto arr = c.Arr(o, "doseAndRate")) {
    std::ptrdiff_t i = 0;
    for (Element e : *arr) {
      Context::Scope s(c, "doseAndRate", i++);
      auto dr = c.AsObject(e, "doseAndRate");
      if (!dr) continue;
      d::DoseAndRate out;
      out.dose = QuantityField(c, *dr, "doseQuantity");
      if (auto r = c.Obj(*dr, "doseRange")) {
        Context::Scope rs(c, "doseRange");
        out.doseRange = MapRange(c, *r);
      }
      out.rate = QuantityField(c, *dr, "rateQuantity");
      if (auto r = c.Obj(*dr, "rateRange")) {
        Context::Scope rs(c, "rateRange");
        out.rateRange = MapRange(c, *r);
      }
      dosage.doseAndRate.push_back(std::move(out));
    }
  }
  // MedicationAdministration.dosage has dose/rate directly on the element.
  if (auto dose = QuantityField(c, o, "dose")) dosage.doseAndRate.push_back({std::move(dose), {}, {}, {}});
  if (auto m = c.Obj(o, "maxDosePerPeriod")) {
    Context::Scope s(c, "maxDosePerPeriod");
    dosage.maxDosePerPeriod = MapRatio(c, *m);
  }
  dosage.additionalInstruction = ConceptArray(c, o, "additionalInstruction");
  return dosage;
}

std::vector<d::Dosage> MapDosageArray(Context& c, Object o, std::string_view key, bool single) {
  std::vector<d::Dosage> out;
  Element e;
  if (o[key].get(e)) return out;
  Array arr;
  if (!e.get(arr)) {
    std::ptrdiff_t i = 0;
    for (Element item : arr) {
      Context::Scope s(c, key, i++);
      if (auto obj = c.AsObject(item, "a Dosage")) out.push_back(MapDosage(c, *obj));
    }
    return out;
  }
  Object one;
  if (!e.get(one)) {
    Context::Scope s(c, key);
    if (!single) c.Warn("expected an array of Dosage, found one object; read as a single dosage");
    out.push_back(MapDosage(c, one));
  } else {
    Context::Scope s(c, key);
    c.Warn("expected Dosage to be an array or object; ignored");
  }
  return out;
}

}  // namespace zb::net::fhir::detail
