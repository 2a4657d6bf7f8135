/** How the rows show: the table (wide), the cards (narrow), their actions and details, and the pagination. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DossierRecord } from '@akto/engine';
import { icons } from './dossier-list-icons.js';
import { frenchDate, plural, type ListKind, type Row, type RowButton } from './dossier-list-model.js';

/** What the rows read from the list. */
export interface RowsView {
  rows: readonly Row[];
  kind: ListKind;
  /** « brouillon » or « dossier ». */
  noun: string;
  busy: boolean;
  /** Records whose trainees are all shown. */
  expanded: ReadonlySet<string>;
  /** Records whose detail is open. */
  details: ReadonlySet<string>;
  /** Actions some row of the page offers (a row without one keeps its place). */
  offered: ReadonlySet<RowButton>;
  onAction(row: Row, action: RowButton, opener: HTMLElement): void;
  toggleTrainees(id: string): void;
}

function renderFlags(r: DossierRecord): TemplateResult {
  return html`${r.mandatGestion ? html`<span class="flag" role="img" aria-label="Mandat de gestion" title="Mandat de gestion">${icons.mandat}</span>` : nothing}${r.subrogation
    ? html`<span class="flag subrogation" role="img" aria-label="Subrogation de paiement" title="Subrogation de paiement">${icons.subrogation}</span>`
    : nothing}${r.alerte ? html`<span class="flag alerte" role="img" aria-label="Alerte" title="Alerte">${icons.alerte}</span>` : nothing}`;
}

function renderTrainees(v: RowsView, row: Row): TemplateResult | string {
  const [first, ...others] = row.trainees;
  if (!first) return '';
  if (!others.length) return first;
  const open = v.expanded.has(row.record.id);
  return html`<button type="button" class="link trainees" aria-expanded=${open ? 'true' : 'false'} title=${open ? 'Réduire la liste des stagiaires' : 'Afficher tous les stagiaires'} @click=${() => v.toggleTrainees(row.record.id)}>
    ${open ? row.trainees.join(', ') : `${first} + ${others.length}`}
  </button>`;
}

function renderActions(v: RowsView, row: Row): TemplateResult {
  const a = row.actions;
  const what = `${v.noun} ${row.number}`;
  const buttons: [RowButton, string, string][] = [
    ['detail', 'Détail', `Détail du ${what}`],
    ['consulter', 'Consulter', `Consulter le ${what}`],
    ['modifier', 'Modifier', `Modifier le ${what}`],
    ['dupliquer', 'Dupliquer', `Dupliquer le ${what}`],
    ['supprimer', 'Supprimer', `Supprimer le ${what}`],
  ];
  return html`<div part="actions" class="actions" data-id=${row.record.id}>
    ${buttons.map(([action, title, label]) =>
      a[action]
        ? html`<button
            type="button"
            class="icon-button ${action}"
            title=${title}
            aria-label=${label}
            aria-expanded=${action === 'detail' ? (v.details.has(row.record.id) ? 'true' : 'false') : nothing}
            @click=${(e: Event) => v.onAction(row, action, e.currentTarget as HTMLElement)}
          >
            ${icons[action]}
          </button>`
        : v.offered.has(action)
          ? html`<span class="icon-slot" aria-hidden="true"></span>`
          : nothing,
    )}
  </div>`;
}

function renderNumber(v: RowsView, row: Row): TemplateResult | string {
  if (v.kind !== 'dossiers') return row.number;
  return html`<button type="button" class="link" aria-label="Consulter le dossier ${row.number}" @click=${(e: Event) => v.onAction(row, 'consulter', e.currentTarget as HTMLElement)}>${row.number}</button>`;
}

function renderDetail(row: Row): TemplateResult {
  const organismes = row.record.prestataires ?? [];
  return html`<div class="detail">
    <div>
      <strong>Stagiaire(s)</strong>
      ${row.trainees.length ? html`<ul>${row.trainees.map((t) => html`<li>${t}</li>`)}</ul>` : html`<p>-</p>`}
    </div>
    ${organismes.length
      ? html`<div>
          <strong>Organisme(s)</strong>
          <ul>
            ${organismes.map((p) => html`<li>${[p.name, p.entityId].filter(Boolean).join(' - ')}</li>`)}
          </ul>
        </div>`
      : nothing}
  </div>`;
}

export function renderTable(v: RowsView, title: string): TemplateResult {
  const stateHeader = v.kind === 'dossiers' ? 'Statut' : 'État';
  return html`<div class="table-wrap" part="table">
    <table aria-busy=${v.busy ? 'true' : 'false'}>
      <caption class="visually-hidden">
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">N°</th>
          <th scope="col">Disp.</th>
          <th scope="col">Sous disp.</th>
          <th scope="col">Formation</th>
          <th scope="col">Début</th>
          <th scope="col">Fin</th>
          <th scope="col">Entreprise</th>
          <th scope="col">Stagiaire(s)</th>
          <th scope="col">${stateHeader}</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${v.rows.map((row) => {
          const s = row.record.summary ?? { stagiaires: [] };
          return html`<tr part="row">
              <td class="number"><span class="flags">${renderFlags(row.record)}</span>${renderNumber(v, row)}</td>
              <td>${row.code}</td>
              <td>${row.sousLabel}</td>
              <td class="formation"><span class="clamp" title=${row.formation || nothing}>${row.formation}</span></td>
              <td class="date">${frenchDate(s.debut)}</td>
              <td class="date">${frenchDate(s.fin)}</td>
              <td>${s.entreprise ?? ''}</td>
              <td>${renderTrainees(v, row)}</td>
              <td class="state">${row.actions.label}</td>
              <td>${renderActions(v, row)}</td>
            </tr>
            ${v.details.has(row.record.id) ? html`<tr class="detail-row"><td colspan="10">${renderDetail(row)}</td></tr>` : nothing}`;
        })}
      </tbody>
    </table>
  </div>`;
}

export function renderCards(v: RowsView, title: string): TemplateResult {
  return html`<ul class="cards" part="cards" aria-label=${title}>
    ${v.rows.map((row) => {
      const s = row.record.summary ?? { stagiaires: [] };
      return html`<li class="card" part="card">
        <p class="card-head"><span class="flags">${renderFlags(row.record)}</span><strong>${row.code}: ${renderNumber(v, row)}</strong> <span class="state">${row.actions.label}</span></p>
        <p class="card-sub">${row.code} - ${row.sousLabel}</p>
        ${row.formation ? html`<p class="card-formation">${row.formation}</p>` : nothing} ${s.entreprise ? html`<p>${s.entreprise}</p>` : nothing}
        <p class="card-facts">Début: ${frenchDate(s.debut)}, Fin: ${frenchDate(s.fin)}, Stagiaire(s): ${renderTrainees(v, row) || '-'}</p>
        ${v.details.has(row.record.id) ? renderDetail(row) : nothing} ${renderActions(v, row)}
      </li>`;
    })}
  </ul>`;
}

/** Page numbers around the current one, with « … » gaps, and previous/next. */
export function renderPagination(p: number, pages: number, total: number, go: (n: number) => void): TemplateResult {
  const shown = [...new Set([1, p - 1, p, p + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: TemplateResult[] = [];
  shown.forEach((n, i) => {
    const prev = shown[i - 1];
    if (prev !== undefined && n - prev > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
    items.push(
      html`<li>
        <button type="button" class="page" aria-label="Page ${n}" aria-current=${n === p ? 'page' : nothing} @click=${() => go(n)}>${n}</button>
      </li>`,
    );
  });
  return html`<nav part="pagination" aria-label="Pagination">
    <p class="pages">Page ${p} sur ${pages} · ${plural(total, 'résultat')}</p>
    <ul>
      <li>
        <button type="button" class="page" aria-label="Page précédente" title="Page précédente" ?disabled=${p <= 1} @click=${() => go(p - 1)}>${icons.previous}</button>
      </li>
      ${items}
      <li>
        <button type="button" class="page" aria-label="Page suivante" title="Page suivante" ?disabled=${p >= pages} @click=${() => go(p + 1)}>${icons.next}</button>
      </li>
    </ul>
  </nav>`;
}
