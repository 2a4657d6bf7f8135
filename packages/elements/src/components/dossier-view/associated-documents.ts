/**
 * The two tabs of a dossier's page (guide 000: « Détails », « Documents associés ») and the letters AKTO
 * attaches to the dossier (accord de prise en charge, refus, relance: FAQ « Où consulter les courriers… »).
 * The back office writes them on the record (`documentsAssocies`); this view only reads them.
 */
import { css, html, type TemplateResult } from 'lit';
import type { AssociatedDocument } from '@akto/engine';
import { formatDay } from './dossier-view-model.js';

export type ViewTab = 'details' | 'documents-associes';

const TABS: readonly { id: ViewTab; label: string }[] = [
  { id: 'details', label: 'Détails' },
  { id: 'documents-associes', label: 'Documents associés' },
];

const LETTERS: Readonly<Record<string, string>> = {
  accord: "Courrier d'accord de prise en charge",
  refus: 'Courrier de refus',
  relance: 'Courrier de relance',
};

const COLUMNS = ['Nature du document', 'Fichier', 'Date'] as const;

/** The label of a letter's type (the back office's own word for another kind). */
export const letterLabel = (type: string) => LETTERS[type] ?? type;

/** Only web addresses are links: a `javascript:` URL written by anyone is shown as text. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderViewTabs(baseId: string, current: ViewTab, select: (tab: ViewTab) => void): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = TABS[(TABS.findIndex((t) => t.id === current) + 1) % TABS.length] as (typeof TABS)[number];
    select(next.id);
    const list = (e.currentTarget as HTMLElement).parentElement;
    void Promise.resolve().then(() => list?.querySelector<HTMLElement>(`#${baseId}-tab-${next.id}`)?.focus());
  };
  return html`<div part="tabs" class="view-tabs" role="tablist" aria-label="Pages du dossier">
    ${TABS.map(
      (t) => html`<button
        type="button"
        role="tab"
        id="${baseId}-tab-${t.id}"
        aria-selected=${t.id === current ? 'true' : 'false'}
        aria-controls="${baseId}-panel"
        tabindex=${t.id === current ? '0' : '-1'}
        @click=${() => select(t.id)}
        @keydown=${onKey}
      >
        ${t.label}
      </button>`,
    )}
  </div>`;
}

export function renderAssociatedDocuments(baseId: string, level: number, documents: readonly AssociatedDocument[] | undefined): TemplateResult {
  const list = (Array.isArray(documents) ? documents : []).filter((d) => d && typeof d.nom === 'string');
  return html`<section part="section documents-associes" aria-labelledby="${baseId}-associes">
    <div role="heading" aria-level=${level} class="section-title" id="${baseId}-associes">Documents associés (${list.length})</div>
    ${list.length
      ? html`<div class="scroll" role="region" tabindex="0" aria-label="Tableau des documents associés">
          <table class="cards" role="table">
            <thead role="rowgroup">
              <tr role="row">${COLUMNS.map((c) => html`<th scope="col" role="columnheader">${c}</th>`)}</tr>
            </thead>
            <tbody role="rowgroup">
              ${list.map((d) => {
                const url = safeUrl(d.url);
                return html`<tr role="row">
                  <td role="cell" data-label=${COLUMNS[0]}>${letterLabel(String(d.type ?? ''))}</td>
                  <td role="cell" data-label=${COLUMNS[1]} class="file-name">${url ? html`<a href=${url} target="_blank" rel="noopener">${d.nom}</a>` : d.nom}</td>
                  <td role="cell" data-label=${COLUMNS[2]}>${formatDay(d.date)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`
      : html`<p class="empty">Aucun document associé à ce dossier : les courriers d'AKTO (accord de prise en charge, refus, relance) apparaîtront ici.</p>`}
  </section>`;
}

export const viewTabsStyles = css`
  .view-tabs {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_readonly);
    margin: 1rem 0;
  }
  .view-tabs [role='tab'] {
    font: inherit;
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    padding: 0.6rem 1rem;
    min-height: 2.75rem;
    cursor: pointer;
    color: var(--_muted);
  }
  .view-tabs [role='tab'][aria-selected='true'] {
    color: var(--_primary);
    border-bottom-color: var(--_primary);
    font-weight: 700;
  }
  .view-tabs [role='tab']:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
`;
