/**
 * The dispositifs a page or a process knows: the built-in ones (registered by ./builtins.ts from the
 * artifacts of schemas/) and any a host registers, from a URL or an imported artifact module. Lists,
 * the new-request chooser, the wizard and the services all read this one registry.
 */
import type { Role, SousDispositif } from '../models/definition.js';
import { DossierEngine, type LoadedDispositif } from '../validation/dossier-engine.js';
import type { ArtifactManifest, DispositifArtifact } from './artifact.js';

/** The checks of ./artifact.js, loaded only when a host brings its own definition (they stay off the entry). */
const checks = () => import('./artifact.js');

export interface DispositifSummary {
  id: string;
  code: string;
  label: string;
  /** The definition's version (dispositif.json). */
  version: string;
  /** Family shown on cards and lists (FPE for CAR). */
  family?: string;
  sousDispositifs: SousDispositif[];
  roles: Role[];
  publics: string[];
}

/** A dispositif known by its summary, loaded on first use (the built-ins' lazy chunks). */
export interface DispositifEntry {
  manifest: ArtifactManifest;
  summary: DispositifSummary;
  load: () => Promise<unknown>;
}

/** What `registerDispositif` takes: an artifact's URL, the imported artifact module, or a lazy entry. */
export type DispositifSource = string | URL | DispositifArtifact | DispositifEntry;

export class UnknownDispositifError extends Error {
  constructor(readonly id: string) {
    super(`Dispositif inconnu : « ${id} ». Dispositifs disponibles : ${[...entries.keys()].join(', ') || 'aucun'}.`);
  }
}

interface Registered {
  summary: DispositifSummary;
  manifest: ArtifactManifest;
  load: () => Promise<DispositifArtifact>;
}

const entries = new Map<string, Registered>();
const engines = new Map<string, Promise<DossierEngine>>();
const listeners = new Set<(id: string) => void>();

export function summaryOf(artifact: Pick<DispositifArtifact, 'definition' | 'manifest'>): DispositifSummary {
  const { id, code, label, family, sousDispositifs, roles, publics } = artifact.definition.identity;
  return { id, code, label, version: artifact.manifest.version, ...(family ? { family } : {}), sousDispositifs, roles, publics };
}

function put(entry: Registered): DispositifSummary {
  entries.set(entry.summary.id, entry);
  engines.delete(entry.summary.id);
  for (const listener of listeners) listener(entry.summary.id);
  return entry.summary;
}

const isEntry = (s: DispositifSource): s is DispositifEntry => typeof s === 'object' && 'load' in s && 'summary' in s;

/** Imports an artifact from a URL (relative URLs are read against the page). */
export async function importArtifact(src: string | URL): Promise<DispositifArtifact> {
  const { checkArtifact, DefinitionArtifactError } = await checks();
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let href: string;
  try {
    href = new URL(String(src), base).href;
  } catch {
    throw new DefinitionArtifactError(`Adresse de définition invalide : « ${String(src)} ».`);
  }
  let mod: unknown;
  try {
    mod = await import(/* @vite-ignore */ href);
  } catch (e) {
    throw new DefinitionArtifactError(`Impossible de charger la définition depuis ${href} : ${e instanceof Error ? e.message : String(e)}`);
  }
  return checkArtifact(mod, href);
}

/**
 * Registers a dispositif so that lists, the new-request chooser and the wizard offer it like a built-in
 * one. A dispositif registered again under the same id replaces the previous definition.
 */
export async function registerDispositif(source: DispositifSource): Promise<DispositifSummary> {
  if (typeof source === 'string' || source instanceof URL) {
    const artifact = await importArtifact(source);
    return put({ summary: summaryOf(artifact), manifest: artifact.manifest, load: async () => artifact });
  }
  if (isEntry(source)) return registerEntry(source);
  const artifact = (await checks()).checkArtifact(source);
  return put({ summary: summaryOf(artifact), manifest: artifact.manifest, load: async () => artifact });
}

/**
 * Registers a lazy entry at once (synchronously): the built-ins, listed before any import. The module it
 * loads is taken as it is: entries come from a catalogue `akto-forms build` wrote with the artifacts.
 */
export function registerEntry(entry: DispositifEntry): DispositifSummary {
  let loaded: Promise<DispositifArtifact> | undefined;
  const load = () => {
    loaded ??= entry.load() as Promise<DispositifArtifact>;
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
  return put({ summary: entry.summary, manifest: entry.manifest, load });
}

export function unregisterDispositif(id: string): void {
  if (entries.delete(id)) {
    engines.delete(id);
    for (const listener of listeners) listener(id);
  }
}

/** Called with the dispositif's id whenever one is registered, replaced or removed. */
export function onDispositifsChange(listener: (id: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function listDispositifs(): DispositifSummary[] {
  return [...entries.values()].map((e) => e.summary);
}

export function hasDispositif(id: string): boolean {
  return entries.has(id);
}

export function manifestOf(id: string): ArtifactManifest | undefined {
  return entries.get(id)?.manifest;
}

/** A registered dispositif's definition and validators (its artifact is imported on first use). */
export async function loadDispositif(id: string): Promise<LoadedDispositif> {
  const entry = entries.get(id);
  if (!entry) throw new UnknownDispositifError(id);
  const a = await entry.load();
  return { definition: a.definition, validators: { validate: a.validate, sections: a.sections }, manifest: a.manifest };
}

/** The engine of a registered dispositif (cached until it is registered again). */
export function createEngine(id: string): Promise<DossierEngine> {
  let engine = engines.get(id);
  if (!engine) {
    engine = loadDispositif(id).then((d) => new DossierEngine(d));
    engines.set(id, engine);
    engine.catch(() => engines.delete(id));
  }
  return engine;
}
