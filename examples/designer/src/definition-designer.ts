/**
 * <akto-definition-designer>: the live designer. Opens a dispositif folder (a built-in one, or a folder
 * picked from disk), edits its JSON files in <akto-json-editor>, and shows, updated as the designer
 * types (300 ms after the last key): the wizard on the definition, every rule's samples with their
 * outcome, the `check` problems and the CERFA filled from the dossier shown. A file that is not valid
 * JSON keeps the last good preview. « Télécharger » gives the edited folder back as a .zip.
 *
 * Compiles the definition with ajv at run time: the page needs a CSP allowing 'unsafe-eval' (README).
 * @event designer-preview - A new preview is shown (wizard ready): `{ preview }`.
 */
import { overlaySample, type CheckProblem, type SampleOutcome } from '@akto/engine/check';
import { registerEntry, type DispositifEntry } from '@akto/engine';
import { builtins } from '@akto/dispositifs';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { designerStyles } from './designer.styles.js';
import { BUILTIN_IDS, builtinFolder, parseTexts, readPicked, scaffoldFolder, sortedPaths, zipFolder, type Folder } from './folder.js';
import type { AktoJsonEditor } from './json-editor.js';
import './json-editor.js';
import { cerfaPanel, checkPanel, samplesPanel, type CerfaView } from './panels.js';
import { computePreview, type Preview } from './preview.js';
import { WizardHost } from './wizard-host.js';

type Panel = 'wizard' | 'samples' | 'check' | 'cerfa';
const PANELS: [Panel, string][] = [
  ['wizard', 'Assistant'],
  ['samples', 'Exemples des règles'],
  ['check', 'Vérification'],
  ['cerfa', 'CERFA'],
];
const DEBOUNCE_MS = 300;
/** Id of the blank dispositif offered next to the built-ins. */
const SCAFFOLD = 'nouveau';

@customElement('akto-definition-designer')
export class AktoDefinitionDesigner extends LitElement {
  static override styles = designerStyles;

  /** Built-in dispositif opened first. */
  @property() dispositif = 'cpro';

  @state() private folder?: Folder;
  @state() private path = 'rules.json';
  @state() private preview?: Preview;
  /** JSON syntax errors by file: the preview is that of the last readable version. */
  @state() private syntax: Record<string, string> = {};
  @state() private panel: Panel = 'wizard';
  @state() private example = '';
  @state() private cerfa?: CerfaView;
  @state() private failure = '';
  @query('akto-json-editor') private editor?: AktoJsonEditor;
  @query('.wizard-host') private wizardContainer?: HTMLElement;
  private host?: WizardHost;
  private timer?: ReturnType<typeof setTimeout>;
  private cerfaFor?: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dispositif') && this.dispositif) this.openChoice(this.dispositif);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    // The edited definition replaced the built-in one in this page's registry: put the built-in back.
    const id = this.preview?.artifact?.manifest.id;
    const builtin = (builtins as DispositifEntry[]).find((b) => b.summary.id === id);
    if (builtin) registerEntry(builtin);
    if (this.cerfa?.url) URL.revokeObjectURL(this.cerfa.url);
  }

  /** Opens a folder: its files replace those being edited. */
  open(folder: Folder): void {
    this.folder = folder;
    this.path = folder.texts['rules.json'] !== undefined ? 'rules.json' : (sortedPaths(folder.texts)[0] ?? '');
    this.preview = undefined;
    this.example = '';
    this.editor?.reset();
    void this.refresh(true);
  }

  private openChoice(id: string) {
    this.open(id === SCAFFOLD ? scaffoldFolder(SCAFFOLD) : builtinFolder(id));
  }

  /** The edited folder as a .zip, also offered to the browser as a download. */
  download(): Blob {
    const folder = this.folder as Folder;
    const blob = new Blob([zipFolder(folder) as BlobPart], { type: 'application/zip' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${folder.name}.zip`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return blob;
  }

  private onInput(e: CustomEvent<{ path: string; text: string }>) {
    if (!this.folder) return;
    this.folder.texts[e.detail.path] = e.detail.text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(false), DEBOUNCE_MS);
  }

  /** Recomputes the preview from the files (unless one is not valid JSON) and shows it. */
  private async refresh(reopened: boolean): Promise<void> {
    const folder = this.folder as Folder;
    const { files, errors } = parseTexts(folder.texts);
    this.syntax = errors;
    if (Object.keys(errors).length) return;
    const preview = computePreview(files, folder.name);
    const examples = Object.keys(preview.examples);
    if (reopened || (this.example && !preview.examples[this.example])) this.example = examples.includes('valid.json') ? 'valid.json' : '';
    this.preview = { ...preview, artifact: preview.artifact ?? this.preview?.artifact, engine: preview.engine ?? this.preview?.engine };
    await this.updateComplete;
    this.host ??= new WizardHost(this.wizardContainer as HTMLElement);
    if (reopened) this.host.state = { data: structuredClone(preview.examples[this.example] ?? {}), validated: false };
    if (preview.artifact) await this.host.show(preview.artifact);
    else if (reopened) this.host.clear();
    this.cerfaFor = undefined;
    if (this.panel === 'cerfa') await this.fillCerfa();
    this.dispatchEvent(new CustomEvent('designer-preview', { detail: { preview: this.preview } }));
  }

  private chooseExample(name: string) {
    this.example = name;
    const host = this.host as WizardHost;
    host.state = { data: structuredClone(this.preview?.examples[name] ?? {}), validated: false };
    void this.reshow();
  }

  /** Shows a rule's sample in the wizard (over the complete example when the rule says the same there), every message shown. */
  private showSample(s: SampleOutcome) {
    const engine = this.preview?.engine;
    const base = this.preview?.examples['valid.json'];
    if (!engine || !this.host) return;
    const over = base ? (overlaySample(base, s.data) as Record<string, unknown>) : undefined;
    const fires = (data: Record<string, unknown>) => engine.runRule(s.rule.id, data, { today: s.today }).length > 0;
    const data = over && fires(over) === fires(s.data) ? over : s.data;
    const path = engine.runRule(s.rule.id, data, { today: s.today })[0]?.path ?? s.rule.at[0];
    this.host.state = { data: structuredClone(data), today: s.today, tab: (path && engine.layout.tabOf(path)) || undefined, validated: true };
    this.panel = 'wizard';
    void this.reshow();
  }

  private async reshow() {
    const artifact = this.preview?.artifact;
    if (artifact) await this.host?.show(artifact);
    this.dispatchEvent(new CustomEvent('designer-preview', { detail: { preview: this.preview } }));
  }

  private async openProblem(p: CheckProblem) {
    if (this.folder?.texts[p.file] === undefined) return;
    this.path = p.file;
    await this.updateComplete;
    await this.editor?.reveal(p.pointer);
  }

  private async onPick(e: Event) {
    const input = e.target as HTMLInputElement;
    if (!input.files?.length) return;
    try {
      this.failure = '';
      this.open(await readPicked(input.files));
    } catch (err) {
      this.failure = err instanceof Error ? err.message : String(err);
    }
    input.value = '';
  }

  private async showPanel(panel: Panel) {
    this.panel = panel;
    this.cerfaFor = undefined;
    if (panel === 'cerfa') await this.fillCerfa();
  }

  /** Fills the CERFA from the dossier the wizard holds (pdf-lib arrives only now). */
  private async fillCerfa() {
    const definition = this.preview?.artifact?.definition;
    const data = this.host?.state.data;
    if (!definition || this.cerfaFor === definition) return;
    this.cerfaFor = definition;
    try {
      const { generateCerfa } = await import('@akto/engine/cerfa');
      const result = await generateCerfa(definition, data ?? {}, { draft: true });
      if (this.cerfa?.url) URL.revokeObjectURL(this.cerfa.url);
      const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: 'application/pdf' }));
      this.cerfa = { url, values: result.values, warnings: result.warnings };
    } catch (e) {
      this.cerfa = { values: [], warnings: [], error: e instanceof Error ? e.message : String(e) };
    }
  }

  override render() {
    const folder = this.folder;
    const preview = this.preview;
    const syntax = Object.entries(this.syntax);
    const countOf = (file: string) => preview?.problems.filter((p) => p.file === file).length ?? 0;
    const failing = preview?.samples.filter((s) => !s.ok).length ?? 0;
    return html`
      <header class="toolbar">
        <label>Dispositif intégré
          <select @change=${(e: Event) => this.openChoice((e.target as HTMLSelectElement).value)}>
            ${BUILTIN_IDS.map((id) => html`<option value=${id} ?selected=${folder?.name === id}>${id}</option>`)}
            <option value=${SCAFFOLD} ?selected=${folder?.name === SCAFFOLD}>nouveau dispositif (modèle vierge)</option>
          </select>
        </label>
        <label class="button">Ouvrir un dossier…<input type="file" webkitdirectory multiple @change=${this.onPick} /></label>
        <button type="button" ?disabled=${!folder} @click=${() => this.download()}>Télécharger le dossier (.zip)</button>
        ${folder ? html`<span class="folder">Dossier : <strong>${folder.name}</strong></span>` : nothing}
      </header>
      ${this.failure ? html`<p class="summary bad" role="alert">${this.failure}</p>` : nothing}
      <div class="columns">
        <section class="edit" aria-label="Fichiers du dispositif">
          <nav aria-label="Fichiers">
            <ul>
              ${sortedPaths(folder?.texts ?? {}).map((f) => html`<li><button type="button" aria-current=${f === this.path ? 'true' : 'false'} @click=${() => (this.path = f)}>
                ${f}${this.syntax[f] ? html` <span class="badge bad">JSON</span>` : countOf(f) ? html` <span class="badge bad">${countOf(f)}</span>` : nothing}
              </button></li>`)}
            </ul>
          </nav>
          <akto-json-editor .path=${this.path} .text=${folder?.texts[this.path] ?? ''} .problems=${preview?.problems ?? []} @json-input=${this.onInput}></akto-json-editor>
        </section>
        <section class="preview" aria-label="Aperçu">
          ${syntax.length ? html`<p class="summary bad stale" role="alert">${syntax.map(([f, m]) => `JSON mal formé dans ${f} : ${m}. `)}L'aperçu montre la dernière version lisible.</p>` : nothing}
          ${preview?.compileError ? html`<p class="summary bad" role="alert">La définition ne se compile pas : ${preview.compileError}${preview.artifact ? ' L’assistant montre la dernière version compilée.' : ''}</p>` : nothing}
          <div role="tablist" aria-label="Aperçu">
            ${PANELS.map(([id, label]) => html`<button type="button" role="tab" id="tab-${id}" aria-controls="panel-${id}" aria-selected=${this.panel === id ? 'true' : 'false'} @click=${() => this.showPanel(id)}>
              ${label}${id === 'samples' && failing ? html` <span class="badge bad">${failing}</span>` : id === 'check' && preview?.problems.length ? html` <span class="badge bad">${preview.problems.length}</span>` : nothing}
            </button>`)}
          </div>
          <div role="tabpanel" id="panel-wizard" aria-labelledby="tab-wizard" ?hidden=${this.panel !== 'wizard'}>
            <label>Dossier affiché
              <select @change=${(e: Event) => this.chooseExample((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.example}>Nouveau dossier</option>
                ${Object.keys(preview?.examples ?? {}).map((n) => html`<option value=${n} ?selected=${n === this.example}>examples/${n}</option>`)}
              </select>
            </label>
            <button type="button" @click=${() => this.host?.wizard?.validate()}>Afficher tous les messages</button>
            <div class="wizard-host"></div>
          </div>
          <div role="tabpanel" id="panel-samples" aria-labelledby="tab-samples" class="samples" ?hidden=${this.panel !== 'samples'}>${preview && !preview.compileError ? samplesPanel(preview.samples, (s) => this.showSample(s)) : nothing}</div>
          <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" class="check" ?hidden=${this.panel !== 'check'}>${preview ? checkPanel(preview.problems, (p) => this.openProblem(p)) : nothing}</div>
          <div role="tabpanel" id="panel-cerfa" aria-labelledby="tab-cerfa" class="cerfa" ?hidden=${this.panel !== 'cerfa'}>${this.panel === 'cerfa' ? cerfaPanel(this.cerfa) : nothing}</div>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-definition-designer': AktoDefinitionDesigner;
  }
}
