/**
 * The error summary (GOV.UK / DSFR pattern) shown at the top of the tab when the user asks to go on
 * (a refused « Suivant ») or to transmit with errors: « Il y a N erreurs à corriger », one link per
 * message, worded as under the field, that opens the tab and moves focus to the field; alerts listed
 * apart as non-blocking. It receives focus when shown so that screen readers read it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DossierEngine, ValidationIssue } from '@akto/engine';
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
