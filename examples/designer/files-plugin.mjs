// Rollup / Vite plugin: `import files from 'virtual:akto-designer-files'` gives the designer page the raw
// text of schemas/ — each dispositif folder (those holding dispositif.json), common/ and meta/ — by
// relative path, as a designer would find them on disk. The built-ins of the designer come from here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESIGNER_FILES = 'virtual:akto-designer-files';
const RESOLVED = `\0${DESIGNER_FILES}`;

/** Every *.json below `dir`, by `/`-separated relative path. */
function readTree(dir, watch) {
  const out = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    watch(file);
    out[relative(dir, file).split(sep).join('/')] = readFileSync(file, 'utf8');
  }
  return out;
}

export function designerFiles(schemasDir) {
  return {
    name: 'akto-designer-files',
    resolveId: (id) => (id === DESIGNER_FILES ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const watch = (file) => this.addWatchFile?.(file);
      const dispositifs = {};
      for (const name of readdirSync(schemasDir).sort()) {
        if (existsSync(join(schemasDir, name, 'dispositif.json'))) dispositifs[name] = readTree(join(schemasDir, name), watch);
      }
      const files = { dispositifs, common: readTree(join(schemasDir, 'common'), watch), meta: readTree(join(schemasDir, 'meta'), watch) };
      return `export default ${JSON.stringify(files)};`;
    },
  };
}

const PLAIN_MARKDOWN = fileURLToPath(new URL('./markdown-plain.mjs', import.meta.url));

/**
 * Rollup / Vite (and Vite's dependency optimizer) plugin: codemirror-json-schema's Markdown renderer
 * without shiki (see markdown-plain.mjs), which keeps megabytes of grammars out of the designer.
 */
export function plainMarkdown() {
  return {
    name: 'akto-designer-plain-markdown',
    resolveId(source, importer) {
      if (importer && /codemirror-json-schema[\\/]dist[\\/]/.test(importer) && /[\\/]utils[\\/]markdown(\.js)?$/.test(source)) return PLAIN_MARKDOWN;
      return null;
    },
  };
}
