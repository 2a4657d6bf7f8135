/** machine.json: both machines present, every guard/action/actor name implemented, tabs matching the layout. */
import { lifecycleGuards, wizardGuards, type MachineFile, type StateNodeJson } from '../workflow/machines.js';
import { at } from './problem.js';
import type { CheckContext } from './context.js';

const FILE = 'machine.json';
const WIZARD_ACTIONS = ['markDirty', 'markSaved', 'markLeaving', 'markSaveFailed', 'markCerfaFailed', 'markTransmitFailed', 'markSent', 'markInvalidTabs', 'saveNow', 'assignValidation'];
const LIFECYCLE_ACTIONS = ['notify', 'assignNumber', 'touch', 'noteDocument'];
const WIZARD_ACTORS = ['saveDraft', 'generateCerfa', 'transmitDossier'];

/** A place in machine.json, or in the common file a `$ref` brought in. */
interface Place {
  file: string;
  pointer: string;
}

const list = (names: Iterable<string>) => [...names].join(', ');
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function checkMachines(ctx: CheckContext): void {
  const file = ctx.definition.extras.machine as MachineFile | undefined;
  if (file === undefined) return ctx.add(FILE, '', 'fichier manquant : machine.json décrit les machines « wizard » (assistant) et « lifecycle » (cycle de vie)');
  /** The place of a child: its own file when it replaced a `$ref`. */
  const enter = (parent: Place, child: unknown, ...segments: (string | number)[]): Place => {
    const origin = typeof child === 'object' && child !== null ? ctx.origins.get(child) : undefined;
    return origin ? { file: origin.file, pointer: origin.pointer } : { file: parent.file, pointer: at(parent.pointer, ...segments) };
  };
  const add = (place: Place, message: string) => ctx.add(place.file, place.pointer, message);
  const root: Place = { file: FILE, pointer: '' };
  const kinds: [keyof MachineFile, Set<string>, Set<string>, Set<string>][] = [
    ['wizard', new Set(Object.keys(wizardGuards)), new Set(WIZARD_ACTIONS), new Set(WIZARD_ACTORS)],
    ['lifecycle', new Set(Object.keys(lifecycleGuards)), new Set(LIFECYCLE_ACTIONS), new Set()],
  ];
  for (const [name, guards, actions, actors] of kinds) {
    const machine = file[name];
    if (!machine || typeof machine !== 'object') {
      add(root, `la machine « ${name} » manque (${name === 'wizard' ? "l'assistant : onglets, enregistrement, transmission" : 'le cycle de vie des brouillons et des dossiers'})`);
      continue;
    }
    const checkActions = (place: Place, value: unknown, what: (type: string) => string) => {
      const items = asArray(value as string | { type?: string } | (string | { type?: string })[]);
      items.forEach((a, k) => {
        const type = typeof a === 'string' ? a : a?.type;
        const p = Array.isArray(value) ? enter(place, a, k) : place;
        if (!type || !actions.has(type)) add(p, `${what(`« ${String(type)} »`)} est inconnue de la machine « ${name} » (actions : ${list(actions)})`);
      });
    };
    const visit = (node: StateNodeJson, place: Place, path: string) => {
      const transitions: [unknown, Place][] = [];
      for (const [event, t] of Object.entries(node.on ?? {})) {
        const tp = enter(place, t, 'on', event);
        if (Array.isArray(t)) t.forEach((x, k) => transitions.push([x, enter(tp, x, k)]));
        else transitions.push([t, tp]);
      }
      if (node.always) {
        const ap = enter(place, node.always, 'always');
        if (Array.isArray(node.always)) node.always.forEach((x, k) => transitions.push([x, enter(ap, x, k)]));
        else transitions.push([node.always, ap]);
      }
      const invoke = node.invoke as { src?: string; onDone?: unknown; onError?: unknown } | undefined;
      if (invoke) {
        const ip = enter(place, invoke, 'invoke');
        if (!invoke.src || !actors.has(invoke.src)) add({ file: ip.file, pointer: at(ip.pointer, 'src') }, `l'état ${path} lance le service « ${String(invoke.src)} », inconnu (services : ${list(actors) || 'aucun'})`);
        for (const key of ['onDone', 'onError'] as const) {
          const v = invoke[key];
          if (Array.isArray(v)) v.forEach((x, k) => transitions.push([x, enter(ip, x, key, k)]));
          else if (v) transitions.push([v, enter(ip, v, key)]);
        }
      }
      for (const [t, tp] of transitions) {
        if (typeof t !== 'object' || t === null) continue;
        const { guard, actions: acts } = t as { guard?: string | { type?: string }; actions?: unknown };
        const g = guard === undefined ? undefined : typeof guard === 'string' ? guard : guard.type;
        if (g !== undefined && !guards.has(g)) {
          add({ file: tp.file, pointer: at(tp.pointer, 'guard', ...(typeof guard === 'string' ? [] : ['type'])) }, `la garde « ${g} » (état ${path}) est inconnue de la machine « ${name} » (gardes : ${list(guards)})`);
        }
        if (acts !== undefined) checkActions({ file: tp.file, pointer: at(tp.pointer, 'actions') }, acts, (a) => `l'action ${a} (état ${path})`);
      }
      if (node.entry !== undefined) checkActions(enter(place, node.entry, 'entry'), node.entry, (a) => `l'action d'entrée ${a} (état ${path})`);
      for (const [k, child] of Object.entries(node.states ?? {})) visit(child, enter(place, child, 'states', k), `${path}.${k}`);
    };
    visit(machine, enter(root, machine, name), name);
  }
  checkTabRegion(ctx, file, enter, add);
  const lifecycle = file.lifecycle;
  if (lifecycle && typeof lifecycle === 'object') {
    const lp = enter(root, lifecycle, 'lifecycle');
    for (const [id, node] of Object.entries(lifecycle.states ?? {})) {
      if (!node.always && !node.meta?.label) add(enter(lp, node, 'states', id), `l'état « ${id} » du cycle de vie n'a pas de libellé (meta.label) : les listes de dossiers l'afficheraient sans nom`);
    }
  }
}

/** The wizard's region whose states are the layout's tabs: one state per tab, no other state. */
function checkTabRegion(ctx: CheckContext, file: MachineFile, enter: (parent: Place, child: unknown, ...s: (string | number)[]) => Place, add: (place: Place, message: string) => void) {
  const wizard = file.wizard;
  if (!wizard || typeof wizard !== 'object') return;
  const tabIds = ctx.definition.layout.tabs.map((t) => t.id);
  const wp = enter({ file: FILE, pointer: '' }, wizard, 'wizard');
  const regions = Object.entries(wizard.states ?? {});
  const found = regions.find(([, r]) => Object.keys(r.states ?? {}).some((s) => tabIds.includes(s)));
  if (!found) {
    add({ file: wp.file, pointer: at(wp.pointer, 'states') }, `aucune région de l'assistant n'a pour états les onglets de layout.json (${tabIds.join(', ')}) : ajoutez une région (ex. « onglet ») avec un état par onglet`);
    return;
  }
  const [regionId, region] = found;
  const rp = enter(wp, region, 'states', regionId);
  const states = Object.keys(region.states ?? {});
  for (const t of tabIds) {
    if (!states.includes(t)) add({ file: rp.file, pointer: at(rp.pointer, 'states') }, `l'onglet « ${t} » de layout.json n'est pas un état de la région « ${regionId} » de l'assistant : ajoutez l'état « ${t} »`);
  }
  for (const s of states) {
    if (!tabIds.includes(s)) add(enter(rp, region.states?.[s], 'states', s), `l'état « ${s} » de la région « ${regionId} » ne correspond à aucun onglet de layout.json (${tabIds.join(', ')})`);
  }
  if (region.initial !== undefined && !states.includes(region.initial)) {
    add({ file: rp.file, pointer: at(rp.pointer, 'initial') }, `l'état initial « ${region.initial} » de la région « ${regionId} » n'est pas l'un de ses états`);
  }
}
