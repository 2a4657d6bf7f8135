/**
 * The server's save and transmit routes under hostile values in every field of a CPRO dossier (fields
 * from the layout, not listed by hand): never a 5xx, every refusal a French message on a pointer, a
 * refused transmission writes nothing, Object.prototype untouched. Fixed seed; FUZZ_RUNS for longer runs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine, setAt, type DossierRecord } from '@akto/engine';
import { ENGLISH, hostileValue } from '../../../packages/engine/test/hostile.js';
import { ADH, example, testServer, type TestServer } from './helpers.js';

const RUNS = Math.max(10, Math.round(Number(process.env.FUZZ_RUNS ?? 60) / 3));
type Refusal = { message: string; errors?: { rule: string; path: string; message: string }[] };

describe('fuzz: save and transmit', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.dispose();
  });

  it('hostile values in any field: 200 or a French 4xx, never a 5xx; a refused transmission stores nothing', async () => {
    const engine = await createEngine('cpro');
    const pointers = engine.layout.fields.map((f) => f.pattern.replaceAll('*', '0'));
    const adh = server.as(ADH);
    const valid = example('cpro', 'valid.json');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pointers), hostileValue, async (pointer, value) => {
        const created = await adh.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' });
        assert.equal(created.status, 201);
        const draft = created.body.record;
        let data: Record<string, unknown>;
        try {
          data = setAt(valid, pointer, value);
        } catch {
          return; // a pointer setAt refuses by design (prototype keys): nothing to send
        }
        const saved = await adh.put<{ record: DossierRecord } & Refusal>(`/brouillons/${draft.id}`, { data, revision: draft.revision });
        assert.ok(saved.status === 200 || (saved.status >= 400 && saved.status < 500), `save ${pointer}: ${saved.status}`);
        if (saved.status !== 200) return assert.doesNotMatch(saved.body.message, ENGLISH);
        const sent = await adh.post<Refusal>(`/brouillons/${draft.id}/transmettre`, { revision: saved.body.record.revision });
        assert.ok(sent.status === 200 || (sent.status >= 400 && sent.status < 500), `transmit ${pointer}: ${sent.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
        if (sent.status === 200) return;
        for (const e of sent.body.errors ?? []) {
          assert.match(e.path, /^(\/[^/]+)*$/, 'an issue sits on a JSON pointer');
          assert.doesNotMatch(e.message, ENGLISH, `English message at ${e.path}`);
        }
        const stored = await server.store.get(draft.id);
        assert.equal(stored?.kind, 'brouillon', 'refused: still a draft');
        assert.equal(stored?.numero, undefined);
        assert.equal(stored?.revision, saved.body.record.revision, 'nothing written by the refusal');
      }),
      { seed: 20261203, numRuns: RUNS },
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });

  it('regression (found by the fuzz): a lone surrogate gets a French 400 naming where it is, not a 500, and nothing is stored', async () => {
    const adh = server.as(ADH);
    const created = await adh.post<{ record: DossierRecord }>('/brouillons', { dispositif: 'cpro' });
    const draft = created.body.record;
    const data = setAt(example('cpro', 'valid.json'), '/salarie/communeNaissance', 'Saint-\ud800tienne');
    const r = await adh.put<Refusal>(`/brouillons/${draft.id}`, { data, revision: draft.revision });
    assert.equal(r.status, 400);
    assert.equal(r.body.message, 'Le texte saisi en /data/salarie/communeNaissance contient un caractère invalide (caractère Unicode incomplet) : retapez-le.');
    assert.equal((await server.store.get(draft.id))?.revision, draft.revision, 'nothing stored');
  });
});
