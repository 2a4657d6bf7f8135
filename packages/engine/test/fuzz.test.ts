/**
 * Property-based fuzzing of every field of every dispositif (fields come from the layout, not a list):
 * hostile values go through validate (each phase and role), an incremental session, viewFor and the
 * CERFA fill. Properties: no exception, every issue is a French message on a pointer of the schema,
 * Object.prototype untouched. Fixed seed; longer local runs: FUZZ_RUNS=2000 or `-- --fuzz-runs 2000`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateCerfa } from '../src/cerfa/generate.js';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { schemaAt } from '../src/layout/layout-index.js';
import { parsePointer, setAt, toPattern } from '../src/pointer/json-pointer.js';
import type { DossierEngine } from '../src/validation/dossier-engine.js';
import type { Phase, Role } from '../src/models/definition.js';
import type { ValidationIssue } from '../src/models/result.js';
import { readJson, SCHEMAS } from './helpers.js';
import { ENGLISH, hostileValue, MEGA } from './hostile.js';

function runsOption(): number {
  const i = process.argv.indexOf('--fuzz-runs');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.FUZZ_RUNS;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 60;
}
const RUNS = runsOption();
const CERFA_RUNS = Math.max(3, Math.round(RUNS / 10));
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const PHASES: Phase[] = ['saisie', 'page', 'transmission'];
const ROLES: Role[] = ['adherent', 'prestataire', 'gestionnaire'];


interface Target {
  engine: DossierEngine;
  base: unknown;
  /** Concrete pointers of every layout field (repeat items at index 0) and every repeat. */
  pointers: string[];
  repeats: { pointer: string; max: number }[];
}

async function targetOf(id: string): Promise<Target> {
  const engine = await createEngine(id);
  const base = await readJson(`${SCHEMAS}/${id}/examples/valid.json`);
  const pointers = engine.layout.fields.map((f) => f.pattern.replaceAll('*', '0'));
  const repeats = engine.layout.repeats.map((r) => ({ pointer: r.pointer.replaceAll('*', '0'), max: r.max ?? schemaAt(engine.definition.schema, r.pointer)?.maxItems ?? 20 }));
  return { engine, base, pointers, repeats };
}

/** A dossier: the valid example with 1 to 6 fields (or repeats, past their maximum) replaced by hostile values. */
function dossierArb(t: Target) {
  const edit = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...t.pointers), hostileValue) },
    ...(t.repeats.length
      ? [fc.tuple(fc.constantFrom(...t.repeats), hostileValue).map(([r, v]) => [r.pointer, Array.from({ length: r.max + 3 }, () => v)] as [string, unknown])]
      : []),
    fc.tuple(fc.constantFrom('/__proto__', '/constructor', '/__proto__/polluted', '/constructor/prototype/polluted'), hostileValue),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 });
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const isForbidden = (pointer: string) => parsePointer(pointer).some((s) => FORBIDDEN.has(s));

/**
 * The dossier with the edits applied. setAt refuses `__proto__` pointers, so those keys arrive
 * the way a hostile request brings them: as own properties made by JSON.parse.
 */
function apply(base: unknown, edits: readonly (readonly [string, unknown])[]): unknown {
  let data = structuredClone(base);
  for (const [pointer, value] of edits) {
    if (!isForbidden(pointer)) {
      data = setAt(data, pointer, value);
      continue;
    }
    const nested = parsePointer(pointer).reduceRight((acc, seg) => `{${JSON.stringify(seg)}:${acc}}`, JSON.stringify(value) ?? 'null');
    data = Object.assign(JSON.parse(nested) as object, data);
  }
  return data;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
function assertPrototypeIntact() {
  assert.equal(Object.getOwnPropertyNames(Object.prototype).sort().join(','), PROTO_NAMES, 'Object.prototype gained a property');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
  assert.equal((globalThis as Record<string, unknown>).__pwned, undefined, 'a payload ran');
}

function assertIssue(engine: DossierEngine, issue: ValidationIssue) {
  const where = `${issue.rule}@${issue.path}: ${JSON.stringify(issue.message)}`;
  assert.equal(typeof issue.message, 'string', where);
  assert.ok(issue.message.trim().length > 0, `empty message ${where}`);
  assert.doesNotMatch(issue.message, ENGLISH, `English message ${where}`);
  // An unknown key is reported on itself: the object holding it must be in the schema.
  const pointer = issue.rule === 'schema.additionalProperties' ? parentOf(issue.path) : issue.path;
  assert.ok(schemaAt(engine.definition.schema, toPattern(pointer)) !== undefined, `pointer outside the schema ${where}`);
}

function parentOf(pointer: string): string {
  const segs = parsePointer(pointer);
  return segs.length ? pointer.slice(0, pointer.lastIndexOf('/')) : pointer;
}

function checkValidation(t: Target, data: unknown) {
  for (const role of ROLES) {
    for (const phase of PHASES) {
      const result = t.engine.validate(data, { phase, role, today: '2026-01-15' });
      for (const issue of [...result.errors, ...result.warnings]) assertIssue(t.engine, issue);
    }
    const view = t.engine.viewFor(data, role);
    assert.doesNotThrow(() => JSON.stringify(view));
  }
}

const ids = listDispositifs().map((d) => d.id);

for (const id of ids) {
  test(`fuzz ${id}: validate in every phase and role, viewFor, incremental session`, async () => {
    const t = await targetOf(id);
    assert.ok(t.pointers.length > 10, 'the layout has fields');
    let cases = 0;
    fc.assert(
      fc.property(dossierArb(t), (edits) => {
        cases++;
        checkValidation(t, apply(t.base, edits));
        const session = t.engine.session(structuredClone(t.base), { role: 'adherent', today: '2026-01-15' });
        for (const [pointer, value] of edits) {
          if (isForbidden(pointer)) continue; // session.set refuses them by design (pointers come from code)
          session.set(pointer, value);
          for (const phase of PHASES) for (const issue of session.result({ phase }).errors) assertIssue(t.engine, issue);
        }
        assertPrototypeIntact();
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz ${id}: ${cases} cases (validate ×${PHASES.length * ROLES.length}, viewFor ×${ROLES.length}, session), 0 failures`);
  });

  test(`fuzz ${id}: every field alone takes every kind of hostile value`, async () => {
    const t = await targetOf(id);
    const samples = [MEGA, `javascript:${MEGA}`, ...fc.sample(hostileValue, { numRuns: 12, seed: SEED })];
    let cases = 0;
    for (const pointer of t.pointers) {
      for (const value of samples) {
        cases++;
        const data = setAt(structuredClone(t.base), pointer, value);
        for (const phase of PHASES) for (const issue of t.engine.validate(data, { phase, today: '2026-01-15' }).errors) assertIssue(t.engine, issue);
      }
    }
    assertPrototypeIntact();
    console.log(`fuzz ${id}: ${t.pointers.length} fields × ${samples.length} values = ${cases} cases, 0 failures`);
  });

  test(`fuzz ${id}: the CERFA fill takes hostile dossiers`, async () => {
    const t = await targetOf(id);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(dossierArb(t), async (edits) => {
        cases++;
        const result = await generateCerfa(t.engine.definition, apply(t.base, edits), { draft: true });
        assert.ok(result.bytes.length > 1000);
        assertPrototypeIntact();
      }),
      { numRuns: CERFA_RUNS, seed: SEED },
    );
    console.log(`fuzz ${id}: CERFA ${cases} cases, 0 failures`);
  });
}
