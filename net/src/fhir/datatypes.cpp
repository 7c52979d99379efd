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

std::vector<d::Coding> CodingArray(Context& c, Object o, std::string_view key) {
  std::vector<d::Coding> out;
  auto arr = c.Arr(o, key);
  if (!arr) return out;
  std::ptrdiff_t i = 0;
  for (Element e : *arr) {
    Context::Scope s(c, key, i++);
    if (auto co = c.AsObject(e, "a Coding")) out.push_back(MapCoding(c, *co));
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

void MapTiming(Context& context, Object timing, d::Timing& into) {
  auto repeat = context.Obj(timing, "repeat");
  if (!repeat) return;
  Context::Scope s(context, "repeat");
  auto toInt = [](std::optional<std::int64_t> v) -> std::optional<int> {
    if (!v || *v < 0 || *v > 100000) return std::nullopt;
    return static_cast<int>(*v);
  };
  into.frequency = toInt(context.Int(*repeat, "frequency"));
  into.frequencyMax = toInt(context.Int(*repeat, "frequencyMax"));
  into.count = toInt(context.Int(*repeat, "count"));
  into.countMax = toInt(context.Int(*repeat, "countMax"));
  into.period = context.Number(*repeat, "period");
  into.periodMax = context.Number(*repeat, "periodMax");
  if (auto v = context.Str(*repeat, "periodUnit")) into.periodUnit = *v;
  if (auto dur = context.Number(*repeat, "duration")) {
    into.duration = d::Duration{*dur, std::string(context.Str(*repeat, "durationUnit").value_or(""))};
  }
  into.boundsDuration = DurationField(context, *repeat, "boundsDuration");
  auto strings = [&](std::string_view key, std::vector<std::string>& values) {
    auto arr = context.Arr(*repeat, key);
    if (!arr) return;
    for (Element e : *arr) {
      std::string_view v;
      if (!e.get(v)) values.emplace_back(v);
    }
  };
  strings("dayOfWeek", into.dayOfWeek);
  strings("timeOfDay", into.timeOfDay);
  strings("when", into.when);
  ForEachExtension(context, *repeat, url::kHl7, [&](std::string_view name, Object ext) {
    if (name == url::kTimingExact) into.exact = context.Bool(ext, "valueBoolean");
  });
}

}  // namespace

d::Dosage MapDosage(Context& context, Object object) {
  d::Dosage dosage;
  if (auto v = context.Int(object, "sequence"); v && *v >= 0 && *v < 100000) dosage.sequence = static_cast<int>(*v);
  if (auto v = context.Str(object, "text")) dosage.text = *v;
  if (auto timing = context.Obj(object, "timing")) {
    Context::Scope s(context, "timing");
    MapTiming(context, *timing, dosage.timing);
  }
  if (auto b = context.Bool(object, "asNeededBoolean")) dosage.asNeeded = *b;
  if (auto crit = ConceptField(context, object, "asNeededCodeableConcept")) {
    dosage.asNeeded = true;
    dosage.asNeededCriterion = std::move(*crit);
  }
  // More than one "zo nodig" condition: the others in ext-Dosage-AsNeededFor. Read as scheduled,
  // such a dose would be given every day.
  ForEachExtension(context, object, url::kNictiz, [&](std::string_view name, Object ext) {
    if (name != url::kAsNeededFor) return;
    auto crit = ConceptField(context, ext, "valueCodeableConcept");
    if (!crit) return context.Warn("ext-Dosage-AsNeededFor without valueCodeableConcept; ignored");
    dosage.asNeeded = true;
    if (dosage.asNeededCriterion.empty())
      dosage.asNeededCriterion = std::move(*crit);
    else
      dosage.asNeededAlso.push_back(std::move(*crit));
  });
  if (auto route = ConceptField(context, object, "route")) dosage.route = std::move(*route);
  if (auto arr = context.Arr(object, "doseAndRate")) {
    std::ptrdiff_t i = 0;
    for (Element e : *arr) {
      Context::Scope s(context, "doseAndRate", i++);
      auto dr = context.AsObject(e, "doseAndRate");
      if (!dr) continue;
      d::DoseAndRate out;
      out.dose = QuantityField(context, *dr, "doseQuantity");
      if (auto r = context.Obj(*dr, "doseRange")) {
        Context::Scope rs(context, "doseRange");
        out.doseRange = MapRange(context, *r);
      }
      out.rate = QuantityField(context, *dr, "rateQuantity");
      if (auto r = context.Obj(*dr, "rateRange")) {
        Context::Scope rs(context, "rateRange");
        out.rateRange = MapRange(context, *r);
      }
      dosage.doseAndRate.push_back(std::move(out));
    }
  }
  // MedicationAdministration.dosage has dose/rate directly on the element.
  if (auto dose = QuantityField(context, object, "dose")) dosage.doseAndRate.push_back({std::move(dose), {}, {}, {}});
  if (auto m = context.Obj(object, "maxDosePerPeriod")) {
    Context::Scope s(context, "maxDosePerPeriod");
    dosage.maxDosePerPeriod = MapRatio(context, *m);
  }
  dosage.additionalInstruction = ConceptArray(context, object, "additionalInstruction");
  return dosage;
}

std::vector<d::Dosage> MapDosageArray(Context& context, Object object, std::string_view key, bool single) {
  std::vector<d::Dosage> out;
  Element e;
  if (object[key].get(e)) return out;
  Array arr;
  if (!e.get(arr)) {
    std::ptrdiff_t i = 0;
    for (Element item : arr) {
      Context::Scope s(context, key, i++);
      if (auto obj = context.AsObject(item, "a Dosage")) out.push_back(MapDosage(context, *obj));
    }
    return out;
  }
  Object one;
  if (!e.get(one)) {
    Context::Scope s(context, key);
    if (!single) context.Warn("expected an array of Dosage, found one object; read as a single dosage");
    out.push_back(MapDosage(context, one));
  } else {
    Context::Scope s(context, key);
    context.Warn("expected Dosage to be an array or object; ignored");
  }
  return out;
}

}  // namespace zb::net::fhir::detail
