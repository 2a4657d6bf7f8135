// Draft list speed in Chromium: 10,000 drafts in a MemoryStore (records built directly, not validated one by
// one through the service), first render of a 20-row page, and quick search keystroke → rendered page.
// Medians of repeated runs; the engine's share (service.list alone) is printed apart.
import { fixture, html } from '@open-wc/testing';
import { DossierService, MemoryStore, listDispositifs, type DossierRecord, type Trainee } from '@akto/engine';
import '../src/components/dossier-list/dossier-list.js';
import type { AktoDossierList } from '../src/components/dossier-list/dossier-list.js';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const fmt = (v: number[]) => `${median(v).toFixed(2)} ms median (min ${Math.min(...v).toFixed(2)}, max ${Math.max(...v).toFixed(2)}, n=${v.length})`;

const ADH = { role: 'adherent' as const, entityId: '40101593800038' };
const FIRST = ['Lilo', 'Karim', 'Sophie', 'Alain', 'David', 'Myriam', 'Julie', 'Victoria', 'Denis', 'Blanche', 'Clare', 'Léo', 'Zoé', 'Anaïs', 'Marc', 'Pauline'];
const LAST = ['STICH', 'MARTIN', 'BODET', 'COTONNEC', 'NOUJ', 'DUPONT', 'de NOBLET', 'COLLIER', 'DURAND', 'BLEU', 'CORREZE', 'RICOLA', 'LIPTON', 'OUAREZKI', 'MARTINO', 'LAURIE'];
const TITLES = ['CQP Accompagnement socio-professionnel', 'Titre professionnel Gestionnaire de paie', 'Habilitation électrique B0 H0V', 'RESPONSABLE DE SALLE EN RESTAURATION', 'RNCP37313 - BOULANGER', 'Bachelor "Concepteur 3D"', 'FORMATION POUR LE SUIVI EN SERVICE DES EQUIPEMENTS SOUS PRESSION', 'Infirmier test'];
const COMPANIES = ['HUMANDO', 'SIAE', 'ADEX', 'KISO', 'IT FORMATIONS', 'LE BISTROT DU VIEUX-PORT', 'ADEC'];
const STATES = ['saisieAdherent', 'saisieAdherent', 'saisieAdherent', 'reprisePreSaisie', 'aValiderEmployeur'];

/** A small deterministic PRNG, so every run measures the same data. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function build(n: number): DossierRecord[] {
  const out: DossierRecord[] = [];
  const rand = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const dispositifs = listDispositifs();
  const start = Date.parse('2024-01-01T08:00:00Z');
  for (let i = 0; i < n; i++) {
    const d = pick(dispositifs);
    const sous = pick(d.sousDispositifs.filter((s) => !s.disabled));
    const trainees: Trainee[] = Array.from({ length: d.id === 'af' ? 1 + Math.floor(rand() * 3) : 1 }, () => {
      const usage = rand() < 0.2 ? pick(LAST) : undefined;
      return { prenoms: pick(FIRST), nomNaissance: pick(LAST), nomUsage: usage };
    });
    const debut = new Date(start + Math.floor(rand() * 900) * 86_400_000);
    const fin = new Date(debut.getTime() + Math.floor(rand() * 400) * 86_400_000);
    const at = new Date(start + i * 60_000).toISOString();
    const record: DossierRecord = {
      id: String(10_001 + i),
      dispositif: d.id,
      sousDispositif: sous.code,
      state: pick(STATES),
      kind: 'brouillon',
      visibleTo: [`adherent:${ADH.entityId}`],
      revision: 0,
      creator: ADH,
      adherent: ADH,
      prestataires: [],
      mandatGestion: rand() < 0.3,
      subrogation: rand() < 0.5,
      alerte: rand() < 0.1,
      data: { dispositif: d.id, sousDispositif: sous.code },
      summary: {
        formation: rand() < 0.9 ? pick(TITLES) : undefined,
        debut: rand() < 0.85 ? debut.toISOString().slice(0, 10) : undefined,
        fin: rand() < 0.85 ? fin.toISOString().slice(0, 10) : undefined,
        entreprise: pick(COMPANIES),
        stagiaires: rand() < 0.9 ? trainees : [],
      },
      createdAt: at,
      updatedAt: at,
    };
    out.push(record);
  }
  return out;
}

const WORDS = ['M', 'MA', 'MAR', 'MART', 'MARTI', 'MARTIN', 'MARTINO', 'D', 'DU', 'DUP', 'DUPO', 'DUPON', 'DUPONT', '"de N', '"de NO', '"de NOBLET"', 'H', 'HU', 'HUM', 'HUMANDO', '1', '10', '104', '1045', '10456', 'Karim MARTIN', 'BOULANGER', 'zz'];

/** Keystroke → rendered page (debounce set to 0 to time the work, not the pause), and the store's share. */
async function keystrokes(service: DossierService): Promise<{ keystroke: number[]; engine: number[]; component: number[] }> {
  const el = await fixture<AktoDossierList>(html`<akto-dossier-list kind="brouillons" search-delay="0" .service=${service} .viewer=${ADH}></akto-dossier-list>`);
  await el.updateComplete;
  const input = el.shadowRoot?.querySelector('[part="search"]') as HTMLInputElement;
  const keystroke: number[] = [];
  const engine: number[] = [];
  const component: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const w of WORDS) {
      const t = performance.now();
      input.value = w;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      const k = performance.now() - t;
      const e = performance.now();
      await service.list({ kind: 'brouillons', text: w, page: 1, pageSize: 20 }, ADH);
      const d = performance.now() - e;
      keystroke.push(k);
      engine.push(d);
      component.push(Math.max(0, k - d));
    }
  }
  el.remove();
  return { keystroke, engine, component };
}

it('draft list figures (10,000 drafts)', async () => {
  const records = build(10_000);
  const store = new MemoryStore();
  const t0 = performance.now();
  for (const r of records) await store.save(r);
  const seeding = performance.now() - t0;
  const service = new DossierService(store);
  for (const d of listDispositifs()) await service.lifecycle(d.id); // dispositif chunks loaded, as a page would have them cached

  // First render of a 20-row page: element created → page queried, row actions asked, rows rendered.
  const first: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const el = await fixture<AktoDossierList>(html`<akto-dossier-list kind="brouillons" .service=${service} .viewer=${ADH}></akto-dossier-list>`);
    await el.updateComplete;
    first.push(performance.now() - t);
    if (el.shadowRoot?.querySelectorAll('tbody tr[part="row"]').length !== 20) throw new Error('20 rows expected');
    el.remove();
  }

  const { keystroke, engine, component } = await keystrokes(service);
  const plain: number[] = [];
  for (let i = 0; i < 20; i++) {
    const e = performance.now();
    await service.list({ kind: 'brouillons', page: 1, pageSize: 20 }, ADH);
    plain.push(performance.now() - e);
  }
  console.log(
    [
      'Chromium figures, <akto-dossier-list> over 10,000 drafts (MemoryStore)',
      `  seeding 10,000 records with store.save (apart):            ${seeding.toFixed(0)} ms`,
      `  first render of a 20-row page:                             ${fmt(first)}   goal ≤ 30 ms`,
      `  quick search keystroke → rendered page:                    ${fmt(keystroke)}   goal ≤ 16 ms`,
      `  of which engine, service.list with text (apart):           ${fmt(engine)}`,
      `  of which the element (keystroke − service.list, paired):   ${fmt(component)}`,
      `  engine, service.list without text (apart):                 ${fmt(plain)}`,
    ].join('\n'),
  );
});
