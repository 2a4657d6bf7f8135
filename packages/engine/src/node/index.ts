/** Node-only helpers: read definitions from disk, check them, build and load artifacts. */
export { loadDefinitionSource, listDefinitionDirs, defaultSchemasDir, findCommonDir, DefinitionLoadError } from './load-definition.js';
export { registerArtifactFile, registerArtifactsIn, artifactModuleFile } from './load-artifact.js';
export { buildArtifact, buildCatalogue, type BuiltArtifact } from '../build/artifact.js';
export { checkAll, checkDefinitionDir, type CheckProblem } from '../build/check-definition.js';
export { migrateData, migrationPath, type MigrationReport, type MigrationLoss } from '../workflow/migrate.js';
