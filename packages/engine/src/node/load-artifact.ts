/** Loads definition artifacts (`akto-forms build` output) from disk into the registry. Node only. */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerDispositif, type DispositifSummary } from '../registry/registry.js';
import { DefinitionArtifactError } from '../registry/artifact.js';

/** The module file of an artifact given as its .js file or as the folder holding its manifest.json. */
export async function artifactModuleFile(path: string): Promise<string> {
  const full = resolve(path);
  if (!existsSync(full)) throw new DefinitionArtifactError(`Définition introuvable : ${path}`);
  if (!statSync(full).isDirectory()) return full;
  const manifestFile = join(full, 'manifest.json');
  if (!existsSync(manifestFile)) throw new DefinitionArtifactError(`${path} : ni manifest.json (définition construite) ni dispositif.json (dossier de définition).`);
  let module: unknown;
  try {
    module = (JSON.parse(await readFile(manifestFile, 'utf8')) as { module?: unknown }).module;
  } catch (e) {
    throw new DefinitionArtifactError(`${manifestFile} : JSON mal formé (${(e as Error).message})`);
  }
  if (typeof module !== 'string') throw new DefinitionArtifactError(`${manifestFile} : le champ « module » manque.`);
  return join(full, module);
}

/** Imports an artifact from disk and registers it (it replaces a dispositif of the same id). */
export async function registerArtifactFile(path: string): Promise<DispositifSummary> {
  return registerDispositif(pathToFileURL(await artifactModuleFile(path)));
}

/** Registers every artifact found in a folder (each sub-folder holding a manifest.json). */
export async function registerArtifactsIn(dir: string): Promise<DispositifSummary[]> {
  const out: DispositifSummary[] = [];
  for (const e of await readdir(resolve(dir), { withFileTypes: true })) {
    if (e.isDirectory() && existsSync(join(dir, e.name, 'manifest.json'))) out.push(await registerArtifactFile(join(dir, e.name)));
  }
  return out;
}
