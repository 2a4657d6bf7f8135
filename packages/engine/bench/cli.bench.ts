/**
 * The CLI in batch: 10,000 validations and 100 CERFAs in one process each (`--batch` over NDJSON),
 * start-up included; median of 3 runs, as dossiers per second. Goals: issue #14 (per core: one process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, median } from './report.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/engine/bin/akto-forms.js');
const dossier = JSON.parse(readFileSync(`${root}schemas/cpro/examples/valid.json`, 'utf8')) as { salarie: Record<string, unknown> };
const tmp = mkdtempSync(join(tmpdir(), 'akto-cli-bench-'));

function ndjson(n: number): string {
  const file = join(tmp, `${n}.ndjson`);
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ ...dossier, salarie: { ...dossier.salarie, nomUsage: `NOM${i}` } }));
  writeFileSync(file, lines.join('\n'));
  return file;
}

function rate(n: number, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    times.push((performance.now() - t0) / 1000);
  }
  return n / median(times);
}

console.log('CLI in batch (one process each, start-up included), median of 3 runs');
console.log(figure('akto-forms validate --batch, 10,000 CPRO dossiers', rate(10_000, ['validate', '--batch', ndjson(10_000), '--date', '2026-01-15']), 'per s', { min: 5000 }));
console.log(figure('akto-forms cerfa --batch, 100 CPRO dossiers', rate(100, ['cerfa', '--batch', ndjson(100), '-o', join(tmp, 'pdf')]), 'per s', { min: 20 }));
