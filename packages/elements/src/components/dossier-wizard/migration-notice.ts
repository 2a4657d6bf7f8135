/**
 * The notice a wizard shows above the tabs when the draft it opened was saved under an older version
 * of its dispositif: what the upgrade did, and each value it could not carry over (the original draft
 * stays stored until the migrated one is saved).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { MigrationReport } from '@akto/engine';

export function renderMigrationNotice(report: MigrationReport | undefined): TemplateResult | typeof nothing {
  if (!report) return nothing;
  return html`<div part="migration" class="migration" role="status">
    <p>${report.message}</p>
    ${report.lost.length ? html`<ul>${report.lost.map((l) => html`<li>${l.message}</li>`)}</ul>` : nothing}
  </div>`;
}

export const migrationNoticeStyles = css`
  .migration {
    border-left: 4px solid var(--_warning);
    padding: 0.25rem 0.75rem;
    margin: 0.5rem 0 1rem;
  }
  .migration p,
  .migration ul {
    margin: 0.25rem 0;
  }
`;
