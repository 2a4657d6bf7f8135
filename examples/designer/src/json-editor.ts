/**
 * <akto-json-editor>: CodeMirror 6 on one JSON file of the folder, with completion and inline diagnostics
 * from the file's meta-schema (codemirror-json-schema), JSON syntax errors, and the `check` problems of
 * the file shown at their JSON pointer. Each file keeps its own editor state (undo history) while the
 * folder stays open. Emits `json-input` `{ path, text }` as the user types.
 */
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { forceLinting, linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { CheckProblem } from '@akto/engine/check';
import { basicSetup } from 'codemirror';
import { getJsonPointers, jsonSchema } from 'codemirror-json-schema';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { editorSchemaFor } from './editor-schemas.js';

/** Where a problem's pointer lies in the text: its key and value, else the nearest enclosing one's, else the start. */
function rangeOf(state: EditorState, pointer: string): { from: number; to: number } {
  const pointers = getJsonPointers(state, 'json4');
  let p = pointer;
  for (;;) {
    const at = pointers.get(p);
    if (at) return { from: at.keyFrom, to: 'valueTo' in at ? at.valueTo : at.keyTo };
    if (!p) return { from: 0, to: Math.min(1, state.doc.length) };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

@customElement('akto-json-editor')
export class AktoJsonEditor extends LitElement {
  static override styles = css`
    :host { display: block; border: 1px solid #8a8a8a; min-height: 12rem; }
    .cm-editor { height: 100%; max-height: 75vh; font-size: 0.85rem; }
    .cm-editor.cm-focused { outline: 2px solid #1f4e9c; }
  `;

  /** The file shown, relative to the folder. */
  @property() path = '';
  @property() text = '';
  /** `check` problems of the folder (those of `path` are shown). */
  @property({ attribute: false }) problems: CheckProblem[] = [];

  /** The CodeMirror view (tests and hosts may dispatch changes to it). */
  view?: EditorView;
  private states = new Map<string, EditorState>();

  /** Forgets every file's state (another folder was opened). */
  reset(): void {
    this.states.clear();
    this.view?.setState(this.createState(this.path, this.text));
  }

  private createState(path: string, doc: string): EditorState {
    const schema = editorSchemaFor(path);
    const extensions: Extension[] = [
      basicSetup,
      schema ? jsonSchema(schema) : [json(), linter(jsonParseLinter())],
      linter((view) => this.checkDiagnostics(view, path), { delay: 0 }),
      EditorView.contentAttributes.of({ 'aria-label': `Contenu de ${path}` }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        this.text = u.state.doc.toString();
        this.dispatchEvent(new CustomEvent('json-input', { detail: { path, text: this.text }, bubbles: true, composed: true }));
      }),
    ];
    return EditorState.create({ doc, extensions });
  }

  private checkDiagnostics(view: EditorView, path: string): Diagnostic[] {
    return this.problems
      .filter((p) => p.file === path)
      .map((p) => ({ ...rangeOf(view.state, p.pointer), severity: 'error' as const, source: 'check', message: p.message }));
  }

  private mount(): void {
    const parent = this.renderRoot.querySelector('.host') as HTMLElement;
    this.view = new EditorView({ parent, root: this.shadowRoot ?? document, state: this.createState(this.path, this.text) });
  }

  protected override firstUpdated(): void {
    this.mount();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.view) this.mount();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.view;
    if (!view) return;
    if (changed.has('path') && changed.get('path') !== undefined) {
      this.states.set(changed.get('path') as string, view.state);
      const kept = this.states.get(this.path);
      view.setState(kept && kept.doc.toString() === this.text ? kept : this.createState(this.path, this.text));
    } else if (changed.has('text') && view.state.doc.toString() !== this.text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.text } });
    }
    if (changed.has('problems')) forceLinting(view);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
  }

  override render() {
    return html`<div class="host"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akto-json-editor': AktoJsonEditor;
  }
}
