import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAll, formatProblem } from '../src/build/check-definition.js';
import { createEngine, listDispositifs } from '../src/registry/index.js';
import { GENERIC_KEYWORDS } from '../src/validation/ajv-errors.js';
import { setAt } from '../src/pointer/json-pointer.js';
import type { JsonSchema } from '../src/models/definition.js';
import { SCHEMAS } from './helpers.js';

// Issue 17.1: every message a user can see comes from the definition, never a generic schema message.
const GENERIC = /^(Saisie invalide|Sélectionnez un élément de la liste)/;

/** Data pointers (items as 0) of every schema node carrying a generic keyword, with a value breaking it. */
function violations(schema: JsonSchema): { pointer: string; keyword: string; value: unknown; message: string }[] {
  const out: { pointer: string; keyword: string; value: unknown; message: string }[] = [];
  const walk = (node: JsonSchema | undefined, pointer: string, depth: number) => {
    if (!node || depth > 12) return;
    let n = node;
    if (typeof n.$ref === 'string') {
      const target = n.$ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], schema) as JsonSchema;
      const both = { ...((target['x-messages'] as object) ?? {}), ...((n['x-messages'] as object) ?? {}) };
      n = { ...target, ...n, $ref: undefined, 'x-messages': both } as JsonSchema;
    }
    const messages = (n['x-messages'] ?? {}) as Record<string, string>;
    const num = (k: string) => n[k] as number;
    const breaking: Record<string, () => unknown> = {
      minimum: () => num('minimum') - 1,
      exclusiveMinimum: () => num('exclusiveMinimum'),
      maximum: () => num('maximum') + 1,
      multipleOf: () => 0.001,
      pattern: () => '#',
      maxItems: () => Array.from({ length: num('maxItems') + 1 }, (_, i) => (n.items && (n.items as JsonSchema).type === 'integer' ? i + 1 : {})),
      const: () => '__autre__',
    };
    for (const keyword of GENERIC_KEYWORDS) {
      if (n[keyword] === undefined || !breaking[keyword]) continue;
      out.push({ pointer, keyword, value: breaking[keyword]!(), message: messages[keyword] ?? '' });
    }
    for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, JsonSchema>)) walk(v, `${pointer}/${k}`, depth + 1);
    if (n.items && typeof n.items === 'object') walk(n.items as JsonSchema, `${pointer}/0`, depth + 1);
  };
  walk(schema, '', 0);
  return out;
}

for (const { id } of listDispositifs()) {
  test(`${id}: a value breaking any schema limit gets the definition's message, never a generic one`, async () => {
    const engine = await createEngine(id);
    const computed = new Set(engine.definition.computed.map((c) => c.field));
    const cases = violations(engine.definition.schema).filter((c) => !computed.has(c.pointer));
    assert.ok(cases.length > 5, `${cases.length} limits found`);
    for (const c of cases) {
      assert.ok(c.message, `${c.pointer} ${c.keyword} has an x-messages entry`);
      const data = setAt({}, c.pointer, c.value);
      const mine = (e: { rule: string; path: string }) => e.rule === `schema.${c.keyword}` && (e.path === c.pointer || c.pointer.startsWith(`${e.path}/`));
      const errors = engine.validate(data, { phase: 'saisie' }).errors.filter(mine);
      if (errors.length === 0) {
        // a field hidden for this data carries no message
        const field = engine.layout.field(c.pointer);
        assert.ok(field && !engine.layout.isVisible(field, engine.context(data)), `${c.pointer} = ${JSON.stringify(c.value).slice(0, 40)} breaks ${c.keyword}`);
        continue;
      }
      for (const e of errors) {
        assert.doesNotMatch(e.message, GENERIC, `${c.pointer} ${c.keyword}: « ${e.message} »`);
        assert.equal(e.message, c.message);
      }
    }
  });
}

test('check reports a schema keyword of a dispositif that would show a generic message, with file#pointer', async () => {
  const root = mkdtempSync(join(tmpdir(), 'akto-msg-'));
  cpSync(SCHEMAS, root, { recursive: true });
  const file = join(root, 'cpro', 'dossier.schema.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  delete json.properties.tuteurs['x-messages'];
  writeFileSync(file, JSON.stringify(json));
  const common = join(root, 'common', 'tuteur.schema.json');
  const tuteur = JSON.parse(readFileSync(common, 'utf8'));
  delete tuteur.properties.experienceAns['x-messages'];
  writeFileSync(common, JSON.stringify(tuteur));
  const got = (await checkAll(root)).map((p) => formatProblem(p).replace(`${root}/`, ''));
  assert.ok(
    got.includes('cpro/dossier.schema.json#/properties/tuteurs/maxItems : « maxItems » afficherait un message générique (« Saisie invalide. ») : donnez le message de la définition dans « x-messages » (« "x-messages": { "maxItems": "…" } »)'),
    got.join('\n'),
  );
  assert.ok(got.some((p) => p.includes('common/tuteur.schema.json#/properties/experienceAns/maximum : « maximum » afficherait un message générique (« Saisie invalide. »)')), got.join('\n'));
});

test('the four dispositifs have no schema keyword left with a generic message', async () => {
  const problems = (await checkAll(SCHEMAS)).filter((p) => p.message.includes('message générique'));
  assert.deepEqual(problems, []);
});
