import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getShortestPaths } from 'xstate/graph';
import { createEngine, listDispositifs } from '../../src/registry/index.js';
import { createWizardMachine, type MachineFile, type WizardContext } from '../../src/workflow/machines.js';
import { BADGE_INVALID, BADGE_VALID, WizardController } from '../../src/workflow/wizard.js';
import { readJson, SCHEMAS } from '../helpers.js';

const never = () => new Promise<never>(() => undefined);

async function wizard(id: string, over: Partial<ConstructorParameters<typeof WizardController>[0]> = {}) {
  const calls = { save: 0, transmit: 0, cerfa: 0 };
  const controller = new WizardController({
    engine: await createEngine(id),
    today: '2026-01-15',
    save: async () => void calls.save++,
    transmit: async () => void calls.transmit++,
    generateCerfa: async () => void calls.cerfa++,
    ...over,
  });
  return { controller, calls };
}

for (const { id } of listDispositifs()) {
  describe(`${id} wizard machine`, () => {
    it('every state of every region is reachable (model-based shortest paths)', async () => {
      const engine = await createEngine(id);
      const config = (engine.definition.extras.machine as MachineFile).wizard;
      const machine = createWizardMachine(config, { saveDraft: never, generateCerfa: never, transmitDossier: never });
      const tabs = engine.definition.layout.tabs.map((t) => t.id);
      const input: WizardContext = { visibleTabs: tabs, validTabs: [], valid: false, saved: false, dirty: false, sent: false, readonly: false, leaving: false, invalidTabs: [] };
      const events = [
        { type: 'step.next' }, { type: 'step.back' }, { type: 'field.change' }, { type: 'dossier.save' }, { type: 'cerfa.generate' },
        { type: 'dossier.transmit' }, { type: 'wizard.leave' }, { type: 'leave.save' }, { type: 'leave.discard' }, { type: 'leave.cancel' },
        ...tabs.map((tab) => ({ type: 'tab.select', tab })),
        { type: 'validation.update', visibleTabs: tabs, validTabs: tabs, valid: true },
        { type: 'validation.update', visibleTabs: tabs, validTabs: [], valid: false },
        ...['saveDraft', 'generateCerfa', 'transmitDossier'].flatMap((a) => [{ type: `xstate.done.actor.${a}` }, { type: `xstate.error.actor.${a}`, error: new Error('x') }]),
      ];
      const reached = new Map<string, Set<string>>();
      const paths = getShortestPaths(machine, { input, events: events as never, serializeState: (s) => JSON.stringify([s.value, s.context]) });
      for (const path of paths) {
        for (const [region, state] of Object.entries(path.state.value as Record<string, string>)) {
          if (!reached.has(region)) reached.set(region, new Set());
          reached.get(region)?.add(state);
        }
      }
      for (const [region, node] of Object.entries(config.states ?? {})) {
        const missing = Object.keys(node.states ?? {}).filter((s) => !reached.get(region)?.has(s));
        assert.deepEqual(missing, [], `${region}: unreachable states`);
      }
    });

    it('Transmettre: "Saisie Invalide" marks the tabs at fault, then succeeds once every tab is valid', async () => {
      const { controller, calls } = await wizard(id);
      assert.equal(controller.send({ type: 'dossier.transmit' }).ok, true);
      assert.ok(controller.is('demande', 'saisieInvalide'));
      assert.ok(controller.context.invalidTabs.length > 0);
      assert.equal(calls.transmit, 0);
      const badges = controller.badges();
      assert.ok(badges.some((b) => !b.valid && b.label === BADGE_INVALID));
      const valid = await readJson<Record<string, unknown>>(`${SCHEMAS}/${id}/examples/valid.json`);
      for (const [key, value] of Object.entries(valid)) controller.set(`/${key}`, value);
      assert.ok(controller.badges().every((b) => b.valid && b.label === BADGE_VALID), JSON.stringify(controller.badges().filter((b) => !b.valid)));
      controller.send({ type: 'dossier.save' });
      await controller.settled();
      assert.equal(controller.send({ type: 'dossier.transmit' }).ok, true);
      await controller.settled();
      assert.equal(calls.transmit, 1);
      assert.ok(controller.is('demande', 'transmise'));
      assert.equal(controller.refusal({ type: 'cerfa.generate' }), 'Une fois la demande envoyée, il ne sera plus possible de générer le Cerfa.');
      assert.equal(controller.set('/employeur/email', 'x@y.fr').refusal, "Le dossier a été transmis : il n'est plus modifiable.");
    });

    it('Générer le CERFA needs a saved draft with no unsaved change', async () => {
      const { controller, calls } = await wizard(id);
      const reason = 'Avant de lancer une nouvelle génération de Cerfa, il est nécessaire de faire un enregistrement.';
      assert.deepEqual(controller.send({ type: 'cerfa.generate' }), { ok: false, refusal: reason });
      controller.send({ type: 'dossier.save' });
      await controller.settled();
      assert.equal(calls.save, 1);
      assert.equal(controller.send({ type: 'cerfa.generate' }).ok, true);
      await controller.settled();
      assert.equal(calls.cerfa, 1);
      assert.equal(controller.send({ type: 'cerfa.generate' }).ok, true, 'several times for one draft');
      await controller.settled();
      controller.set('/employeur/email', 'rh@exemple.fr');
      assert.deepEqual(controller.send({ type: 'cerfa.generate' }), { ok: false, refusal: reason });
    });

    it('leaving with unsaved changes asks to save (Voulez-vous enregistrer pour plus tard ?)', async () => {
      const { controller, calls } = await wizard(id);
      controller.set('/employeur/email', 'rh@exemple.fr');
      controller.send({ type: 'wizard.leave' });
      assert.ok(controller.is('edition', 'confirmationSortie'));
      controller.send({ type: 'leave.cancel' });
      assert.ok(controller.is('edition', 'modifie'));
      controller.send({ type: 'wizard.leave' });
      controller.send({ type: 'leave.save' });
      await controller.settled();
      assert.equal(calls.save, 1);
      assert.ok(controller.is('edition', 'quitte'));
    });

    it('a failed save keeps the input and says why', async () => {
      const { controller } = await wizard(id, { save: async () => Promise.reject(new Error('Le serveur ne répond pas.')) });
      controller.set('/employeur/email', 'rh@exemple.fr');
      controller.send({ type: 'dossier.save' });
      await controller.settled();
      assert.ok(controller.is('edition', 'modifie'));
      assert.equal(controller.context.lastError, 'Le serveur ne répond pas.');
      assert.equal((controller.data as { employeur: { email: string } }).employeur.email, 'rh@exemple.fr');
    });
  });
}

describe('tab navigation', () => {
  it('CPRO: any tab, Précédent/Suivant, and the RNCP step appears only for an inactive RNCP', async () => {
    const { controller } = await wizard('cpro');
    assert.equal(controller.tab, 'introduction');
    controller.send({ type: 'tab.select', tab: 'financement' });
    assert.equal(controller.tab, 'financement');
    controller.send({ type: 'step.back' });
    assert.equal(controller.tab, 'formation', 'the hidden RNCP step is skipped');
    assert.deepEqual(controller.send({ type: 'tab.select', tab: 'rncp' }), { ok: false, refusal: "Cet onglet n'est pas disponible pour ce dossier." });
    controller.set('/formation/rncpInactif', true);
    assert.ok(controller.visibleTabs().some((t) => t.id === 'rncp'));
    controller.send({ type: 'step.next' });
    assert.equal(controller.tab, 'rncp');
    controller.send({ type: 'step.next' });
    assert.equal(controller.tab, 'financement');
  });

  it('CPRO: a resume link opens the tab it names', async () => {
    const { controller } = await wizard('cpro', { tab: 'salarie', saved: true });
    assert.equal(controller.tab, 'salarie');
    assert.equal(controller.refusal({ type: 'cerfa.generate' }), null, 'a reopened saved draft can generate its CERFA');
  });

  it('Pro-A (provider flow): steps in order, Suivant validates the page, Suivant on Employeur creates the draft', async () => {
    const { controller, calls } = await wizard('proa', { role: 'prestataire' });
    assert.equal(controller.tab, 'type-contrat');
    assert.match(String(controller.send({ type: 'tab.select', tab: 'formation' }).refusal), /Précédent et Suivant/);
    const pre = await readJson<Record<string, unknown>>(`${SCHEMAS}/proa/examples/prestataire.json`);
    controller.set('/sousDispositif', pre.sousDispositif);
    assert.equal(controller.send({ type: 'step.next' }).ok, true);
    assert.equal(controller.tab, 'employeur');
    assert.match(String(controller.send({ type: 'step.next' }).refusal), /données obligatoires sont absentes/);
    assert.equal(calls.save, 0);
    for (const key of ['introduction', 'employeur']) if (pre[key] !== undefined) controller.set(`/${key}`, pre[key]);
    assert.equal(controller.send({ type: 'step.next' }).ok, true, JSON.stringify(controller.result('page', 'employeur').errors));
    await controller.settled();
    assert.equal(controller.tab, 'formation');
    assert.equal(calls.save, 1, 'the draft is created');
  });
});
