/**
 * `--batch` for `akto-forms validate` and `cerfa`: many dossiers in one process (the engine, pdf-lib and
 * the font are loaded once), from a folder of *.json files or an NDJSON file (one dossier per line).
 * A dossier that cannot be read is reported on its own line; the others go on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';

const MAX_BYTES = 20 * 1024 * 1024;

/** One dossier of a batch: its name (file, or `lines.ndjson:12`), and its data or why it cannot be read. */
export type BatchItem = { name: string; data: unknown; error?: undefined } | { name: string; data?: undefined; error: string };

function parse(name: string, text: string): BatchItem {
  if (text.length > MAX_BYTES) return { name, error: `${name} : trop volumineux (plus de 20 Mo)` };
  try {
    return { name, data: JSON.parse(text) as unknown };
  } catch (e) {
    return { name, error: `${name} : JSON mal formé (${e instanceof RangeError ? 'imbrication trop profonde' : (e as Error).message})` };
  }
}

/** The dossiers of a folder (its *.json files, in name order) or of an NDJSON file, one at a time. */
export async function* readBatch(path: string): AsyncGenerator<BatchItem> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error(`Dossier ou fichier introuvable : ${path}`);
  if (info.isDirectory()) {
    const files = (await readdir(path)).filter((f) => f.endsWith('.json')).sort();
    for (const f of files) yield parse(f, await readFile(join(path, f), 'utf8').catch(() => ''));
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim()) yield parse(`${basename(path)}:${n}`, line);
  }
}

/** The end-of-batch line: counts, time, and rate per second. */
export function batchSummary(what: string, counts: { ok: number; invalid: number; unreadable: number }, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  const total = counts.ok + counts.invalid + counts.unreadable;
  const rate = seconds > 0 ? Math.round(total / seconds) : total;
  return `${total} dossier(s) : ${counts.ok} ${what}, ${counts.invalid} avec des erreurs, ${counts.unreadable} illisible(s) — ${seconds.toFixed(1)} s, ${rate} par seconde.\n`;
}
