import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../src/registry/index.js';
import { demoEngine, ids, readJson, SCHEMAS } from './helpers.js';

const valid = () => readJson<Record<string, any>>(`${SCHEMAS}/cpro/examples/valid.json`); // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is free-form JSON

test('phases: saisie shows formats only, page adds required fields and rules of the tab, transmission everything', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  delete data.salarie.prenoms; // required, Salarié tab
  delete data.employeur.caisseRetraite; // required, Employeur tab
  data.salarie.adresse.codePostal = '6910'; // format, Salarié tab
  data.salarie.sexe = '1'; // NIR starts with 2: rule, Salarié tab

  assert.deepEqual(ids(engine.validate(data, { phase: 'saisie' }).errors), ['format.code-postal@/salarie/adresse/codePostal']);
  assert.deepEqual(ids(engine.validate(data, { phase: 'page', tab: 'salarie' }).errors).sort(), [
    'cpro.salarie.nir-sexe@/salarie/nir',
    'format.code-postal@/salarie/adresse/codePostal',
    'required@/salarie/prenoms',
  ]);
  assert.deepEqual(ids(engine.validate(data, { phase: 'page', tab: 'employeur' }).errors), ['required@/employeur/caisseRetraite']);
  const all = engine.validate(data, { phase: 'transmission' });
  assert.equal(all.errors.length, 4);
  assert.equal(all.valid, false);
  assert.deepEqual(all.tabs.employeur, { valid: false, errors: 1, warnings: 0 });
  assert.deepEqual(all.tabs.salarie, { valid: false, errors: 3, warnings: 0 });
  for (const tab of ['introduction', 'contrat', 'formation', 'financement', 'synthese', 'documents']) {
    assert.deepEqual(all.tabs[tab], { valid: true, errors: 0, warnings: 0 }, tab);
  }
  const issue = all.errors.find((e) => e.rule === 'required');
  assert.deepEqual(Object.keys(issue ?? {}).sort(), ['kind', 'message', 'path', 'phase', 'rule', 'severity', 'tab']);
});

test('a cross-field rule waits until every field it reads is filled', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  data.salarie.sexe = '1';
  assert.ok(ids(engine.validate(data).errors).includes('cpro.salarie.nir-sexe@/salarie/nir'));
  delete data.salarie.sexe;
  const errors = ids(engine.validate(data).errors);
  assert.ok(!errors.some((e) => e.startsWith('cpro.salarie.nir-sexe')), 'no coherence message while Sexe is empty');
  assert.ok(errors.includes('required@/salarie/sexe'));
});

test('warnings never block: a dossier with only warnings is valid', async () => {
  const engine = await createEngine('cpro');
  const data = await readJson<Record<string, any>>(`${SCHEMAS}/cpro/examples/warning-age.json`); // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form JSON
  const result = engine.validate(data);
  assert.equal(result.valid, true);
  assert.deepEqual(ids(result.warnings), ['cpro.salarie.age-min@/salarie/dateNaissance']);
  assert.equal(result.warnings[0]?.message, "Le salarié doit être âgé d'au moins 16 ans pour conclure un tel contrat");
  assert.equal(result.tabs.salarie?.valid, true);
  assert.equal(result.tabs.salarie?.warnings, 1);
  data.contrat.dateDebut = '2028-03-14';
  assert.ok(!ids(engine.validate(data).warnings).includes('cpro.salarie.age-min@/salarie/dateNaissance'), 'sixteen on the first day of the contract');
});

test('conditional fields: shown and required only when the answer says so; hidden ones carry no message', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  data.salarie.franceTravailInscrit = false;
  delete data.salarie.franceTravailNumero;
  delete data.salarie.franceTravailDureeMois;
  assert.equal(engine.validate(data).valid, true);
  data.salarie.franceTravailInscrit = true;
  assert.deepEqual(ids(engine.validate(data).errors).sort(), ['required@/salarie/franceTravailDureeMois', 'required@/salarie/franceTravailNumero']);
  data.salarie.franceTravailInscrit = false;
  data.salarie.franceTravailNumero = '??'; // stale, badly formed, but hidden
  assert.equal(engine.validate(data).valid, true);
});

test('checkboxes that must be ticked say "L\'option doit être sélectionnée"', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  data.introduction.noticeLue = false;
  const [issue] = engine.validate(data).errors;
  assert.equal(issue?.path, '/introduction/noticeLue');
  assert.equal(issue?.message, "L'option doit être sélectionnée");
  assert.equal(issue?.tab, 'introduction');
});

test('repeatable sections: minimum count, per-item required fields and per-item rules', async () => {
  const engine = await demoEngine();
  const base = { employeur: { email: 'a@b.fr' }, contrat: { type: 'CDI', dateDebut: '2025-09-01', salaire: 1800 }, couts: [] };
  assert.deepEqual(ids(engine.validate(base).errors), ['required.repeat@/tuteurs']);
  const two = { ...base, tuteurs: [{ nom: 'A', dateNaissance: '1980-01-01', emploi: 'Chef' }, { nom: 'B', dateNaissance: '2010-01-01' }] };
  assert.deepEqual(ids(engine.validate(two).errors).sort(), ['demo.tuteurs.age-min@/tuteurs/1/dateNaissance', 'required@/tuteurs/1/emploi']);
  const three = { ...two, tuteurs: [...two.tuteurs, { nom: 'C' }] };
  assert.ok(ids(engine.validate(three).errors).includes('schema.maxItems@/tuteurs'));
  assert.equal(engine.validate(three).errors.find((e) => e.path === '/tuteurs')?.message, '2 tuteurs maximum.');
});

test('computed values: totals and durations are filled before rules read them', async () => {
  const engine = await demoEngine();
  const data = { contrat: { type: 'CDD', dateDebut: '2025-09-01', dateFin: '2026-02-28' }, couts: [{ nature: 'Formation', montant: 6000 }, { nature: 'Repas', montant: 4500.5 }] };
  const computed = engine.compute(data);
  assert.equal(computed.contrat.dureeMois, 6);
  assert.equal((computed as { totalDemande?: number }).totalDemande, 10500.5);
  assert.deepEqual(ids(engine.validate(data).warnings), ['demo.financement.total-max@/totalDemande']);
  assert.equal(data.contrat.dateFin, '2026-02-28', 'input untouched');
});

test('role visibility: a provider neither sees nor is asked for employer-only fields, and what it sends is ignored', async () => {
  const engine = await demoEngine();
  const stored = { contrat: { type: 'CDI', dateDebut: '2025-09-01', salaire: 1800 }, tuteurs: [{ nom: 'A', dateNaissance: '1980-01-01', emploi: 'Chef' }], employeur: { raisonSociale: 'HUMANDO', siret: '40101593800038', email: 'a@b.fr' } };
  assert.equal(engine.viewFor(stored, 'prestataire').contrat.salaire, undefined);
  assert.equal(engine.viewFor(stored, 'adherent').contrat.salaire, 1800);
  const noSalary = { ...stored, contrat: { type: 'CDI', dateDebut: '2025-09-01' } };
  assert.ok(ids(engine.validate(noSalary, { role: 'adherent' }).errors).includes('required@/contrat/salaire'));
  assert.ok(!ids(engine.validate(noSalary, { role: 'prestataire' }).errors).includes('required@/contrat/salaire'));
  const tampered = { ...stored, contrat: { ...stored.contrat, salaire: 1 }, employeur: { ...stored.employeur, raisonSociale: 'AUTRE', email: 'new@b.fr' } };
  const merged = engine.acceptFrom('prestataire', stored, tampered);
  assert.equal(merged.contrat.salaire, 1800, 'employer-only field kept');
  assert.equal(merged.employeur.raisonSociale, 'HUMANDO', 'read-only reference field kept');
  assert.equal(merged.employeur.email, 'new@b.fr', 'editable field taken');
});

test('read-only fields are filled from a reference record', async () => {
  const engine = await createEngine('cpro');
  const data = engine.applyReference({ dispositif: 'cpro' }, 'etablissement', { raisonSociale: 'HUMANDO', siret: '40101593800038', naf: '7820Z', idcc: '1413', typePublic: 'permanent', voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE', complement: '' });
  assert.deepEqual(data.employeur, { raisonSociale: 'HUMANDO', siret: '40101593800038', naf: '7820Z', idcc: '1413', typePublic: 'permanent', adresse: { voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE' } });
});

test('async checks go through host providers; a failing provider blocks nothing', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  let seen: unknown;
  const issues = await engine.validateAsync(data, { nirTitulaire: async (input) => ((seen = input), false) });
  assert.deepEqual(seen, { nir: data.salarie.nir, nomNaissance: 'STICH' });
  assert.deepEqual(issues.map((i) => [i.path, i.message]), [['/salarie/nir', 'Titulaire non trouvé.']]);
  assert.deepEqual(await engine.validateAsync(data, { nirTitulaire: async () => true }), []);
  assert.deepEqual(await engine.validateAsync(data, { nirTitulaire: async () => Promise.reject(new Error('503')) }), []);
  delete data.salarie.nomNaissance;
  let called = false;
  await engine.validateAsync(data, { nirTitulaire: async () => ((called = true), false) });
  assert.equal(called, false, 'not asked until every input is filled');
});

test('a session re-validates after each change exactly as a full validation would', async () => {
  for (const engine of [await createEngine('cpro'), await demoEngine()]) {
    const start = engine.id === 'cpro' ? await valid() : { contrat: { type: 'CDD' }, tuteurs: [{}], couts: [{ montant: 5 }] };
    const session = engine.session(start, { today: '2026-01-15' });
    const changes: [string, unknown][] =
      engine.id === 'cpro'
        ? [
            ['/salarie/sexe', '1'],
            ['/salarie/nir', '1'],
            ['/salarie/franceTravailInscrit', false],
            ['/salarie', null],
            ['/salarie', { nomNaissance: 'X', dateNaissance: '2012-01-01' }],
            ['/employeur/email', 'bad'],
            ['/inconnu', 1],
            ['/inconnu', undefined],
            ['/introduction/noticeLue', false],
          ]
        : [
            ['/contrat/dateDebut', '2025-09-01'],
            ['/contrat/dateFin', '2025-12-01'],
            ['/tuteurs/0/dateNaissance', '2010-01-01'],
            ['/tuteurs/1', { nom: 'B' }],
            ['/couts/1', { montant: 20000 }],
            ['/couts', []],
            ['/tuteurs', undefined],
          ];
    let data: unknown = start;
    for (const [pointer, value] of changes) {
      session.set(pointer, value);
      data = session.data;
      const full = engine.validate(data, { today: '2026-01-15' });
      const inc = session.result();
      assert.deepEqual(ids(inc.errors).sort(), ids(full.errors).sort(), `${engine.id} after ${pointer}`);
      assert.deepEqual(ids(inc.warnings).sort(), ids(full.warnings).sort(), `${engine.id} after ${pointer}`);
      assert.deepEqual(inc.tabs, full.tabs);
    }
  }
});

test('malformed data yields issues, never an exception', async () => {
  const engine = await createEngine('cpro');
  let deep: unknown = 'x';
  for (let i = 0; i < 5000; i++) deep = { a: deep };
  const inputs: unknown[] = [
    null,
    42,
    'texte',
    [],
    { salarie: null, employeur: [] },
    { salarie: { nomNaissance: 12, dateNaissance: 19900101, nir: {}, adresse: 'rue' } },
    { salarie: { nomNaissance: 'x'.repeat(1_000_000) } },
    { inconnu: deep, salarie: { inconnu: true } },
    { salarie: deep },
    { employeur: { effectif: 'beaucoup' }, introduction: { noticeLue: 'oui' } },
  ];
  for (const input of inputs) {
    const result = engine.validate(input, { role: 'adherent' });
    assert.equal(result.valid, false);
    for (const e of result.errors) assert.ok(e.message.length > 0 && typeof e.path === 'string');
  }
  const long = engine.validate({ salarie: { nomNaissance: 'x'.repeat(1_000_000) } }, { phase: 'saisie' });
  assert.deepEqual(long.errors.map((e) => [e.path, e.message]), [['/salarie/nomNaissance', '100 caractères maximum']]);
  const unknown = engine.validate({ salarie: { inconnu: true } }, { phase: 'saisie' });
  assert.deepEqual(unknown.errors.map((e) => [e.path, e.tab, e.message]), [['/salarie/inconnu', 'salarie', 'Donnée non prévue pour ce dossier.']]);
});

test('async checks set their flag and the values a provider returns (inactive RNCP adds the RNCP step)', async () => {
  const engine = await createEngine('cpro');
  const data = await valid();
  const outcome = await engine.runAsyncChecks(data, { rncpActif: async () => ({ ok: false, values: { '/formation/rncpRemplacant': 'RNCP38544' } }) });
  assert.deepEqual(outcome.values, { '/formation/rncpRemplacant': 'RNCP38544', '/formation/rncpInactif': true });
  assert.deepEqual(outcome.issues.map((i) => [i.rule, i.severity]), [['cpro.formation.rncp-actif', 'warning']]);
  assert.deepEqual((await engine.runAsyncChecks(data, { rncpActif: async () => true })).values, { '/formation/rncpInactif': false });
});
