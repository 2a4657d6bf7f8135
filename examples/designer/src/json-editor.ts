/**
 * <akto-json-editor>: CodeMirror 6 on one JSON file of the folder, with completion and inline diagnostics
 * from the file's meta-schema (codemirror-json-schema), JSON syntax errors, and the `check` problems of
 * the file shown at their JSON pointer. Each file keeps its own editor state (undo history) while the
 * folder stays open. Emits `json-input` `{ path, text }` as the user types.
 */
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { forceLinting, linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { parsePointer } from '@akto/engine';
import type { CheckProblem } from '@akto/engine/check';
import type { SyntaxNode } from '@lezer/common';
import { disableErrorLogging } from 'best-effort-json-parser';
import { basicSetup } from 'codemirror';
import { jsonSchema } from 'codemirror-json-schema';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { editorSchemaFor } from './editor-schemas.js';

// The completion parses the text being typed, unfinished by nature: its parser would log each attempt.
disableErrorLogging();

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
const valuesIn = (node: SyntaxNode) => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (VALUES.has(c.name)) out.push(c);
  return out;
};

/** The value a JSON pointer designates in the text (lezer's JSON tree), or null. */
function valueAt(state: EditorState, pointer: string): SyntaxNode | null {
  // The whole text parsed (CodeMirror parses lazily, around the viewport), within 200 ms.
  const tree = ensureSyntaxTree(state, state.doc.length, 200) ?? syntaxTree(state);
  let node: SyntaxNode | null = valuesIn(tree.topNode)[0] ?? null;
  for (const key of parsePointer(pointer)) {
    if (node?.name === 'Array') node = valuesIn(node)[Number(key)] ?? null;
    else if (node?.name === 'Object') {
      const property: SyntaxNode | undefined = node.getChildren('Property').find((p) => {
        const name = p.getChild('PropertyName');
        try {
          return !!name && JSON.parse(state.sliceDoc(name.from, name.to)) === key;
        } catch {
          return false;
        }
      });
      node = property ? (valuesIn(property)[0] ?? null) : null;
    } else return null;
  }
  return node;
}

/** Where a problem's pointer lies in the text: its value, else the nearest enclosing one's, else the start. */
function rangeOf(state: EditorState, pointer: string): { from: number; to: number } {
  let p = pointer;
  for (;;) {
    const node = valueAt(state, p);
    if (node) return { from: node.from, to: node.to };
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

  /** Selects and scrolls to what `pointer` designates in the file shown (a `check` problem). */
  async reveal(pointer: string): Promise<void> {
    await this.updateComplete;
    const view = this.view;
    if (!view) return;
    const { from, to } = rangeOf(view.state, pointer);
    view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
    view.focus();
  }

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
