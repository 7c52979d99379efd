#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Zorgbrug's own synthetic FHIR R4 data: the demo patient (resources/demo/) and the
per-rule scenarios of the test suite (tests/data/mp9/, tests/data/ica/). Shapes follow the
MP9 3.0 / zib 2020 / CiO profiles; every patient, product code and identifier is invented.
Dates are written as ${DATE, T, D, n} placeholders relative to the day the data is shown.

Run from the repository root after changing it:  python3 tools/make_synthetic_fhir.py
"""
import json
import os

N = "http://nictiz.nl/fhir/StructureDefinition/"
SCT = "http://snomed.info/sct"
PRK = "urn:oid:2.16.840.1.113883.2.4.4.10"
GPK = "urn:oid:2.16.840.1.113883.2.4.4.1"
HPK = "urn:oid:2.16.840.1.113883.2.4.4.7"
ROUTE = "urn:oid:2.16.840.1.113883.2.4.4.9"
GUNIT = "urn:oid:2.16.840.1.113883.2.4.4.1.900.2"
# "Zo nodig" criteria: NHG table 25, as the MP9 value set and every Nictiz fixture code them.
NHG25 = "https://referentiemodel.nhg.org/tabellen/nhg-tabel-25-gebruiksvoorschrift#aanvullend-numeriek"
MBH_SYS = "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.1.1"
ID_SYS = {"MA": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.16076005.1",
          "TA": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.422037009.1",
          "VV": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.52711000146108.1",
          "MVE": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.373784005.1",
          "MGB": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.6.1",
          "WDS": "urn:oid:2.16.840.1.113883.2.4.3.11.999.77.395067002.1"}
CATEGORY = {"MA": ("33633005", "voorschrijven van geneesmiddel"),
            "GPMA": ("16076005", "voorschrijven"),
            "WDS": ("395067002", "optimaliseren van dosering van medicatie"),
            "VV": ("52711000146108", "verstrekkingsverzoek"),
            "TA": ("422037009", "toedieningsafspraak"),
            "MVE": ("373784005", "verstrekken van medicatie"),
            "MGB": ("422979000", "bevinding betreffende gedrag met betrekking tot medicatieregime")}
STOP = {"stopped": ("410546004", "stopgezet"), "suspended": ("385655000", "onderbroken"),
        "cancelled": ("89925002", "geannuleerd"), "old-stopped": ("113371000146109", "definitief gestopt")}


def day(n, time="00:00:00"):
    sign = "+" if n >= 0 else "-"
    return "${DATE, T, D, %s%d}T%s+01:00" % (sign, abs(n), time)


class Product:
    def __init__(self, key, prk, name, gpk=None, hpk=None, hpk_name=None):
        self.key, self.prk, self.name, self.gpk, self.hpk, self.hpk_name = key, prk, name, gpk, hpk, hpk_name

    def resource(self, dispensed=False):
        codings = []
        if dispensed and self.hpk:
            codings.append({"system": HPK, "code": self.hpk, "display": self.hpk_name or self.name, "userSelected": True})
            codings.append({"system": PRK, "code": self.prk, "display": self.name})
        else:
            codings.append({"system": PRK, "code": self.prk, "display": self.name, "userSelected": True})
        if self.gpk:
            codings.append({"system": GPK, "code": self.gpk, "display": self.name})
        text = (self.hpk_name or self.name) if dispensed and self.hpk else self.name
        return {"resourceType": "Medication", "id": "med-" + self.key + ("-hpk" if dispensed and self.hpk else ""),
                "meta": {"profile": [N + "mp-PharmaceuticalProduct"]},
                "code": {"coding": codings, "text": text}}


def qty(value, unit="stuk", gcode="245"):
    return {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/iso21090-PQ-translation",
                           "valueQuantity": {"value": value, "unit": unit, "system": GUNIT, "code": gcode}}],
            "value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": "1" if unit == "stuk" else unit}


def dosage(freq=1, period=1, unit="d", dose=1, as_needed=None, times=None, when=None, max_per_day=None):
    repeat = {}
    if times:
        repeat["timeOfDay"] = times
    elif when:
        repeat["when"] = when
    else:
        repeat.update({"frequency": freq, "period": period, "periodUnit": unit})
    d = {"timing": {"repeat": repeat},
         "route": {"coding": [{"system": ROUTE, "code": "9", "display": "Oraal"}]},
         "doseAndRate": [{"doseQuantity": qty(dose)}]}
    if as_needed:
        d["asNeededCodeableConcept"] = {"coding": [{"system": NHG25, "code": as_needed[0],
                                                    "display": as_needed[1]}]}
    if max_per_day:
        d["maxDosePerPeriod"] = {"numerator": qty(max_per_day), "denominator": {"value": 1, "unit": "dag",
                                                                              "system": "http://unitsofmeasure.org", "code": "d"}}
    return d


class Bundle:
    def __init__(self, patient):
        self.entries, self.patient, self.products = [], patient, {}
        self.add(patient["resource"], patient["id"])

    def add(self, resource, key):
        # Every allergy and flag names its patient (R4: AllergyIntolerance.patient and Flag.subject
        # are 1..1), so the reader's patient check covers ICA too.
        if resource["resourceType"] == "AllergyIntolerance":
            resource.setdefault("patient", self.subject())
        if resource["resourceType"] == "Flag":
            resource.setdefault("subject", self.subject())
        self.entries.append({"fullUrl": "urn:uuid:" + uuid_for(key), "resource": resource,
                             "search": {"mode": "match" if resource["resourceType"] not in ("Patient", "Medication") else "include"}})
        return "urn:uuid:" + uuid_for(key)

    def subject(self):
        return {"reference": "urn:uuid:" + uuid_for(self.patient["id"]), "type": "Patient"}

    def product_ref(self, product, dispensed=False):
        res = product.resource(dispensed)
        if res["id"] not in self.products:
            self.products[res["id"]] = self.add(res, res["id"])
        return {"reference": self.products[res["id"]], "type": "Medication", "display": res["code"]["text"]}

    def write(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"resourceType": "Bundle", "id": os.path.basename(path)[:-5], "type": "searchset",
                       "total": sum(1 for e in self.entries if e["search"]["mode"] == "match"),
                       "entry": self.entries}, f, ensure_ascii=False, indent=1)
            f.write("\n")


def uuid_for(key):
    import hashlib
    h = hashlib.sha1(key.encode()).hexdigest()
    return "%s-%s-4%s-8%s-%s" % (h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])


def patient(key, bsn, initials, family, birth):
    return {"id": "pat-" + key, "resource": {
        "resourceType": "Patient", "id": "pat-" + key, "meta": {"profile": [N + "nl-core-Patient"]},
        "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": bsn}],
        "name": [{"use": "official", "text": initials + " " + family, "family": family, "given": [initials]}],
        "birthDate": birth}}


def actor(display, kind="PractitionerRole"):
    return {"type": kind, "display": display}


def logical(kind, ident, rtype):
    return {"type": rtype, "identifier": {"system": ID_SYS[kind], "value": ident}}


def block(b, kind, ident, mbh, product, start=None, end=None, duration=None, registered=None, stop=None, dose=None,
          rendered=None, dispensed=False, copy=None):
    cat = CATEGORY[kind]
    real_kind = "MA" if kind == "GPMA" else kind
    ext = []
    if registered is not None:
        ext.append({"url": N + "ext-RegistrationDateTime", "valueDateTime": day(registered, "09:00:00")})
    if rendered:
        ext.append({"url": N + "ext-RenderedDosageInstruction", "valueString": rendered})
    if start is not None:
        period = {"start": day(start)}
        if end is not None:
            period["end"] = day(end, "23:59:59")
        if duration is not None:
            period["extension"] = [{"url": N + "ext-TimeInterval.Duration",
                                    "valueDuration": {"value": duration, "unit": "dag", "system": "http://unitsofmeasure.org", "code": "d"}}]
        if kind != "MGB":
            ext.append({"url": N + "ext-TimeInterval.Period", "valuePeriod": period})
    ext.append({"url": N + "ext-PharmaceuticalTreatment.Identifier", "valueIdentifier": {"system": MBH_SYS, "value": mbh}})
    if copy is not None:
        ext.append({"url": N + "ext-CopyIndicator", "valueBoolean": copy})
    rtype = {"MA": "MedicationRequest", "GPMA": "MedicationRequest", "WDS": "MedicationRequest", "VV": "MedicationRequest",
             "TA": "MedicationDispense", "MVE": "MedicationDispense", "MGB": "MedicationStatement"}[kind]
    profile = {"MA": "mp-MedicationAgreement", "GPMA": "mp-MedicationAgreement", "WDS": "mp-VariableDosingRegimen",
               "VV": "mp-DispenseRequest", "TA": "mp-AdministrationAgreement", "MVE": "mp-MedicationDispense",
               "MGB": "mp-MedicationUse2"}[kind]
    r = {"resourceType": rtype, "id": ident.lower(), "meta": {"profile": [N + profile]}, "extension": ext}
    if kind == "GPMA":
        # Category 16076005 as the zorginzage text asks; mp-MedicationAgreement fixes 33633005, so
        # such a GP system claims no profile.
        del r["meta"]
    if stop:
        code, display = STOP[stop]
        r["modifierExtension"] = [{"url": N + "ext-StopType", "valueCodeableConcept": {"coding": [{"system": SCT, "code": code, "display": display}]}}]
    r["identifier"] = [{"system": ID_SYS[real_kind], "value": ident}]
    r["status"] = "unknown" if rtype != "MedicationStatement" else "active"
    category = {"coding": [{"system": SCT, "code": cat[0], "display": cat[1]}]}
    if rtype == "MedicationRequest":
        r["intent"] = "order"
        r["category"] = [category]
    else:
        r["category"] = category
    r["medicationReference"] = b.product_ref(product, dispensed)
    r["subject"] = {"reference": "urn:uuid:" + uuid_for(b.patient["id"]), "type": "Patient"}
    if dose is not None:
        key = "dosage" if rtype == "MedicationStatement" else "dosageInstruction"
        r[key] = dose if isinstance(dose, list) else [dose]
    if kind == "MGB" and start is not None:
        r["effectivePeriod"] = {"start": day(start)}
        if end is not None:
            r["effectivePeriod"]["end"] = day(end, "23:59:59")
    return r


def add_block(b, *args, **kw):
    extra = kw.pop("extra", {})
    r = block(b, *args, **kw)
    for k, v in extra.items():
        if k == "extension":
            r["extension"].extend(v)
        else:
            r[k] = v
    b.add(r, r["id"] + "-" + args[0])
    return r


# ----------------------------------------------------------------------------------------------
# Products (invented codes in the real code systems' format)
METO = Product("metoprolol", "900101", "METOPROLOLSUCCINAAT TABLET MGA 50MG", "900201", "900301", "SELOKEEN ZOC TABLET MGA 50MG")
METO100 = Product("metoprolol100", "900102", "METOPROLOLSUCCINAAT TABLET MGA 100MG", "900202")
FURO = Product("furosemide", "900103", "FUROSEMIDE TABLET 40MG", "900203", "900303", "FUROSEMIDE SANDOZ TABLET 40MG")
ACENO = Product("acenocoumarol", "900104", "ACENOCOUMAROL TABLET 1MG", "900204")
OMEP = Product("omeprazol", "900105", "OMEPRAZOL CAPSULE MSR 20MG", "900205", "900305", "OMEPRAZOL TEVA CAPSULE MSR 20MG")
AMOXCLAV = Product("amoxiclav", "900106", "AMOXICILLINE/CLAVULAANZUUR TABLET 500/125MG", "900206")
NITRO = Product("nitrofurantoine", "900107", "NITROFURANTOINE CAPSULE MGA 100MG", "900207")
PARA = Product("paracetamol", "900108", "PARACETAMOL TABLET 500MG", "900208")
ALEN = Product("alendronine", "900109", "ALENDRONINEZUUR TABLET 70MG", "900209")
PRED = Product("prednisolon", "900110", "PREDNISOLON TABLET 5MG", "900210")
SIMVA = Product("simvastatine", "900111", "SIMVASTATINE TABLET 40MG", "900211")
CALC = Product("calcium", "900112", "CALCIUMCARBONAAT/COLECALCIFEROL KAUWTABLET 1,25G/800IE", "900212")
IBU = Product("ibuprofen", "900113", "IBUPROFEN TABLET 400MG", "900213")

GP = "Huisartsenpraktijk De Linde, dr. M. Bakker (huisarts)"
PHARM = "Apotheek De Vaart"
HOSP = "Ziekenhuis Rivierenland, dr. S. El Amrani (internist)"
RES_CHANGE = {"coding": [{"system": SCT, "code": "58848006", "display": "onvoldoende effect"}]}
RES_NO_IND = {"coding": [{"system": SCT, "code": "183966005", "display": "geen indicatie meer"}]}
# 405613005, the planned procedure of RedenWijzigen_StakenCodelijst (266743009 is not in that value set).
RES_PROC = {"coding": [{"system": SCT, "code": "405613005", "display": "verrichting gepland"}]}
# Indications (nl-core-Problem), included with the agreements that name them: fullUrl, SNOMED code,
# display, text.
AF = ("urn:uuid:6f1c2a10-0b1e-4c55-9d61-3a0f5e7c1002", "49436004", "atriumfibrilleren", "Atriumfibrilleren", "cond-jansen-af")
PNEUMONIE = ("urn:uuid:6f1c2a10-0b1e-4c55-9d61-3a0f5e7c1001", "233604007", "pneumonie", "Pneumonie", "cond-jansen-pneumonie")
OSTEOPOROSE = ("urn:uuid:6f1c2a10-0b1e-4c55-9d61-3a0f5e7c1003", "64859006", "osteoporose", "Osteoporose",
               "cond-jansen-osteoporose")


def condition(b, indication):
    url, code, display, text, key = indication
    b.entries.append({"fullUrl": url, "resource": {
        "resourceType": "Condition", "id": key, "meta": {"profile": [N + "nl-core-Problem"]},
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active",
                                       "display": "Active"}]},
        "category": [{"coding": [{"system": SCT, "code": "282291009", "display": "diagnose"}]}],
        "code": {"coding": [{"system": SCT, "code": code, "display": display}], "text": text},
        "subject": {"reference": "urn:uuid:" + uuid_for(b.patient["id"]), "type": "Patient"}},
        "search": {"mode": "include"}})


RES_ADMISSION = {"coding": [{"system": SCT, "code": "305335007", "display": "opname in instelling"}]}


def ma_extra(requester, prior=None, reason=None, extension=None, indication=None):
    e = {"requester": actor(requester)}
    if indication:
        e["reasonReference"] = [{"reference": indication[0], "type": "Condition", "display": indication[3]}]
    if prior:
        e["priorPrescription"] = logical("MA", prior, "MedicationRequest")
    if reason:
        e["reasonCode"] = [reason]
    if extension:
        e["extension"] = extension
    return e


def ta_extra(ma=None, gds=False, prior_ta=None):
    e = {"performer": [{"actor": actor(PHARM, "Organization")}]}
    if ma:
        e["authorizingPrescription"] = [logical("MA", ma, "MedicationRequest")]
    ext = []
    if gds:
        ext.append({"url": N + "ext-MedicationDispense.DistributionForm",
                    "valueCodeableConcept": {"coding": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.3.8", "code": "1", "display": "GDS"}]}})
    if prior_ta:
        ext.append({"url": N + "ext-RelationAdministrationAgreement", "valueReference": logical("TA", prior_ta, "MedicationDispense")})
    if ext:
        e["extension"] = ext
    return e


def mve_extra(handed, days, amount, gds=False):
    e = {"performer": [{"actor": actor(PHARM, "Organization")}], "whenHandedOver": day(handed, "14:00:00"),
         "quantity": qty(amount), "daysSupply": {"value": days, "unit": "dag", "system": "http://unitsofmeasure.org", "code": "d"},
         "status": "completed"}
    if gds:
        e["extension"] = [{"url": N + "ext-MedicationDispense.DistributionForm",
                           "valueCodeableConcept": {"coding": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.3.8", "code": "1", "display": "GDS"}]}}]
    return e


def mgb_extra(asserted, status="active", as_agreed=True, informant="Verpleegkundige, Verpleeghuis De Berkenhof"):
    return {"status": status, "dateAsserted": day(asserted, "10:00:00"), "informationSource": actor(informant),
            "extension": [{"url": N + "ext-AsAgreedIndicator", "valueBoolean": as_agreed}]}


def allergy(key, substance, crit="high", manifestation=None, status="active", cio=False, system="urn:oid:2.16.840.1.113883.2.4.4.1.902.122"):
    r = {"resourceType": "AllergyIntolerance", "id": key,
         "meta": {"profile": [N + ("cio-HypersensitivityIntolerance" if cio else "nl-core-AllergyIntolerance")]},
         "identifier": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.999.26.1.456", "value": key}],
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": status}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
         "category": ["medication"], "criticality": crit,
         "code": {"coding": [{"system": system, "code": substance[0], "display": substance[1]}]},
         "onsetDateTime": day(-3650)}
    if cio:
        r["extension"] = [{"url": "http://nictiz.nl/fhir/5.0/StructureDefinition/extension-AllergyIntolerance.type",
                           "valueCodeableConcept": {"coding": [{"system": SCT, "code": "420134006", "display": "neiging tot ongewenste reactie"}]}},
                          {"url": "http://hl7.org/fhir/StructureDefinition/allergyintolerance-assertedDate", "valueDateTime": day(-3600)},
                          {"url": N + "ext-MedicationHypersensitivity.Identifier",
                           "valueIdentifier": {"system": GMO_SYS, "value": key + "-gmo"}}]
        r["recordedDate"] = day(-3600, "10:00:00")
        r["asserter"] = actor(HOSP)
        manifestation = None  # cio-HypersensitivityIntolerance.reaction is 0..0 (reactions are cio-Reaction resources)
    if manifestation:
        r["reaction"] = [{"manifestation": [{"coding": [{"system": SCT, "code": manifestation[0], "display": manifestation[1]}]}],
                          "severity": "severe" if crit == "high" else "mild"}]
    return r


# The profile each kind of flag follows, by category code.
FLAG_PROFILE = {"350241000146102": "cio-MedicationContraIndication", "140401000146105": "nl-core-MedicationContraIndication",
                "225419007": "cio-SurveillanceDecision", "74018-3": "nl-core-Alert"}


def flag(key, category, code, system, start, status="active", end=None, safe=None, hypersensitivity=None, detail=None):
    r = {"resourceType": "Flag", "id": key, "meta": {"profile": [N + FLAG_PROFILE[category[1]]]}, "identifier": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.999.26.1.16", "value": key}],
         "status": status, "category": [{"coding": [{"system": category[0], "code": category[1], "display": category[2]}]}],
         "code": {"coding": [{"system": system, "code": code[0], "display": code[1]}]},
         "period": {"start": day(start)}}
    if end is not None:
        r["period"]["end"] = day(end)
    if safe:
        r["code"]["extension"] = [{"url": N + "ext-SurveillanceDecision.SafeWithinUnsafeGroup",
                                   "valueCodeableConcept": {"coding": [{"system": "urn:oid:2.16.840.1.113883.2.4.4.1.750", "code": safe[0], "display": safe[1]}]}}]
    if hypersensitivity:  # a surveillance decision names the hypersensitivity it acts on (1..*)
        r["extension"] = [{"url": N + "ext-MedicationHypersensitivity.Identifier",
                           "valueIdentifier": {"system": GMO_SYS, "value": hypersensitivity}}]
    if detail:  # the hypersensitivity block itself (flag-detail)
        r.setdefault("extension", []).insert(0, {"url": "http://hl7.org/fhir/StructureDefinition/flag-detail",
                                                 "valueReference": {"reference": detail, "type": "AllergyIntolerance"}})
    return r


GMO_SYS = "urn:oid:2.16.840.1.113883.2.4.3.11.999.26.1.341"  # medication hypersensitivity identifiers
CI = ("http://snomed.info/sct", "350241000146102", "potentiële contra-indicatie voor geneesmiddel")
ZIB_CI = ("http://snomed.info/sct", "140401000146105", "contra-indicatie met betrekking op medicatiebewaking")
SURV = ("http://snomed.info/sct", "225419007", "surveillance")
ALERT = ("http://loinc.org", "74018-3", "Alert")
T40 = "urn:oid:2.16.840.1.113883.2.4.4.1.902.40"
PENI = ("35", "PENICILLINES")


def demo(root):
    """Mevrouw A. Jansen (88), admitted to a nursing home after a hospital stay. Her GP's system
    follows the MP9 profile (category 33633005); De Boer's GP follows the zorginzage text (16076005)."""
    p = patient("jansen", "999991000", "A.", "Jansen", "1938-03-12")
    gp, ph, zh = Bundle(p), Bundle(p), Bundle(p)
    d1 = dosage(1, 1, "d", 1)
    # Metoprolol: GP's chronic agreement; the hospital raised the dose at discharge (change
    # pattern), to take effect at the next roll change; the pharmacy's GDS TA is still the old dose.
    # No rendered text from this GP system: the dose is read from the structured dosage alone.
    add_block(gp, "MA", "JANSEN_METO_MA1", "MBH_JANSEN_METO", METO, start=-400, registered=-400, dose=d1,
              extra=ma_extra(GP))
    add_block(zh, "MA", "JANSEN_METO_MA1_STOP", "MBH_JANSEN_METO", METO, start=-400, end=-3, registered=-3, stop="stopped", dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(HOSP, "JANSEN_METO_MA1", RES_CHANGE))
    add_block(zh, "MA", "JANSEN_METO_MA2", "MBH_JANSEN_METO", METO100, start=-2, registered=-3, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal",
              extra=ma_extra(HOSP, "JANSEN_METO_MA1", RES_CHANGE, indication=AF, extension=[{"url": N + "ext-MedicationAgreement.MedicationAgreementAdditionalInformation",
                  "valueCodeableConcept": {"coding": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.14.2050", "code": "7",
                                                       "display": "Per volgende GDS-rolwissel op toedienlijst"}]}}]))
    add_block(ph, "TA", "JANSEN_METO_TA1", "MBH_JANSEN_METO", METO, start=-398, registered=-398, dose=dosage(times=["08:00:00"], dose=1),
              rendered="elke dag om 08:00 1 stuk, Oraal", dispensed=True, extra=ta_extra("JANSEN_METO_MA1", gds=True))
    add_block(ph, "MVE", "JANSEN_METO_MVE9", "MBH_JANSEN_METO", METO, dispensed=True, extra=mve_extra(-10, 14, 14, gds=True))
    # Furosemide: stopped by the hospital (no indication); the pharmacy still has a running TA.
    add_block(gp, "MA", "JANSEN_FURO_MA1", "MBH_JANSEN_FURO", FURO, start=-300, registered=-300, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(GP))
    add_block(zh, "MA", "JANSEN_FURO_MA1_STOP", "MBH_JANSEN_FURO", FURO, start=-300, end=-4, registered=-4, stop="stopped", dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(HOSP, "JANSEN_FURO_MA1", RES_NO_IND))
    add_block(ph, "TA", "JANSEN_FURO_TA1", "MBH_JANSEN_FURO", FURO, start=-299, registered=-299, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", dispensed=True, extra=ta_extra("JANSEN_FURO_MA1", gds=True))
    # Acenocoumarol: suspended by the hospital for a procedure, resumes in three days.
    d_aceno = dosage(1, 1, "d", 1)
    add_block(gp, "MA", "JANSEN_ACENO_MA1", "MBH_JANSEN_ACENO", ACENO, start=-700, registered=-700, dose=d_aceno,
              rendered="volgens schema trombosedienst", extra=ma_extra(GP))
    add_block(zh, "MA", "JANSEN_ACENO_MA1_STOP", "MBH_JANSEN_ACENO", ACENO, start=-700, end=-1, registered=-2, stop="suspended",
              dose=d_aceno, rendered="volgens schema trombosedienst", extra=ma_extra(HOSP, "JANSEN_ACENO_MA1", RES_PROC))
    add_block(zh, "MA", "JANSEN_ACENO_MA2", "MBH_JANSEN_ACENO", ACENO, start=3, registered=-2, dose=d_aceno,
              rendered="volgens schema trombosedienst", extra=ma_extra(HOSP, "JANSEN_ACENO_MA1"))
    # Omeprazol: unchanged, in the roll, used as agreed.
    add_block(gp, "MA", "JANSEN_OMEP_MA1", "MBH_JANSEN_OMEP", OMEP, start=-200, registered=-200, dose=d1,
              extra=ma_extra(GP))
    add_block(ph, "TA", "JANSEN_OMEP_TA1", "MBH_JANSEN_OMEP", OMEP, start=-199, registered=-199, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", dispensed=True, extra=ta_extra("JANSEN_OMEP_MA1", gds=True))
    add_block(ph, "MGB", "JANSEN_OMEP_MGB1", "MBH_JANSEN_OMEP", OMEP, start=-199, dose=d1, rendered="1 stuk, oraal",
              extra=mgb_extra(-1))
    # Antibiotic course from the hospital, still running; an older course finished recently.
    add_block(zh, "MA", "JANSEN_AMOX_MA1", "MBH_JANSEN_AMOX", AMOXCLAV, start=-5, duration=7, registered=-5, dose=dosage(3, 1, "d", 1),
              rendered="3 maal per dag 1 stuk, Oraal, 7 dagen", extra=ma_extra(HOSP, indication=PNEUMONIE))
    add_block(gp, "MA", "JANSEN_NITRO_MA1", "MBH_JANSEN_NITRO", NITRO, start=-25, duration=5, registered=-25, dose=dosage(2, 1, "d", 1),
              rendered="2 maal per dag 1 stuk, Oraal, 5 dagen", extra=ma_extra(GP))
    # Self-care paracetamol, known only as medication use.
    add_block(ph, "MGB", "JANSEN_PARA_MGB1", "MBH_JANSEN_PARA", PARA, start=-60,
              dose=dosage(1, 1, "d", 1, as_needed=("1028", "Bij pijn"), max_per_day=6), rendered="zo nodig bij pijn 1 stuk, max 6 per dag",
              extra=mgb_extra(-1, informant="Patiënt"))
    # Alendronic acid from next week, outside the roll.
    add_block(zh, "MA", "JANSEN_ALEN_MA1", "MBH_JANSEN_ALEN", ALEN, start=7, registered=-3, dose=dosage(1, 1, "wk", 1),
              rendered="1 maal per week 1 stuk, Oraal, nuchter", extra=ma_extra(HOSP, indication=OSTEOPOROSE))
    add_block(zh, "VV", "JANSEN_ALEN_VV1", "MBH_JANSEN_ALEN", ALEN, registered=-3,
              extra={"authoredOn": day(-3, "11:00:00"), "basedOn": [logical("MA", "JANSEN_ALEN_MA1", "MedicationRequest")],
                     "extension": [{"url": N + "ext-DispenseRequest.AdditionalWishes",
                                    "valueCodeableConcept": {"coding": [{"system": "urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.2.14.2051", "code": "2", "display": "Niet in GDS"}]}}],
                     "dispenseRequest": {"quantity": qty(4)}})
    # A prednisolone course planned by the hospital and cancelled before it started.
    add_block(zh, "MA", "JANSEN_PRED_MA1", "MBH_JANSEN_PRED", PRED, start=2, end=8, registered=-6, dose=dosage(1, 1, "d", 6),
              rendered="1 maal per dag 6 stuks, Oraal", extra=ma_extra(HOSP))
    add_block(zh, "MA", "JANSEN_PRED_MA1_CANCEL", "MBH_JANSEN_PRED", PRED, start=2, end=2, registered=-2, stop="cancelled",
              dose=dosage(1, 1, "d", 6), rendered="1 maal per dag 6 stuks, Oraal", extra=ma_extra(HOSP, "JANSEN_PRED_MA1"))
    # Simvastatin started by the hospital in a treatment of its own while the GP's runs: duplicate.
    add_block(gp, "MA", "JANSEN_SIMVA_MA1", "MBH_JANSEN_SIMVA_GP", SIMVA, start=-900, registered=-900, dose=dosage(1, 1, "d", 1),
              rendered="1 maal per dag 1 stuk, Oraal, 's avonds", extra=ma_extra(GP))
    add_block(zh, "MA", "JANSEN_SIMVA_MA2", "MBH_JANSEN_SIMVA_ZH", SIMVA, start=-6, registered=-6, dose=dosage(1, 1, "d", 1),
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(HOSP))
    # Calcium/vitamin D: agreed by the GP, but the nurse reports she does not take it.
    add_block(gp, "MA", "JANSEN_CALC_MA1", "MBH_JANSEN_CALC", CALC, start=-500, registered=-500, dose=d1,
              rendered="1 maal per dag 1 stuk, kauwen", extra=ma_extra(GP))
    add_block(ph, "MGB", "JANSEN_CALC_MGB1", "MBH_JANSEN_CALC", CALC, start=-500, dose=d1, rendered="1 stuk, kauwen",
              extra=mgb_extra(-1, status="not-taken", as_agreed=False))
    # Ibuprofen long ago.
    add_block(gp, "MA", "JANSEN_IBU_MA1", "MBH_JANSEN_IBU", IBU, start=-400, duration=10, registered=-400, dose=dosage(3, 1, "d", 1),
              rendered="3 maal per dag 1 stuk, Oraal, 10 dagen", extra=ma_extra(GP))
    # ICA
    gp.add(allergy("jansen-peni-gp", PENI, "high", ("39579001", "anafylaxie")), "jansen-peni-gp")
    # The hospital records hypersensitivities in CiO: each with the surveillance decision that names
    # it, which is how a CiO client finds it (Flag, then AllergyIntolerance by its identifier).
    peni_zh = zh.add(allergy("jansen-peni-zh", PENI, "high", cio=True), "jansen-peni-zh")
    jodium = ("9002", "JODIUMHOUDENDE CONTRASTMIDDELEN")
    jodium_zh = zh.add(allergy("jansen-jodium", jodium, "low", cio=True), "jansen-jodium")
    zh.add(flag("jansen-bb-peni-zh", SURV, PENI, "urn:oid:2.16.840.1.113883.2.4.4.1.902.122", -3600,
                hypersensitivity="jansen-peni-zh-gmo", detail=peni_zh), "jansen-bb-peni-zh")
    zh.add(flag("jansen-bb-jodium", SURV, jodium, "urn:oid:2.16.840.1.113883.2.4.4.1.902.122", -3600,
                hypersensitivity="jansen-jodium-gmo", detail=jodium_zh), "jansen-bb-jodium")
    ph.add(flag("jansen-ci-nier", CI, ("1242", "NIERFUNCTIE GESTOORD (eGFR 30-50)"), T40, -120), "jansen-ci-nier")
    ph.add(flag("jansen-bb-peni", SURV, PENI, "urn:oid:2.16.840.1.113883.2.4.4.1.902.122", -3000, safe=("40991", "FLUCLOXACILLINE"),
                hypersensitivity="jansen-peni-apo-gmo"),
           "jansen-bb-peni")
    gp.add(flag("jansen-alert-val", ALERT, ("129839007", "verhoogd valrisico"), SCT, -90), "jansen-alert-val")
    for indication in (AF, PNEUMONIE, OSTEOPOROSE):
        condition(zh, indication)
    gp.write(os.path.join(root, "resources/demo/jansen/huisarts.json"))
    ph.write(os.path.join(root, "resources/demo/jansen/apotheek.json"))
    zh.write(os.path.join(root, "resources/demo/jansen/ziekenhuis.json"))


def demo_de_boer(root):
    """Meneer B. de Boer (81), temporary (ANW) patient: known at his GP and pharmacy, never at the
    hospital (that holder answers "no data"); GDS roll from the pharmacy and self-care medication."""
    p = patient("deboer", "999990019", "B.", "de Boer", "1945-07-02")
    gp, ph = Bundle(p), Bundle(p)
    d1 = dosage(1, 1, "d", 1)
    add_block(gp, "GPMA", "DEBOER_SIMVA_MA1", "MBH_DEBOER_SIMVA", SIMVA, start=-800, registered=-800, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal, 's avonds", extra=ma_extra(GP))
    add_block(ph, "TA", "DEBOER_SIMVA_TA1", "MBH_DEBOER_SIMVA", SIMVA, start=-799, registered=-799, dose=dosage(times=["20:00:00"], dose=1),
              rendered="elke dag om 20:00 1 stuk, Oraal", dispensed=True, extra=ta_extra("DEBOER_SIMVA_MA1", gds=True))
    add_block(ph, "MVE", "DEBOER_SIMVA_MVE4", "MBH_DEBOER_SIMVA", SIMVA, dispensed=True, extra=mve_extra(-6, 14, 14, gds=True))
    add_block(gp, "GPMA", "DEBOER_OMEP_MA1", "MBH_DEBOER_OMEP", OMEP, start=-120, registered=-120, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(GP))
    add_block(ph, "TA", "DEBOER_OMEP_TA1", "MBH_DEBOER_OMEP", OMEP, start=-119, registered=-119, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", dispensed=True, extra=ta_extra("DEBOER_OMEP_MA1", gds=True))
    add_block(ph, "MGB", "DEBOER_PARA_MGB1", "MBH_DEBOER_PARA", PARA, start=-30,
              dose=dosage(1, 1, "d", 1, as_needed=("1028", "Bij pijn"), max_per_day=4), rendered="zo nodig bij pijn 1 stuk, max 4 per dag",
              extra=mgb_extra(-2, informant="Patiënt"))
    gp.add(allergy("deboer-peni-gp", PENI, "low", ("271807003", "huiduitslag")), "deboer-peni-gp")
    gp.write(os.path.join(root, "resources/demo/de-boer/huisarts.json"))
    ph.write(os.path.join(root, "resources/demo/de-boer/apotheek.json"))


def demo_visser(root):
    """Mevrouw C. Visser (85): her GP shares, her pharmacy holds dispenses but she refused consent
    for sharing them (access.json makes the sandbox pharmacy say so), the hospital never saw her.
    The overview must say that the pharmacy's part is missing and why, not show "no medication"."""
    p = patient("visser", "999900109", "C.", "Visser", "1941-11-05")
    gp, ph = Bundle(p), Bundle(p)
    d1 = dosage(1, 1, "d", 1)
    add_block(gp, "MA", "VISSER_METO_MA1", "MBH_VISSER_METO", METO, start=-400, registered=-400, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", extra=ma_extra(GP))
    add_block(gp, "MA", "VISSER_ALEN_MA1", "MBH_VISSER_ALEN", ALEN, start=-200, registered=-200,
              dose=dosage(1, 1, "wk", 1), rendered="1 maal per week 1 stuk, Oraal", extra=ma_extra(GP))
    add_block(ph, "TA", "VISSER_METO_TA1", "MBH_VISSER_METO", METO, start=-399, registered=-399, dose=d1,
              rendered="1 maal per dag 1 stuk, Oraal", dispensed=True, extra=ta_extra("VISSER_METO_MA1"))
    gp.add(allergy("visser-ibu-gp", ("2453", "IBUPROFEN"), "low", ("271807003", "huiduitslag")), "visser-ibu-gp")
    gp.write(os.path.join(root, "resources/demo/visser/huisarts.json"))
    ph.write(os.path.join(root, "resources/demo/visser/apotheek.json"))
    with open(os.path.join(root, "resources/demo/visser/access.json"), "w", encoding="utf-8") as f:
        json.dump({"apotheek": "consent-refused"}, f, indent=1)
        f.write("\n")


def scenarios(root):
    """One small bundle per consolidation rule (tests/data/mp9)."""
    out = os.path.join(root, "tests/data/mp9")
    d1 = dosage(1, 1, "d", 1)

    def new(name):
        return Bundle(patient("scen", "999991012", "B.", "de Boer", "1941-07-01")), os.path.join(out, name + ".json")

    b, path = new("change")  # dose raised: technical stop + new MA, both pointing to the original
    add_block(b, "MA", "CH_MA1", "MBH_CH", FURO, start=-30, registered=-30, dose=d1, rendered="1 maal per dag 1 stuk", extra=ma_extra(GP))
    add_block(b, "MA", "CH_MA1_STOP", "MBH_CH", FURO, start=-30, end=-3, registered=-2, stop="stopped", dose=d1,
              rendered="1 maal per dag 1 stuk", extra=ma_extra(GP, "CH_MA1", RES_CHANGE))
    add_block(b, "MA", "CH_MA2", "MBH_CH", FURO, start=-2, registered=-2, dose=dosage(1, 1, "d", 2),
              rendered="1 maal per dag 2 stuks", extra=ma_extra(GP, "CH_MA1", RES_CHANGE))
    b.write(path)

    b, path = new("stop")
    add_block(b, "MA", "ST_MA1", "MBH_ST", IBU, start=-30, registered=-30, dose=d1, extra=ma_extra(GP))
    add_block(b, "MA", "ST_MA1_STOP", "MBH_ST", IBU, start=-30, end=-5, registered=-5, stop="stopped", dose=d1,
              extra=ma_extra(GP, "ST_MA1", RES_NO_IND))
    b.write(path)

    b, path = new("stop-deprecated-code")
    add_block(b, "MA", "SD_MA1", "MBH_SD", IBU, start=-30, registered=-30, dose=d1, extra=ma_extra(GP))
    add_block(b, "MA", "SD_MA1_STOP", "MBH_SD", IBU, start=-30, end=-5, registered=-5, stop="old-stopped", dose=d1,
              extra=ma_extra(GP, "SD_MA1"))
    b.write(path)

    b, path = new("stop-without-reference")  # the stop names no MA: matched by treatment and start
    add_block(b, "MA", "SN_MA1", "MBH_SN", OMEP, start=-40, registered=-40, dose=d1, extra=ma_extra(GP))
    add_block(b, "MA", "SN_MA1_STOP", "MBH_SN", OMEP, start=-40, end=-10, registered=-10, stop="stopped", dose=d1, extra=ma_extra(GP))
    b.write(path)

    b, path = new("suspend")  # suspended, then resumed later with a new MA
    add_block(b, "MA", "SU_MA1", "MBH_SU", ACENO, start=-60, registered=-60, dose=d1, extra=ma_extra(GP))
    add_block(b, "MA", "SU_MA1_STOP", "MBH_SU", ACENO, start=-60, end=-2, registered=-3, stop="suspended", dose=d1,
              extra=ma_extra(HOSP, "SU_MA1", RES_PROC))
    add_block(b, "MA", "SU_MA2", "MBH_SU", ACENO, start=4, registered=-3, dose=d1, extra=ma_extra(HOSP, "SU_MA1"))
    b.write(path)

    b, path = new("cancel")
    add_block(b, "MA", "CA_MA1", "MBH_CA", PRED, start=5, end=12, registered=-4, dose=d1, extra=ma_extra(HOSP))
    add_block(b, "MA", "CA_MA1_CANCEL", "MBH_CA", PRED, start=5, end=5, registered=-1, stop="cancelled", dose=d1,
              extra=ma_extra(HOSP, "CA_MA1"))
    b.write(path)

    b, path = new("future")
    add_block(b, "MA", "FU_MA1", "MBH_FU", ALEN, start=10, registered=-1, dose=dosage(1, 1, "wk", 1), extra=ma_extra(HOSP))
    b.write(path)

    b, path = new("course")  # a 7-day course: current on day 3, recently stopped after, historic much later
    add_block(b, "MA", "CO_MA1", "MBH_CO", AMOXCLAV, start=-3, duration=7, registered=-3, dose=dosage(3, 1, "d", 1), extra=ma_extra(HOSP))
    b.write(path)

    b, path = new("parallel-ta")  # one MA, two TAs: the morning dose in the roll, the evening one outside
    ma_dose = [dict(dosage(when=["MORN"], dose=1), sequence=1), dict(dosage(when=["EVE"], dose=1), sequence=1)]
    add_block(b, "MA", "PA_MA1", "MBH_PA", METO, start=-20, registered=-20, dose=ma_dose, extra=ma_extra(GP))
    add_block(b, "TA", "PA_TA_GDS", "MBH_PA", METO, start=-19, registered=-19, dose=[dict(dosage(when=["MORN"], dose=1), sequence=1)],
              dispensed=True, extra=ta_extra("PA_MA1", gds=True))
    add_block(b, "TA", "PA_TA_LOS", "MBH_PA", METO, start=-19, registered=-19, dose=[dict(dosage(when=["EVE"], dose=1), sequence=1)],
              dispensed=True, extra=ta_extra("PA_MA1", gds=False))
    b.write(path)

    b, path = new("ta-dose-differs")
    add_block(b, "MA", "TD_MA1", "MBH_TD", FURO, start=-20, registered=-20, dose=d1, extra=ma_extra(GP))
    add_block(b, "TA", "TD_TA1", "MBH_TD", FURO, start=-19, registered=-19, dose=dosage(2, 1, "d", 1), dispensed=True,
              extra=ta_extra("TD_MA1"))
    b.write(path)

    b, path = new("otc-use")
    add_block(b, "MGB", "OT_MGB1", "MBH_OT", PARA, start=-30, dose=dosage(3, 1, "d", 1, as_needed=("1028", "Bij pijn")),
              extra=mgb_extra(-1, informant="Patiënt"))
    b.write(path)

    b, path = new("use-not-taken")
    add_block(b, "MA", "NT_MA1", "MBH_NT", CALC, start=-100, registered=-100, dose=d1, extra=ma_extra(GP))
    add_block(b, "MGB", "NT_MGB1", "MBH_NT", CALC, start=-100, dose=d1, extra=mgb_extra(-2, status="not-taken", as_agreed=False))
    b.write(path)

    # Two sources about one treatment: the GP still has the old agreement, the hospital stopped it.
    b, path = new("disagree-gp")
    add_block(b, "GPMA", "DI_MA1", "MBH_DI", FURO, start=-200, registered=-200, dose=d1, extra=ma_extra(GP))
    b.write(path)
    b, path = new("disagree-hospital")
    add_block(b, "MA", "DI_MA1_STOP", "MBH_DI", FURO, start=-200, end=-3, registered=-3, stop="stopped", dose=d1,
              extra=ma_extra(HOSP, "DI_MA1", RES_NO_IND))
    b.write(path)

    # The same MA delivered by the GP (original) and the hospital (copy, copy indicator set).
    b, path = new("copy-gp")
    add_block(b, "GPMA", "CP_MA1", "MBH_CP", OMEP, start=-50, registered=-50, dose=d1, extra=ma_extra(GP))
    b.write(path)
    b, path = new("copy-hospital")
    add_block(b, "MA", "CP_MA1", "MBH_CP", OMEP, start=-50, registered=-50, dose=d1, copy=True,
              extra=dict(ma_extra(GP), reportedBoolean=True))
    b.write(path)

    # ICA from two sources, zib and CiO.
    out_ica = os.path.join(root, "tests/data/ica")
    b = Bundle(patient("scen", "999991012", "B.", "de Boer", "1941-07-01"))
    b.add(allergy("ica-peni", PENI, "high", ("39579001", "anafylaxie")), "ica-peni")
    b.add(allergy("ica-peni-cio", PENI, "high", cio=True), "ica-peni-cio")
    b.add(allergy("ica-pinda", ("227493005", "pinda"), "low", status="inactive", system=SCT), "ica-pinda")
    wrong = allergy("ica-wrong", ("1155", "IBUPROFEN"), "low")
    wrong["verificationStatus"]["coding"][0]["code"] = "entered-in-error"
    b.add(wrong, "ica-wrong")
    b.add(flag("ica-ci", CI, ("1320", "ZWANGERSCHAP"), T40, -60), "ica-ci")
    b.add(flag("ica-ci-zib-old", ZIB_CI, ("241", "CONTACTLENZEN"), T40, -900, status="inactive", end=-400), "ica-ci-zib-old")
    b.add(flag("ica-bb", SURV, PENI, "urn:oid:2.16.840.1.113883.2.4.4.1.902.122", -300, safe=("40991", "FLUCLOXACILLINE"),
                     hypersensitivity="ica-peni-cio-gmo"), "ica-bb")
    b.add(flag("ica-mrsa", ALERT, ("432415000", "drager van MRSA"), SCT, -100), "ica-mrsa")
    b.write(os.path.join(out_ica, "ica.json"))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    demo(root)
    demo_de_boer(root)
    demo_visser(root)
    scenarios(root)
    print("written: resources/demo/{jansen,de-boer,visser}/*.json, tests/data/mp9/*.json, tests/data/ica/ica.json")
