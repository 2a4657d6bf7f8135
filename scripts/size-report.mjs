#!/usr/bin/env node
// Prints the size of each browser entry (minified and gzip), counting the chunks it imports statically
// (what a page downloads before anything shows); lazy chunks (dispositifs, pdf-lib) are listed apart.
// Fails when the wizard entry exceeds its budget: 58 KB gzip, everything included except pdf-lib.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// 60 KB: the error summary, the sync status and the conflict choice (issue 15) added ~2.5 KB, and the documents
// uploader now loads with the Documents tab (-4 KB); the definition's messages and documents limits (issues 13,
// 17) ~0.2 KB net. HttpStore's outbox loads on demand (its own chunk).
// Issue 14 is to bring entry + CPRO artifact to 45 KB (npm run bench prints it): the date picker's calendar now
// loads on first opening (-2 KB), hence 58 KB; then the wizard's `service` property (issue 16), new drafts saved
// offline under a provisional id (issue 15) and the compiled pointers that make AF validation ~2x faster (issue 14)
// added ~0.6 KB: 59 KB.
const BUDGETS = { 'packages/elements/bundle/akto-dossier-wizard.js': 59 * 1024 };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*from\s*)?["'](\.[^"']+)["']/g)) {
    staticClosure(resolve(dirname(file), m[1]), seen);
  }
  return seen;
}

const sizes = (files) => {
  let min = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(f);
    min += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { min, gz };
};

let failed = false;
for (const dir of ['packages/engine/bundle', 'packages/elements/bundle']) {
  if (!existsSync(dir)) continue;
  const entries = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => resolve(dir, f));
  const loaded = new Set();
  for (const entry of entries) {
    const closure = staticClosure(entry);
    closure.forEach((f) => loaded.add(f));
    const { min, gz } = sizes(closure);
    const name = entry.slice(resolve('.').length + 1);
    const budget = BUDGETS[name];
    const verdict = budget ? (gz <= budget ? `  ≤ ${kb(budget)} ✓` : `  > ${kb(budget)} ✗ BUDGET DÉPASSÉ`) : '';
    if (budget && gz > budget) failed = true;
    console.log(`${name.padEnd(52)} ${kb(min).padStart(10)} min ${kb(gz).padStart(9)} gzip (${closure.size} fichier(s))${verdict}`);
  }
  const chunks = join(dir, 'chunks');
  if (existsSync(chunks)) {
    const files = readdirSync(chunks, { recursive: true }).map(String).filter((n) => n.endsWith('.js'));
    for (const f of files.map((n) => resolve(chunks, n))) {
      if (loaded.has(f)) continue;
      const { min, gz } = sizes([f]);
      console.log(`  chargé à la demande : ${f.slice(resolve(dir).length + 1).padEnd(40)} ${kb(min).padStart(10)} min ${kb(gz).padStart(9)} gzip`);
    }
  }
}
if (failed) {
  console.error('Budget de taille dépassé : voir ci-dessus.');
  process.exit(1);
}
