/**
 * One story per business rule, built from the rule itself (schemas/<id>/rules.json, plus the documents
 * rule derived from documents.json): nobody writes them. For each failing sample the play function
 *  1. puts the failing sample in the wizard. The sample is laid over the dispositif's complete example
 *     dossier (examples/valid.json) when the rule means the same there, so that QA sees a filled request
 *     where only the sample's values differ. When a passing sample of the same shape exists, the wizard
 *     opens on that passing dossier and the failing values are TYPED into their fields, like a user;
 *     otherwise (lists, radios, added items...) it opens on the failing dossier;
 *  2. checks that the rule's exact message shows, as an error or an alert as the rule says, under each
 *     field of its `at` (where `engine.runRule` puts it for this dossier);
 *  3. applies the passing sample (typing the values back, or reopening the wizard on it) and checks that
 *     the message is gone.
 * Messages of a tab show once the tab has been left or validated: the story calls `validate()` (as
 * Transmettre does). A field shows one message, errors first: the sample is completed only when the
 * rule's message is the one its fields would show.
 */
import { createEngine, type DossierEngine, type RuleSpec, type ValidationIssue } from '@akto/engine';
import type { AktoDossierWizard } from '@akto/elements';
import type { StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { validExample } from './examples.js';
import { card, stage } from './layout.js';
import { changes, overlay, sameShape, splitSample, type Sample } from './samples.js';
import {
  createWizard,
  expectCleared,
  expectShown,
  fieldAt,
  navigateTo,
  openTab,
  ready,
  remount,
  settle,
  tabOf,
  setThroughField,
  wizardIn,
  type Expectation,
} from './wizard.js';

interface Step {
  fail: Sample;
  pass: Sample;
  failIndex: number;
  passIndex: number;
  /** Where the message shows for `fail`, as the engine says. */
  expected: Expectation[];
  /** The tab showing it. */
  tab: string | undefined;
  /** Failing values typed over the passing dossier (same `$today`, same shape). */
  typed: boolean;
  /** The samples are laid over examples/valid.json. */
  completed: boolean;
}

interface Loaded {
  engine: DossierEngine;
  rule: RuleSpec;
  steps: Step[];
}

/** The data the wizard holds for a new request opened on `data` (see AktoDossierWizard.load). */
function wizardData(engine: DossierEngine, data: Record<string, unknown>): Record<string, unknown> {
  const sousDispositif = engine.definition.identity.sousDispositifs.find((sd) => !sd.disabled)?.code;
  return { sousDispositif, ...data, dispositif: engine.id };
}

function issuesOf(engine: DossierEngine, rule: RuleSpec, s: Sample): ValidationIssue[] {
  return engine.runRule(rule.id, wizardData(engine, s.data), { today: s.today });
}

/** The rule fires on `fail` and its fields would show its message (no other error shown first). */
function showsOwnMessage(engine: DossierEngine, rule: RuleSpec, fail: Sample): boolean {
  const mine = issuesOf(engine, rule, fail);
  if (!mine.length) return false;
  const result = engine.validate(wizardData(engine, fail.data), { today: fail.today, phase: 'transmission' });
  return mine.every((i) => {
    const error = result.errors.find((e) => e.path === i.path);
    if (rule.severity === 'error') return error?.rule === rule.id;
    return !error && result.warnings.find((w) => w.path === i.path)?.rule === rule.id;
  });
}

/** The passing sample closest to a failing one: same today and shape first, then fewest changes. */
function closestPass(passes: Sample[], fail: Sample, fallback: number): number {
  let best = fallback;
  let bestScore = Infinity;
  passes.forEach((p, i) => {
    const score = (p.today === fail.today && sameShape(p.data, fail.data) ? 0 : 1000) + changes(p.data, fail.data).length;
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

function plan(engine: DossierEngine, rule: RuleSpec): Step[] {
  const base = validExample(engine.id);
  const passes = rule.samples.pass.map((p) => splitSample(p as Record<string, unknown>));
  return rule.samples.fail.map((raw, failIndex) => {
    const bare = splitSample(raw as Record<string, unknown>);
    const passIndex = closestPass(passes, bare, failIndex % passes.length);
    const barePass = passes[passIndex] as Sample;
    const candidates: { fail: Sample; pass: Sample; completed: boolean }[] = [];
    if (base) {
      const over = (s: Sample): Sample => ({ data: overlay(base, s.data) as Record<string, unknown>, today: s.today });
      candidates.push({ fail: over(bare), pass: over(barePass), completed: true });
    }
    candidates.push({ fail: bare, pass: barePass, completed: false });
    const chosen =
      candidates.find((c) => showsOwnMessage(engine, rule, c.fail) && issuesOf(engine, rule, c.pass).length === 0) ??
      (candidates[candidates.length - 1] as (typeof candidates)[number]);
    const expected = issuesOf(engine, rule, chosen.fail).map((i) => ({ path: i.path, message: i.message, severity: i.severity }));
    const tab = expected.map((e) => tabOf(engine, e.path)).find((t): t is string => !!t);
    const typed = chosen.pass.today === chosen.fail.today && sameShape(chosen.pass.data, chosen.fail.data);
    return { ...chosen, failIndex, passIndex, expected, tab, typed };
  });
}

/**
 * Enters the values that change from `from` to `to` through their fields, each on its tab, as a user
 * would (see setThroughField). Returns false, leaving the wizard as it is, as soon as one cannot be
 * entered (no such field, an item to add, a tab the dispositif does not let the user reach...).
 */
async function enterChanges(el: AktoDossierWizard, engine: DossierEngine, from: Record<string, unknown>, to: Record<string, unknown>): Promise<boolean> {
  for (const [pointer, value] of changes(from, to)) {
    const tab = tabOf(engine, pointer);
    if (!tab || !(await navigateTo(el, tab))) return false;
    const field = fieldAt(el, pointer);
    if (!field || !(await setThroughField(el, field, value))) return false;
  }
  return true;
}

/** A new wizard on `sample`, opened on `tab` (as a resume link does), every message shown. */
async function open(root: HTMLElement, dispositif: string, sample: Sample, tab: string | undefined): Promise<AktoDossierWizard> {
  return validated(await remount(root, { dispositif, data: sample.data, today: sample.today, tab }));
}

async function validated(el: AktoDossierWizard): Promise<AktoDossierWizard> {
  el.validate();
  await settle(el);
  return el;
}

function describeRule(engine: DossierEngine, rule: RuleSpec): HTMLElement {
  const fields = rule.at.map((p) => `${engine.layout.field(p)?.schema?.title ?? p} (${p})`).join(', ');
  return card(`Règle ${rule.id}`, [
    ['Gravité', rule.severity === 'error' ? 'Erreur (bloquante)' : 'Alerte (non bloquante)'],
    ['Message', rule.message],
    ['Sous le champ', fields],
    ['Contrôlée', rule.phase === 'transmission' ? 'à la transmission' : rule.phase === 'saisie' ? 'à la saisie' : 'en quittant l’onglet'],
    ['Description', rule.description ?? ''],
    ['Exemples', `${rule.samples.fail.length} en échec, ${rule.samples.pass.length} valide(s)`],
  ]);
}

export function ruleStory(dispositif: string, ruleId: string, meta: { id: string; title: string }): StoryObj {
  return {
    name: ruleId,
    tags: ['rule', '!autodocs'],
    parameters: { __id: meta.id, layout: 'fullscreen' },
    loaders: [
      async (): Promise<Loaded> => {
        const engine = await createEngine(dispositif);
        const rule = engine.definition.rules.find((r) => r.id === ruleId);
        if (!rule) throw new Error(`Règle ${ruleId} absente de ${dispositif}.`);
        return { engine, rule, steps: plan(engine, rule) };
      },
    ],
    render: (_args, { loaded }) => {
      const { engine, rule, steps } = loaded as Loaded;
      const first = steps[0];
      const start = first ? (first.typed ? first.pass : first.fail) : { data: {}, today: undefined };
      const wizard = createWizard({ dispositif, data: start.data, today: start.today, tab: first?.tab });
      return stage(describeRule(engine, rule), wizard);
    },
    play: async (context: StoryContext) => {
      const { canvasElement, step } = context;
      const { engine, rule, steps } = context.loaded as Loaded;
      const root = wizardIn(canvasElement).parentElement as HTMLElement;
      expect(steps.length, `${rule.id} : au moins un exemple en échec`).toBeGreaterThan(0);
      for (const [n, s] of steps.entries()) {
        expect(s.expected.length, `${rule.id} : l'exemple en échec n° ${s.failIndex + 1} déclenche la règle`).toBeGreaterThan(0);
        expect(issuesOf(engine, rule, s.pass), `${rule.id} : l'exemple valide n° ${s.passIndex + 1} ne la déclenche pas`).toEqual([]);
        let el = n === 0 ? await validated(await ready(wizardIn(canvasElement))) : undefined;
        let typed = s.typed;
        const where = s.completed ? ' dans un dossier complet' : '';
        await step(`Exemple en échec n° ${s.failIndex + 1}${where}${typed ? ', saisi dans les champs' : ''} : le message apparaît`, async () => {
          if (typed) {
            el ??= await open(root, dispositif, s.pass, s.tab);
            typed = await enterChanges(el, engine, s.pass.data, s.fail.data);
            if (!typed) el = await open(root, dispositif, s.fail, s.tab);
          } else el ??= await open(root, dispositif, s.fail, s.tab);
          if (s.tab) await openTab(el, s.tab);
          for (const e of s.expected) await expectShown(el, e);
        });
        await step(`Exemple valide n° ${s.passIndex + 1}${typed ? ', saisi dans les champs' : ''} : le message disparaît`, async () => {
          if (!el || !typed || !(await enterChanges(el, engine, s.fail.data, s.pass.data))) el = await open(root, dispositif, s.pass, s.tab);
          if (s.tab) await openTab(el, s.tab);
          for (const e of s.expected) await expectCleared(el, e);
        });
      }
    },
  };
}
