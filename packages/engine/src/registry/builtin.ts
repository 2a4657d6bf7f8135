/** The dispositifs of schemas/, precompiled at build time (no eval at run time). */
import { loaders, summaries } from '../generated/index.js';
import type { Role, SousDispositif } from '../models/definition.js';
import { DossierEngine, type LoadedDispositif } from '../validation/dossier-engine.js';

export interface DispositifSummary {
  id: string;
  code: string;
  label: string;
  /** Family shown on cards and lists (FPE for CAR). */
  family?: string;
  sousDispositifs: SousDispositif[];
  roles: Role[];
  publics: string[];
}

export class UnknownDispositifError extends Error {
  constructor(readonly id: string) {
    super(`Dispositif inconnu : « ${id} ». Dispositifs disponibles : ${Object.keys(loaders).join(', ')}.`);
  }
}

export function listDispositifs(): DispositifSummary[] {
  return summaries;
}

export function hasDispositif(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(loaders, id);
}

/** Loads a built-in dispositif's definition and validators (a lazy import per dispositif). */
export async function loadDispositif(id: string): Promise<LoadedDispositif> {
  if (!hasDispositif(id)) throw new UnknownDispositifError(id);
  const mod = await (loaders[id] as (typeof loaders)[string])();
  return { definition: mod.definition, validators: { validate: mod.validate, sections: mod.sections } };
}

const engines = new Map<string, Promise<DossierEngine>>();

/** The engine of a built-in dispositif (cached). */
export function createEngine(id: string): Promise<DossierEngine> {
  let engine = engines.get(id);
  if (!engine) {
    engine = loadDispositif(id).then((d) => new DossierEngine(d));
    engines.set(id, engine);
    engine.catch(() => engines.delete(id));
  }
  return engine;
}
