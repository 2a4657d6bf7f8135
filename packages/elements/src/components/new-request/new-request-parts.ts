/**
 * The texts of `<akto-new-request>` (step questions and « Continuer » messages, as the guides word them)
 * and its stateless templates: the radio group of a step, the search field of the company and
 * establishment steps and its results count.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StepId } from './new-request-model.js';

/** The step questions, as guide 003 words them (the mandat de gestion: guide 004). */
export const STEP_QUESTIONS: Readonly<Record<StepId, string>> = {
  entreprise: 'Quel établissement ou entreprise réalise cette demande?',
  etablissement: 'Quel établissement effectuant la demande?',
  public: 'Quel est le type de public concerné ?',
  dispositif: 'Quel dispositif ?',
  sousDispositif: 'Quel sous-dispositif ?',
  mandat: "Disposez-vous d'un mandat de gestion de l'entreprise ?",
};

/** The message under a step when « Continuer » is pressed with nothing chosen. */
export const MISSING: Readonly<Record<StepId, string>> = {
  entreprise: "Sélectionnez l'entreprise ou l'établissement.",
  etablissement: "Sélectionnez l'établissement.",
  public: 'Sélectionnez le type de public.',
  dispositif: 'Sélectionnez un dispositif.',
  sousDispositif: 'Sélectionnez un sous-dispositif.',
  mandat: 'Indiquez si la saisie est faite sous mandat de gestion.',
};

/** At most this many companies or establishments are listed; the search narrows the rest. */
export const MAX_LISTED = 50;

/** What a template needs from the element. */
export interface PartsContext {
  /** Prefix of the ids inside the panel. */
  baseId: string;
  /** The message shown under the step, if any. */
  error: string;
  /** A draft is being created: the choices are disabled. */
  busy: boolean;
}

export interface RadioItem {
  value: string;
  title: string;
  detail?: string;
}

/** « 3 résultats. », or the notice that only the first ones are listed. */
export function countText(total: number, shown: number): string {
  if (!total) return 'Aucun résultat.';
  const results = `${total} résultat${total > 1 ? 's' : ''}`;
  return shown < total ? `${results} : seuls les ${shown} premiers sont affichés, précisez votre recherche.` : `${results}.`;
}

/** The search field of a step and its live results count. */
export function searchField(
  ctx: PartsContext,
  label: string,
  query: string,
  total: number,
  shown: number,
  onInput: (value: string) => void,
  onKeydown: (e: KeyboardEvent) => void,
): TemplateResult {
  const id = `${ctx.baseId}-search`;
  return html`<div part="search" class="search">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="search"
      autocomplete="off"
      placeholder="Siren, siret ou dénomination..."
      aria-describedby="${ctx.baseId}-count"
      .value=${query}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      @keydown=${onKeydown}
    />
    <p id="${ctx.baseId}-count" class="count" role="status">${countText(total, shown)}</p>
  </div>`;
}

/** The radio group of a step (cards for the dispositifs), labelled by the step's question. */
export function radioGroup(
  ctx: PartsContext,
  name: string,
  items: readonly RadioItem[],
  selected: string | undefined,
  onChoose: (value: string) => void,
  cards = false,
): TemplateResult {
  const describedBy = ctx.error ? `${ctx.baseId}-error` : nothing;
  return html`<div
    part="choices"
    class="choices ${cards ? 'cards' : ''}"
    role="radiogroup"
    aria-labelledby="${ctx.baseId}-question"
    aria-required="true"
    aria-invalid=${ctx.error && !selected ? 'true' : 'false'}
    aria-describedby=${describedBy}
  >
    ${items.map((item, i) => {
      const id = `${ctx.baseId}-${name}-${i}`;
      const checked = item.value === selected;
      return html`<label part="choice${cards ? ' card' : ''}${checked ? ' selected' : ''}" class="choice ${checked ? 'selected' : ''}" for=${id}>
        <input
          type="radio"
          id=${id}
          name="${ctx.baseId}-${name}"
          .value=${item.value}
          .checked=${checked}
          ?disabled=${ctx.busy}
          aria-describedby=${item.detail ? `${id}-detail` : nothing}
          @change=${() => onChoose(item.value)}
        />
        <span class="choice-text">
          <span class="choice-title">${item.title}</span>
          ${item.detail ? html`<span class="choice-detail" id="${id}-detail">${item.detail}</span>` : nothing}
        </span>
      </label>`;
    })}
  </div>`;
}
