/// <reference path="./virtual.d.ts" />
/**
 * A dispositif folder as the designer edits it: the raw text of each JSON file by relative path
 * (`rules.json`, `lists/x.json`, `examples/valid.json`), read from the built-ins or a file picker,
 * parsed for the engine, and zipped back for « Télécharger ».
 */
import { scaffoldFiles, type JsonFiles } from '@akto/engine/check';
import { strToU8, zipSync } from 'fflate';
import bundled from 'virtual:akto-designer-files';

export type Texts = Record<string, string>;

export interface Folder {
  /** The folder's name: the dispositif's id. */
  name: string;
  texts: Texts;
}

export interface Parsed {
  files: JsonFiles;
  /** JSON syntax errors by file. */
  errors: Record<string, string>;
}

/** The dispositifs of schemas/ the page carries. */
export const BUILTIN_IDS = Object.keys(bundled.dispositifs);

export function builtinFolder(id: string): Folder {
  const texts = bundled.dispositifs[id];
  if (!texts) throw new Error(`Dispositif inconnu : « ${id} ».`);
  return { name: id, texts: { ...texts } };
}

/** A new, minimal dispositif (what `akto-forms new <id>` writes). */
export function scaffoldFolder(id: string): Folder {
  const texts: Texts = {};
  for (const [path, data] of Object.entries(scaffoldFiles(id))) texts[path] = `${JSON.stringify(data, null, 2)}\n`;
  return { name: id, texts };
}

/** schemas/common and schemas/meta, parsed once. */
export const common: JsonFiles = parseTexts(bundled.common).files;
export const meta: JsonFiles = parseTexts(bundled.meta).files;
export const metaTexts: Texts = bundled.meta;

export function parseTexts(texts: Texts): Parsed {
  const files: JsonFiles = {};
  const errors: Record<string, string> = {};
  for (const [path, text] of Object.entries(texts)) {
    try {
      files[path] = JSON.parse(text);
    } catch (e) {
      errors[path] = e instanceof Error ? e.message : String(e);
    }
  }
  return { files, errors };
}

/** Files are listed top-level first, then by folder (lists/, examples/, migrations/). */
export function sortedPaths(texts: Texts): string[] {
  return Object.keys(texts).sort((a, b) => Number(a.includes('/')) - Number(b.includes('/')) || a.localeCompare(b));
}

/**
 * The folder a user picked with `<input type="file" webkitdirectory>`: every *.json in it, by path
 * relative to the chosen folder (whose name becomes the folder's).
 */
export async function readPicked(list: FileList | File[]): Promise<Folder> {
  const texts: Texts = {};
  let name = '';
  for (const file of Array.from(list)) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    if (parts.length > 1) {
      const top = parts.shift() as string;
      name ||= top;
    }
    const path = parts.join('/');
    if (!path.endsWith('.json') || parts.includes('node_modules') || parts[0] === 'dist') continue;
    texts[path] = await file.text();
  }
  if (!Object.keys(texts).length) throw new Error('Ce dossier ne contient aucun fichier JSON.');
  return { name: name || 'dispositif', texts };
}

/** The folder as a .zip, each file under `<name>/<path>`. */
export function zipFolder(folder: Folder): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(folder.texts)) entries[`${folder.name}/${path}`] = strToU8(text);
  return zipSync(entries, { level: 6 });
}
