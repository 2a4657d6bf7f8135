/** The example dossiers of schemas/<id>/examples, bundled with the stories. */
const files = import.meta.glob<Record<string, unknown>>('../../schemas/*/examples/*.json', { eager: true, import: 'default' });

/** Example dossiers of a dispositif by file name (expected.json holds expected results, not a dossier). */
export function examplesOf(dispositif: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /\/schemas\/([^/]+)\/examples\/([^/]+)\.json$/.exec(path);
    if (m && m[1] === dispositif && m[2] !== 'expected') out[m[2] as string] = data;
  }
  return out;
}

/** The complete, valid dossier of a dispositif (examples/valid.json), if it has one. */
export function validExample(dispositif: string): Record<string, unknown> | undefined {
  return examplesOf(dispositif).valid;
}
