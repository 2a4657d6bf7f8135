import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, listDispositifs } from '../src/registry/index.js';

// Issue 13.2 / 17.1: the limits the documents tab shows are the engine's rules, in the guide's words.
const FORMATS = 'Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx.';
const file = (type: string, extra: Record<string, unknown> = {}) => ({ type, nom: `${type}.pdf`, taille: 1000, format: 'pdf', ...extra });
const at = (errors: { path: string; message: string }[], path: string) => errors.filter((e) => e.path === path).map((e) => e.message);

for (const { id } of listDispositifs()) {
  test(`${id}: a file over 20 Mo, of a refused format, or a sixth file of a type is an error under the documents`, async () => {
    const engine = await createEngine(id);
    const spec = engine.definition.documents;
    assert.ok(spec);
    const code = spec.types[0]!.code;
    const check = (fichiers: unknown[]) => at(engine.validate({ documents: { fichiers } }, { phase: 'saisie' }).errors, '/documents/fichiers');
    assert.deepEqual(check([file(code, { taille: 20 * 1024 * 1024 })]), [], 'exactly 20 Mo is accepted');
    assert.deepEqual(check([file(code, { taille: 20 * 1024 * 1024 + 1 })]), ['Poids : 20Mo maximum.']);
    assert.deepEqual(check([file(code, { format: 'gif' })]), [FORMATS]);
    assert.deepEqual(check(Array.from({ length: 5 }, () => file(code))), []);
    assert.deepEqual(check(Array.from({ length: 6 }, () => file(code))), ['5 fichiers maximum par type de document.']);
    const other = spec.types[1]!.code;
    assert.deepEqual(check([file(other), ...Array.from({ length: 6 }, () => file(code))]), ['5 fichiers maximum par type de document.'], 'one message, whatever the other files');
    // five of each type is fine: the limit is per type
    assert.deepEqual(check(spec.types.flatMap((t) => Array.from({ length: 5 }, () => file(t.code)))), []);
    // the session says the same as validate
    const session = engine.session({ documents: { fichiers: [] } });
    session.set('/documents/fichiers', Array.from({ length: 6 }, () => file(code)));
    assert.deepEqual(at(session.result({ phase: 'saisie' }).errors, '/documents/fichiers'), ['5 fichiers maximum par type de document.']);
  });

  test(`${id}: the missing-documents message names only the types still missing and agrees with the counter`, async () => {
    const engine = await createEngine(id);
    const required = engine.definition.documents!.types.filter((t) => t.required);
    assert.ok(required.length >= 2);
    const [first, ...rest] = required;
    const result = engine.validate({ documents: { fichiers: [file(first!.code)] } });
    const messages = result.errors.filter((e) => e.rule.endsWith('.documents-obligatoires')).map((e) => e.message);
    assert.deepEqual(messages, [`1/${required.length} types de documents obligatoires à transmettre : il manque ${rest.map((t) => t.label).join(', ')}.`]);
    const none = engine.validate({}).errors.filter((e) => e.rule.endsWith('.documents-obligatoires')).map((e) => e.message);
    assert.deepEqual(none, [`0/${required.length} types de documents obligatoires à transmettre : il manque ${required.map((t) => t.label).join(', ')}.`]);
    const all = engine.validate({ documents: { fichiers: required.map((t) => file(t.code)) } });
    assert.ok(!all.errors.some((e) => e.rule.endsWith('.documents-obligatoires')));
  });
}
