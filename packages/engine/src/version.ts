/** The engine's version (kept equal to package.json by a test); definition artifacts name the range they need. */
export const ENGINE_VERSION = '0.2.0';

/** Version of the artifact module layout (manifest, definition, validate, sections). */
export const ARTIFACT_FORMAT = 1;
