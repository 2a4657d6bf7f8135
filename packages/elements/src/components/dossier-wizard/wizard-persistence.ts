/**
 * The wizard and its store: open a draft with the engine of its dispositif, save it (creating it on the first save),
 * and make the prefilled CERFA when the host does not (pdf-lib is loaded only then, as its own chunk).
 */
import {
  createEngine,
  DossierService,
  entryRole,
  getAt,
  hasDispositif,
  registerDispositif,
  type DispositifArtifact,
  type DispositifDefinition,
  type CheckProviders,
  type DossierRecord,
  type DossierStore,
  type WorkflowService,
  type MigrationReport,
  type Notification,
  type Party,
  type Role,
  type ValidationIssue,
  type Viewer,
  type WizardController,
} from '@akto/engine';

export interface Author {
  profile: Role;
  entityId: string;
  /** The employer of a new draft (defaults to the signed-in entity when it is an adherent). */
  adherent: Party | undefined;
  viewer: Viewer;
}

/** Saves the controller's data; a draft not yet stored is created first and handed to `created`. */
export async function saveDraft(
  service: WorkflowService,
  controller: WizardController,
  record: DossierRecord | undefined,
  author: Author,
  created: (record: DossierRecord) => void,
): Promise<DossierRecord> {
  const data = controller.data as Record<string, unknown>;
  if (!record) {
    const party: Party = { role: author.profile, entityId: author.entityId };
    const adherent = author.adherent ?? (author.profile === 'adherent' ? party : { role: 'adherent' as const, entityId: String(getAt(data, '/employeur/siret') ?? 'inconnu') });
    record = (await service.create({ dispositif: controller.engine.id, creator: party, adherent, data })).record;
    created(record);
  }
  return service.save(record.id, data, author.viewer, { revision: record.revision, tab: controller.tab });
}

/**
 * Whose fields the user sees, fills and has checked: a provider under mandat de gestion enters the
 * company's too (guide 004); without a record yet, the user's own profile.
 */
export function entryRoleOf(record: DossierRecord | undefined, viewer: Viewer, profile: Role): Role {
  return record ? entryRole(record, viewer) : profile;
}

/** Fills the CERFA (a draft copy) and returns it with an object URL to open or download it. */
export async function makeCerfa(definition: DispositifDefinition, data: unknown, template: string | Uint8Array | undefined) {
  const { generateCerfa } = await import('@akto/engine/cerfa');
  const result = await generateCerfa(definition, data, { draft: true, template });
  const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: 'application/pdf' }));
  return { result, url, text: `Le CERFA prérempli est prêt.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}` };
}

export interface OpenOptions {
  store: DossierStore;
  /** The host's workflow; else a DossierService over `store`. */
  service?: WorkflowService;
  /** An artifact module or URL to register first (`definition` / `definition-src`). */
  external: DispositifArtifact | string | undefined;
  dispositif: string;
  draftId: string;
  viewer: Viewer;
  readonly: boolean;
  onNotification: (n: Notification) => void;
}

/** Sources already registered by a wizard: a reload (another draft, another role) does not import them again. */
const registeredSources = new Map<string | DispositifArtifact, string>();

async function registerOnce(source: string | DispositifArtifact): Promise<string> {
  const known = registeredSources.get(source);
  if (known && hasDispositif(known)) return known;
  const { id } = await registerDispositif(source);
  registeredSources.set(source, id);
  return id;
}

/**
 * Registers the definition if given, opens the draft if any (with the report of its migration when it was
 * saved under an older definition version), and makes the engine of its dispositif.
 */
export async function openWizard(o: OpenOptions) {
  const registered = o.external ? await registerOnce(o.external) : '';
  const service: WorkflowService = o.service ?? new DossierService(o.store, { onNotification: o.onNotification });
  const expected = registered || o.dispositif;
  let record: DossierRecord | undefined;
  let editable = !o.readonly;
  let workflow: { label: string; buttons: { type: string; label: string }[] } | null = null;
  let migration: MigrationReport | undefined;
  if (o.draftId) {
    const opened = await service.open(o.draftId, o.viewer);
    record = opened.record;
    migration = opened.migration;
    editable = editable && opened.editable;
    workflow = opened.buttons.length ? { label: opened.label, buttons: opened.buttons } : null;
    if (expected && record.dispositif !== expected) throw new Error(`Le brouillon n° ${o.draftId} n'est pas un dossier ${expected}.`);
  }
  const engine = await createEngine(record?.dispositif ?? expected);
  return { service, engine, record, editable, workflow, migration };
}

/** Runs the host's asynchronous checks (NIR/nom, RNCP…), writes the values they return, and gives their issues. */
export async function runChecks(c: WizardController, checks: CheckProviders | undefined, role: Role, today: string | undefined): Promise<ValidationIssue[]> {
  if (!checks) return [];
  const outcome = await c.engine.runAsyncChecks(c.data, checks, { role, phase: 'page', today });
  for (const [pointer, value] of Object.entries(outcome.values)) if (getAt(c.data, pointer) !== value) c.set(pointer, value);
  return outcome.issues;
}
