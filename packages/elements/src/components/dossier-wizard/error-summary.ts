/**
 * The error summary (GOV.UK / DSFR pattern) shown at the top of the tab when the user asks to go on
 * (a refused « Suivant ») or to transmit with errors: « Il y a N erreurs à corriger », one link per
 * message, worded as under the field, that opens the tab and moves focus to the field; alerts listed
 * apart as non-blocking. It receives focus when shown so that screen readers read it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DossierEngine, ValidationIssue, ValidationResult } from '@akto/engine';
import type { FieldMessages } from './wizard-types.js';

/** The messages shown under the fields, with the issue of each: the first error, else the first alert. */
export interface ShownIssues {
  messages: FieldMessages;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

/** Groups issues as the fields show them: one message per field, an alert only where there is no error. */
export function shownIssues(issues: ValidationIssue[], shown: (issue: ValidationIssue) => boolean): ShownIssues {
  const messages: FieldMessages = new Map();
  const errors = new Map<string, ValidationIssue>();
  const warnings = new Map<string, ValidationIssue>();
  for (const i of issues) {
    if (!shown(i)) continue;
    const m = messages.get(i.path) ?? {};
    if (i.severity === 'error') {
      m.error ??= i.message;
      if (!errors.has(i.path)) errors.set(i.path, i);
    } else {
      m.warning ??= i.message;
      if (!warnings.has(i.path)) warnings.set(i.path, i);
    }
    messages.set(i.path, m);
  }
  return { messages, errors: [...errors.values()], warnings: [...warnings.values()].filter((w) => !errors.has(w.path)) };
}

export const errorCount = (n: number) => `Il y a ${n} ${n > 1 ? 'erreurs' : 'erreur'} à corriger`;
export const warningCount = (n: number) => `${n} ${n > 1 ? 'alertes non bloquantes' : 'alerte non bloquante'}`;

export interface SummaryView {
  engine: DossierEngine;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  /** Opens the issue's tab and focuses its field. */
  select(issue: ValidationIssue): void;
}

export function renderErrorSummary(view: SummaryView): TemplateResult | typeof nothing {
  if (!view.errors.length) return nothing;
  const titles = new Map(view.engine.definition.layout.tabs.map((t) => [t.id, t.title]));
  const item = (i: ValidationIssue) => {
    const label = view.engine.layout.field(i.path)?.schema?.title;
    const where = [titles.get(i.tab ?? ''), label].filter(Boolean).join(' — ');
    return html`<li>
      <a href="#" data-path=${i.path} @click=${(e: Event) => (e.preventDefault(), view.select(i))}
        >${where ? html`<span class="where">${where} : </span>` : nothing}<span class="message">${i.message}</span></a
      >
    </li>`;
  };
  return html`<div part="summary" class="error-summary" tabindex="-1" aria-labelledby="summary-title">
    <h2 id="summary-title">${errorCount(view.errors.length)}</h2>
    <p><strong>Saisie Invalide</strong> — Merci de bien vouloir corriger les erreurs suivantes :</p>
    <ul class="errors">
      ${view.errors.map(item)}
    </ul>
    ${view.warnings.length
      ? html`<h3 id="summary-warnings">${warningCount(view.warnings.length)}</h3>
          <ul class="warnings" aria-labelledby="summary-warnings">
            ${view.warnings.map(item)}
          </ul>`
      : nothing}
  </div>`;
}

/** What the summary reads from the wizard: the current result and which messages are shown. */
export interface SummarySource {
  result: ValidationResult;
  /** Issues of the host's asynchronous checks. */
  asyncIssues: ValidationIssue[];
  /** Tabs whose messages are shown. */
  validated: ReadonlySet<string>;
}

/**
 * When and what the summary shows: every tab after Transmettre, one tab after a refused Suivant; it
 * follows the corrections and goes once its errors are all fixed.
 */
export class ErrorSummary implements ReactiveController {
  private scope: { all: true } | { tab: string } | null = null;
  /** Errors the service returned on transmission that the local validation does not show. */
  private extra: ValidationIssue[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly source: () => SummarySource | undefined,
  ) {
    host.addController(this);
  }

  /** Before each render: every error of the summary fixed, it goes. */
  hostUpdate(): void {
    if (this.scope && !this.issues().errors.length) this.scope = null;
  }

  /** The messages the fields show, and those the summary lists (within its scope). */
  issues(): { messages: FieldMessages; errors: ValidationIssue[]; warnings: ValidationIssue[] } {
    const s = this.source();
    if (!s) return { messages: new Map(), errors: [], warnings: [] };
    const shown = shownIssues([...s.result.errors, ...this.extra, ...s.result.warnings, ...s.asyncIssues], (i) => i.phase === 'saisie' || !!(i.tab && s.validated.has(i.tab)));
    const scope = this.scope;
    const inScope = (i: ValidationIssue) => !!scope && ('all' in scope || i.tab === scope.tab);
    return { messages: shown.messages, errors: shown.errors.filter(inScope), warnings: shown.warnings.filter(inScope) };
  }

  /** Transmettre refused: every error, with those only the service found. */
  showAll(result: ValidationResult): void {
    const s = this.source();
    const local = new Set((s?.result.errors ?? []).map((i) => `${i.path} ${i.message}`));
    this.extra = result.errors.filter((i) => !local.has(`${i.path} ${i.message}`) && !s?.asyncIssues.includes(i));
    this.scope = { all: true };
    this.host.requestUpdate();
    void this.focus();
  }

  /** « Suivant » (or a tab) refused: the errors of the tab left; true when there are some (the summary has focus). */
  refused(from: string): boolean {
    if (!this.scope || !('all' in this.scope)) this.scope = { tab: from };
    const shown = this.issues().errors.length > 0;
    if (shown) void this.focus();
    this.host.requestUpdate();
    return shown;
  }

  /** Another tab is shown: a summary of the tab left goes. */
  navigated(): void {
    if (this.scope && !('all' in this.scope)) this.scope = null;
  }

  /** A field changed: an error only the service found there is no longer known to hold. */
  edited(pointer: string): void {
    if (this.extra.length) this.extra = this.extra.filter((i) => i.path !== pointer);
  }

  reset(): void {
    this.scope = null;
    this.extra = [];
  }

  private async focus(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
  }
}
