/**
 * The top of the wizard: the dispositif reminder (title, sub-dispositif, profile, draft number) and the
 * ARIA tab list with a badge per tab (arrow keys, Home and End move between tabs).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { BADGE_INVALID, getAt, type DossierEngine, type DossierRecord, type Role, type TabSpec, type WizardController } from '@akto/engine';

const ROLE_LABEL: Record<Role, string> = { adherent: 'Adhérent', prestataire: 'Organisme de formation', gestionnaire: 'Gestionnaire' };

/** « Dossier n° 2512CP000100 » once AKTO has the request (it has its dossier number), « Brouillon n° 10645 » before. */
const numberOf = (record: DossierRecord) => (record.kind === 'dossier' && record.numero ? `Dossier n° ${record.numero}` : `Brouillon n° ${record.id}`);

export function renderHeader(engine: DossierEngine, controller: WizardController, profile: Role, record: DossierRecord | undefined): TemplateResult {
  const identity = engine.definition.identity;
  const sd = identity.sousDispositifs.find((s) => s.code === getAt(controller.data, '/sousDispositif'));
  return html`<div part="header">
    <p class="title">${identity.title ?? identity.label}</p>
    <p class="subtitle">${sd?.label ?? identity.label}</p>
    <p class="profile">Profil ${ROLE_LABEL[profile]}${record ? html` · ${numberOf(record)}` : nothing}</p>
  </div>`;
}

export interface TabsView {
  controller: WizardController;
  tabs: TabSpec[];
  current: TabSpec | undefined;
  /** Tabs whose messages are shown: a tab not valid among them is marked ⚠. */
  validated: ReadonlySet<string>;
  select(tab: string): void;
}

export function renderTabs(view: TabsView): TemplateResult {
  const { controller: c, tabs, current } = view;
  const badges = new Map(c.badges().map((b) => [b.id, b]));
  return html`<div part="nav" role="tablist" aria-label="Onglets de la demande">
    ${tabs.map((t, i) => {
      const b = badges.get(t.id);
      const selected = t.id === current?.id;
      const marked = c.context.invalidTabs.includes(t.id) || (view.validated.has(t.id) && !b?.valid);
      return html`<button
        part="tab${selected ? ' selected' : ''}"
        role="tab"
        id="tab-${t.id}"
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${selected ? '0' : '-1'}
        @click=${() => view.select(t.id)}
        @keydown=${(e: KeyboardEvent) => onTabKeydown(e, tabs, i)}
      >
        ${t.title}
        <span class="badge ${b?.valid ? 'ok' : 'ko'}" aria-hidden="true">${b?.valid ? '✓' : marked ? '⚠' : '•'}</span>
        <span class="visually-hidden">(${b?.label ?? BADGE_INVALID})</span>
      </button>`;
    })}
  </div>`;
}

function onTabKeydown(e: KeyboardEvent, tabs: TabSpec[], index: number) {
  const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
  const next = keys[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const target = tabs[(next + tabs.length) % tabs.length];
  const list = (e.currentTarget as HTMLElement).parentElement;
  if (target) list?.querySelector<HTMLElement>(`#tab-${target.id}`)?.focus();
}
