import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getShortestPaths } from 'xstate/graph';
import { createEngine, listDispositifs } from '../../src/registry/index.js';
import { Lifecycle } from '../../src/workflow/lifecycle.js';
import type { LifecycleContext, LifecycleEvent, MachineFile } from '../../src/workflow/machines.js';
import type { Viewer } from '../../src/workflow/records.js';

const OF: Viewer = { role: 'prestataire', entityId: '48816678600019' };
const OTHER_OF: Viewer = { role: 'prestataire', entityId: '73282932000074' };
const ADH: Viewer = { role: 'adherent', entityId: '40101593800038' };
const GEST: Viewer = { role: 'gestionnaire', entityId: 'akto' };

const context = (creator: Viewer, mandatGestion = false): LifecycleContext => ({
  creator: { ...creator, email: creator.role === 'prestataire' ? 'of@exemple.fr' : 'rh@exemple.fr' },
  adherent: { ...ADH, email: 'rh@exemple.fr' },
  prestataires: creator.role === 'prestataire' ? [{ ...OF, email: 'of@exemple.fr' }] : [],
  mandatGestion,
  dossier: 'n° 10645',
});

async function lifecycleOf(id: string): Promise<Lifecycle> {
  return new Lifecycle(((await createEngine(id)).definition.extras.machine as MachineFile).lifecycle);
}

function events(lc: Lifecycle): LifecycleEvent[] {
  const types = new Set<string>();
  for (const node of Object.values(lc.config.states ?? {})) for (const t of Object.keys(node.on ?? {})) types.add(t);
  return [...types].flatMap((type) => [OF, OTHER_OF, ADH, GEST].flatMap((actor) => [true, false].map((valid) => ({ type, actor, valid }))));
}

for (const { id } of listDispositifs()) {
  describe(`${id} lifecycle`, () => {
    it('every labelled state is reachable (model-based shortest paths)', async () => {
      const lc = await lifecycleOf(id);
      const reached = new Set<string>();
      for (const ctx of [context(OF), context(OF, true), context(ADH)]) {
        for (const path of getShortestPaths(lc.machine, { input: ctx, events: events(lc) })) reached.add(String(path.state.value));
      }
      const labelled = lc.states().map((s) => s.id);
      assert.deepEqual(labelled.filter((s) => !reached.has(s)), [], 'unreachable states');
      assert.ok(labelled.length >= 12, 'the guide\'s states: 6 draft states and 6 dossier states at least');
    });

    it('guards refuse what the guides forbid, with the guide\'s reasons', async () => {
      const lc = await lifecycleOf(id);
      const ctx = context(OF);
      const start = lc.start(ctx);
      assert.equal(start.state, 'saisiePrestataire');
      assert.equal(lc.label('saisiePrestataire'), 'En cours de saisie prestataire');
      // Only the creator deletes.
      assert.equal(lc.refusal(start.state, ctx, { type: 'brouillon.supprimer', actor: ADH }), 'Seul celui qui a créé le brouillon peut le supprimer.');
      assert.equal(lc.refusal(start.state, ctx, { type: 'brouillon.supprimer', actor: OTHER_OF }), 'Seul celui qui a créé le brouillon peut le supprimer.');
      assert.equal(lc.refusal(start.state, ctx, { type: 'brouillon.supprimer', actor: OF }), null);
      // Hand-over needs a valid pre-entry; without a mandat the provider cannot transmit to AKTO.
      assert.equal(lc.refusal(start.state, ctx, { type: 'brouillon.transmettreAdherent', actor: OF, valid: false }), 'Saisie Invalide');
      assert.match(String(lc.refusal(start.state, ctx, { type: 'brouillon.transmettre', actor: OF, valid: true })), /mandat de gestion/);
      assert.equal(lc.refusal(start.state, context(OF, true), { type: 'brouillon.transmettre', actor: OF, valid: true }), null, 'with a mandat it may');
      const handed = lc.send(start.state, ctx, { type: 'brouillon.transmettreAdherent', actor: OF, valid: true });
      assert.equal(handed.state, 'aValiderEmployeur');
      assert.equal(lc.label(handed.state, 'prestataire'), "A valider par l'employeur");
      assert.equal(lc.label(handed.state, 'adherent'), "A reprendre par l'adhérent");
      // A draft "à reprendre par l'adhérent" cannot be modified nor resumed by the provider.
      assert.match(String(lc.refusal(handed.state, ctx, { type: 'brouillon.modifier', actor: OF })), /Action impossible/);
      assert.match(String(lc.refusal(handed.state, ctx, { type: 'brouillon.reprendre', actor: OF })), /ne peut pas être repris ni modifié par le prestataire/);
      // Refused: the provider may delete it; the employer can do nothing more.
      const refused = lc.send(handed.state, ctx, { type: 'brouillon.refuser', actor: ADH });
      assert.equal(refused.state, 'refuseAdherent');
      assert.deepEqual(lc.allowed(refused.state, ctx, ADH), []);
      assert.deepEqual(lc.allowed(refused.state, ctx, OF), ['brouillon.supprimer']);
      assert.ok(!lc.hasTag(refused.state, 'adherent'), 'a refused draft leaves the employer\'s view');
      // Deleted: hidden everywhere, final.
      const deleted = lc.send(refused.state, ctx, { type: 'brouillon.supprimer', actor: OF });
      assert.equal(deleted.state, 'supprime');
      assert.ok(lc.hasTag(deleted.state, 'masque'));
      assert.deepEqual(lc.allowed(deleted.state, ctx, OF), []);
    });

    it('once transmitted nothing is editable, but documents can still be added', async () => {
      const lc = await lifecycleOf(id);
      const ctx = context(ADH);
      let s = lc.start(ctx).state;
      assert.equal(s, 'saisieAdherent');
      s = lc.send(s, ctx, { type: 'brouillon.transmettre', actor: ADH, valid: true }).state;
      assert.equal(lc.label(s), 'En cours de transmission');
      const done = lc.send(s, ctx, { type: 'transmission.reussie', actor: GEST });
      assert.ok(done.numbered, 'a dossier number is asked for');
      for (const step of [null, 'gestion.analyser', 'gestion.demanderPieces', 'gestion.accorder']) {
        if (step) s = lc.send(s, ctx, { type: step, actor: GEST }).state;
        else s = done.state;
        assert.notEqual(lc.refusal(s, ctx, { type: 'brouillon.modifier', actor: ADH }), null, `${s}: not editable`);
        assert.equal(lc.refusal(s, ctx, { type: 'document.deposer', actor: ADH }), null, `${s}: documents can be added`);
        assert.notEqual(lc.refusal(s, ctx, { type: 'document.deposer', actor: OTHER_OF }), null, `${s}: not by a stranger`);
        assert.notEqual(lc.refusal(s, ctx, { type: 'gestion.accorder', actor: ADH }), null, `${s}: back office only`);
      }
      assert.deepEqual([lc.label('transmis'), lc.label('enCoursAnalyse'), lc.label('enAttentePieces'), lc.label('accorde'), lc.label('refuse'), lc.label('cloture')], [
        'Transmis', "En cours d'analyse", 'En attente de pièces', 'Accordé', 'Refusé', 'Clôturé',
      ]);
    });
  });
}

describe('lifecycle refusals read as the guide words them', () => {
  it('a provider with a mandat transmitting invalid data gets "Saisie Invalide"; only AKTO completes a transmission', async () => {
    const lc = await lifecycleOf('cpro');
    const ctx = context(OF, true);
    const s = lc.start(ctx).state;
    assert.equal(lc.refusal(s, ctx, { type: 'brouillon.transmettre', actor: OF, valid: false }), 'Saisie Invalide');
    assert.match(String(lc.refusal(s, context(OF), { type: 'brouillon.transmettre', actor: OF, valid: false })), /Sans mandat de gestion/);
    const sending = lc.send(s, ctx, { type: 'brouillon.transmettre', actor: OF, valid: true }).state;
    assert.notEqual(lc.refusal(sending, ctx, { type: 'transmission.reussie', actor: ADH }), null);
    assert.equal(lc.refusal(sending, ctx, { type: 'transmission.reussie', actor: GEST }), null);
  });
});
