/** examples/: each example gives the result examples/expected.json announces (rule@path of each message). */
import type { Phase, Role } from '../models/definition.js';
import type { DossierEngine } from '../validation/dossier-engine.js';
import { at } from './problem.js';
import type { CheckContext } from './context.js';

const EXPECTED = 'examples/expected.json';

interface Expected {
  date?: string;
  examples?: Record<string, { role?: Role; phase?: Phase; valid?: boolean; errors?: string[]; warnings?: string[] }>;
}

const ids = (issues: readonly { rule: string; path: string }[]) => issues.map((i) => `${i.rule}@${i.path}`);

function diff(kind: string, want: string[] = [], got: string[]): string[] {
  const out: string[] = [];
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((g) => !want.includes(g));
  if (missing.length) out.push(`${kind} attendues absentes : ${missing.join(', ')}`);
  if (extra.length) out.push(`${kind} non attendues : ${extra.join(', ')}`);
  return out;
}

export function checkExamples(ctx: CheckContext, engine: DossierEngine): void {
  const expected = ctx.files[EXPECTED] as Expected | undefined;
  const examples = Object.keys(ctx.files).filter((f) => f.startsWith('examples/') && f.endsWith('.json') && f !== EXPECTED).sort();
  if (!expected) {
    if (examples.length) ctx.add(EXPECTED, '', `fichier manquant : il indique le résultat attendu de chaque exemple (${examples.map((f) => f.slice('examples/'.length)).join(', ')})`);
    return;
  }
  const announced = expected.examples ?? {};
  for (const name of Object.keys(announced)) {
    if (!examples.includes(`examples/${name}`)) ctx.add(EXPECTED, at('/examples', name), `l'exemple ${name} n'existe pas dans examples/`);
  }
  for (const file of examples) {
    const name = file.slice('examples/'.length);
    const want = announced[name];
    if (!want) {
      ctx.add(EXPECTED, '/examples', `l'exemple ${name} n'a pas de résultat attendu : ajoutez « ${name} » sous "examples"`);
      continue;
    }
    const result = engine.validate(ctx.files[file], { today: expected.date, role: want.role, phase: want.phase });
    const problems = [
      ...(want.valid !== undefined && want.valid !== result.valid ? [`attendu ${want.valid ? 'valide' : 'invalide'}, obtenu ${result.valid ? 'valide' : 'invalide'}`] : []),
      ...diff('erreurs', want.errors, ids(result.errors)),
      ...diff('alertes', want.warnings, ids(result.warnings)),
    ];
    if (problems.length) ctx.add(file, '', `résultat différent de celui annoncé dans expected.json : ${problems.join(' ; ')}`);
  }
}
