/** The engine's version (kept equal to package.json by a test); definition artifacts name the range they need. */
export const ENGINE_VERSION = '0.2.0';

/** Version of the artifact module layout (manifest, definition, validate, sections). */
export const ARTIFACT_FORMAT = 1;

/** `x.y.z` as numbers, or null. */
export function parseVersion(v: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [0, 0, 0];
  const y = parseVersion(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}
