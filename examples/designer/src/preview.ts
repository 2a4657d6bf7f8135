/**
 * What the designer shows for the folder being edited, computed from its files: the definition compiled
 * for the wizard (run-time ajv), every rule's samples with their outcome, the `check` problems, and the
 * example dossiers. Never throws: a definition that does not compile gives `compileError`.
 */
import { DossierEngine, type DispositifArtifact } from '@akto/engine';
import { checkDefinition, readDefinitionFiles, sampleOutcomes, type CheckProblem, type JsonFiles, type SampleOutcome } from '@akto/engine/check';
import { compileArtifact } from '@akto/engine/designer';
import { common, meta } from './folder.js';

export interface Preview {
  problems: CheckProblem[];
  /** The compiled definition; absent when it does not compile. */
  artifact?: DispositifArtifact;
  engine?: DossierEngine;
  compileError?: string;
  samples: SampleOutcome[];
  /** examples/*.json but expected.json, by file name. */
  examples: Record<string, Record<string, unknown>>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let revision = 0;

export function computePreview(files: JsonFiles, folder: string): Preview {
  let problems: CheckProblem[];
  try {
    problems = checkDefinition({ files, common, meta, folder });
  } catch (e) {
    problems = [{ file: 'dispositif.json', pointer: '', message: `la vérification a échoué : ${message(e)}` }];
  }
  const examples: Record<string, Record<string, unknown>> = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /^examples\/([^/]+\.json)$/.exec(path);
    if (m && m[1] !== 'expected.json' && typeof data === 'object' && data !== null) examples[m[1] as string] = data as Record<string, unknown>;
  }
  const { source, problems: missing } = readDefinitionFiles(files, common);
  if (!source) return { problems, samples: [], examples, compileError: missing.map((p) => `${p.file} : ${p.message}`).join(' ; ') };
  try {
    const artifact = compileArtifact(source, `designer-${++revision}`);
    const engine = new DossierEngine({ definition: artifact.definition, validators: { validate: artifact.validate, sections: artifact.sections } });
    let samples: SampleOutcome[] = [];
    try {
      samples = sampleOutcomes(engine);
    } catch (e) {
      problems.push({ file: 'rules.json', pointer: '', message: `les exemples des règles n'ont pas pu être évalués : ${message(e)}` });
    }
    return { problems, artifact, engine, samples, examples };
  } catch (e) {
    return { problems, samples: [], examples, compileError: message(e) };
  }
}
