/** Node-only helpers: read definitions from disk, check them. */
export { loadDefinitionSource, listDefinitionDirs, defaultSchemasDir, DefinitionLoadError } from './load-definition.js';
export { checkAll, checkDefinitionDir, type CheckProblem } from '../build/check-definition.js';
