import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileDispositif } from '../src/designer/index.js';
import { loadDefinitionSource } from '../src/node/load-definition.js';
import { DossierEngine } from '../src/validation/dossier-engine.js';
import type { ValidationIssue } from '../src/models/result.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCHEMAS = `${ROOT}schemas`;
export const DEMO_DIR = fileURLToPath(new URL('./fixtures/demo', import.meta.url));

/** The test dispositif exercising repeats, computed values, roles and references (designer mode). */
export async function demoEngine(): Promise<DossierEngine> {
  return new DossierEngine(compileDispositif(await loadDefinitionSource(DEMO_DIR, `${SCHEMAS}/common`)));
}

export async function readJson<T = unknown>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export const ids = (issues: readonly ValidationIssue[]) => issues.map((i) => `${i.rule}@${i.path}`);
