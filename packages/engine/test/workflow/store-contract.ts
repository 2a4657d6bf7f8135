/**
 * The behaviour every DossierStore must have, as a suite run against each implementation:
 * memory and HTTP in Node, IndexedDB in headless Chromium. Framework-neutral (describe/it passed in).
 */
import type { DossierRecord } from '../../src/workflow/records.js';
import { StaleRevisionError, type DossierStore } from '../../src/workflow/store/types.js';

type Suite = (name: string, fn: () => void) => void;
type Case = (name: string, fn: () => Promise<void>) => void;

function ok(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
function same(actual: unknown, expected: unknown, message: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  actual:   ${a}\n  expected: ${e}`);
}

let counter = 0;
export function sampleRecord(over: Partial<DossierRecord> = {}): DossierRecord {
  counter++;
  const id = over.id ?? String(20000 + counter);
  return {
    id,
    dispositif: 'cpro',
    sousDispositif: 'cpro',
    state: 'saisieAdherent',
    revision: 0,
    kind: 'brouillon',
    visibleTo: ['adherent:40101593800038'],
    creator: { role: 'adherent', entityId: '40101593800038' },
    adherent: { role: 'adherent', entityId: '40101593800038' },
    prestataires: [],
    mandatGestion: false,
    subrogation: false,
    data: { dispositif: 'cpro', salarie: { nomNaissance: 'DUPONT', nomUsage: 'MARTINO', prenoms: 'Lilo' } },
    summary: { formation: 'CQP Accompagnement', entreprise: 'HUMANDO', debut: '2025-09-01', fin: '2026-08-31', stagiaires: [{ nomNaissance: 'DUPONT', nomUsage: 'MARTINO', prenoms: 'Lilo' }] },
    createdAt: new Date(Date.UTC(2025, 0, 1) + counter * 1000).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 1) + counter * 1000).toISOString(),
    ...over,
  };
}

export function storeContract(name: string, make: () => Promise<DossierStore>, { describe, it }: { describe: Suite; it: Case }) {
  describe(`${name} store contract`, () => {
    it('saves with a revision and reads back what was acknowledged', async () => {
      const store = await make();
      const record = sampleRecord();
      const saved = await store.save(record);
      same(saved.revision, 1, 'first save gives revision 1');
      const read = await store.get(record.id);
      same(read?.data, record.data, 'data read back');
      same(read?.revision, 1, 'revision read back');
      same(await store.get('inexistant'), undefined, 'unknown id');
    });

    it('refuses a stale revision instead of overwriting (two tabs lose nothing)', async () => {
      const store = await make();
      const first = await store.save(sampleRecord());
      const tabA = { ...first, data: { ...first.data, note: 'A' } };
      const tabB = { ...first, data: { ...first.data, note: 'B' } };
      const savedA = await store.save(tabA);
      same(savedA.revision, 2, 'tab A saved');
      let error: unknown;
      try {
        await store.save(tabB);
      } catch (e) {
        error = e;
      }
      ok(error instanceof StaleRevisionError, 'tab B refused with StaleRevisionError');
      ok(/enregistré ailleurs/.test((error as Error).message), 'French message');
      same((await store.get(first.id))?.data, tabA.data, 'tab A kept');
      same(tabB.data.note, 'B', 'tab B still holds its own input');
      const retried = await store.save({ ...tabB, revision: savedA.revision });
      same(retried.revision, 3, 'tab B saves after reloading the revision');
    });

    it('concurrent saves of one revision: exactly one wins', async () => {
      const store = await make();
      const base = await store.save(sampleRecord());
      const results = await Promise.allSettled([1, 2, 3].map((n) => store.save({ ...base, data: { n } })));
      same(results.filter((r) => r.status === 'fulfilled').length, 1, 'one save acknowledged');
      const winner = results.find((r): r is PromiseFulfilledResult<DossierRecord> => r.status === 'fulfilled');
      same((await store.get(base.id))?.data, winner?.value.data, 'stored data is the acknowledged one');
    });

    it('lists with quick search, filters, visibility and paging', async () => {
      const store = await make();
      const viewer = { role: 'adherent' as const, entityId: '40101593800038' };
      for (let i = 0; i < 25; i++) await store.save(sampleRecord({ summary: { formation: `Formation ${i}`, stagiaires: [{ nomNaissance: `NOM${i}` }] } }));
      await store.save(sampleRecord({ summary: { formation: 'Bachelor', stagiaires: [{ nomNaissance: 'DE NOBLET', prenoms: 'Victoria' }] }, dispositif: 'af' }));
      await store.save(sampleRecord({ visibleTo: ['prestataire:48816678600019'], summary: { formation: 'Caché', stagiaires: [] } }));
      await store.save(sampleRecord({ kind: 'masque', visibleTo: [], summary: { formation: 'Supprimé', stagiaires: [] } }));
      const page1 = await store.list({ viewer, kind: 'brouillons', pageSize: 20 });
      ok(page1.total >= 26, `total counts every visible draft (${page1.total})`);
      same(page1.items.length, 20, 'page of 20');
      const page2 = await store.list({ viewer, kind: 'brouillons', pageSize: 20, page: 2 });
      ok(page2.items.length >= 6, 'second page holds the rest');
      ok(!page1.items.concat(page2.items).some((r) => r.summary.formation === 'Caché' || r.summary.formation === 'Supprimé'), 'others\' and deleted drafts never listed');
      same((await store.list({ viewer, text: '"de noblet"' })).items.map((r) => r.summary.formation), ['Bachelor'], 'quoted compound name');
      same((await store.list({ viewer, text: 'victoria bachelor' })).total, 1, 'terms combine');
      same((await store.list({ viewer, dispositifs: ['af'] })).total, 1, 'dispositif filter');
      same((await store.list({ viewer, dispositifs: ['af', 'cpro'], text: 'nom7' })).items.map((r) => r.summary.formation), ['Formation 7'], 'filters and search combine');
    });

    it('keeps sequences and preferences (saved searches)', async () => {
      const store = await make();
      const a = await store.nextSequence('test-seq');
      const b = await store.nextSequence('test-seq');
      same(b, a + 1, 'sequence increments');
      await store.setPreference('acces-rapides', [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'] } }]);
      same(await store.getPreference('acces-rapides'), [{ nom: 'Liste CPRO', query: { dispositifs: ['cpro'] } }], 'preference read back');
    });

    it('deletes', async () => {
      const store = await make();
      const r = await store.save(sampleRecord());
      await store.delete(r.id);
      same(await store.get(r.id), undefined, 'gone');
    });
  });
}
