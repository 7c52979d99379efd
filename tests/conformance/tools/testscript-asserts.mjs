// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluates the FHIRPath asserts of an official Nictiz sending TestScript (XML, read as published:
// no hand copy of the expressions) on Bundles Zorgbrug wrote, with HL7's fhirpath.js — the engine
// the Nictiz test tooling uses. Only asserts with direction "request" and an expression apply to
// what a sender POSTs; asserts on the answer (responseCode) or profile validation are listed as
// not evaluated here.
// Usage: node testscript-asserts.mjs <TestScript.xml> <bundle.json>...
// Prints one line per failed assert (bundle, description, "warning" when warningOnly) and a count
// line; exits 1 when a non-warning assert fails on any bundle, 2 on unusable input.
import fs from 'node:fs';
import path from 'node:path';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

const [scriptFile, ...bundles] = process.argv.slice(2);
if (!scriptFile || bundles.length === 0) {
  console.error('usage: testscript-asserts.mjs <TestScript.xml> <bundle.json>...');
  process.exit(2);
}
const decode = (s) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (block, name) => {
  const m = block.match(new RegExp(`<${name} value="([^"]*)"\\s*/>`));
  return m ? decode(m[1]) : undefined;
};
const xml = fs.readFileSync(scriptFile, 'utf8');
const asserts = [];
const notEvaluated = [];
for (const m of xml.matchAll(/<assert>([\s\S]*?)<\/assert>/g)) {
  const block = m[1];
  const a = {
    description: attr(block, 'description') ?? '(no description)',
    direction: attr(block, 'direction') ?? 'response',
    expression: attr(block, 'expression'),
    warningOnly: attr(block, 'warningOnly') === 'true',
  };
  if (a.direction === 'request' && a.expression) asserts.push(a);
  else notEvaluated.push(a.description);
}
if (asserts.length === 0) {
  console.error(`${scriptFile}: no request asserts with an expression found`);
  process.exit(2);
}
let failures = 0;
let warnings = 0;
const corrections = new Set();
for (const file of bundles) {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const a of asserts) {
    let result;
    let problem;
    try {
      result = fhirpath.evaluate(bundle, a.expression, null, r4);
    } catch (e) {
      problem = e.message;
      // One published expression writes the type as is(coding); fhirpath.js resolves only the R4
      // type name Coding. Evaluated once more with that one word corrected, and said so.
      const corrected = a.expression.replace(/\bis\(coding\)/g, 'is(Coding)');
      if (corrected !== a.expression) {
        try {
          result = fhirpath.evaluate(bundle, corrected, null, r4);
          corrections.add(a.description);
        } catch (e2) {
          problem = e2.message;
        }
      }
    }
    if (result === undefined) {
      console.log(`${path.basename(file)}: assert could not be evaluated (${problem}): ${a.description}`);
      failures++;
      continue;
    }
    const passed = Array.isArray(result) && result.length === 1 && result[0] === true;
    if (passed) continue;
    console.log(`${path.basename(file)}: ${a.warningOnly ? 'warning' : 'FAILED'}: ${a.description} [${a.expression}]`);
    if (a.warningOnly) warnings++;
    else failures++;
  }
}
console.log(
  `checked ${asserts.length} request asserts of ${path.basename(scriptFile)} on ${bundles.length} bundle(s): ` +
    `${failures} failed, ${warnings} warnings; not evaluated here: ${notEvaluated.length} (profile validation, response)`,
);
for (const d of corrections) console.log(`evaluated with is(coding) read as is(Coding): ${d}`);
process.exit(failures > 0 ? 1 : 0);
