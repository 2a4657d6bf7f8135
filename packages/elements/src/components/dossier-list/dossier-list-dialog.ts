/** The list's dialogs: delete a draft, duplicate it (tabs, sous-dispositif), name a saved search. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Dialog } from './dossier-list-model.js';

/** What the dialogs read from the list and call back. */
export interface DialogView {
  dialog: Dialog | null;
  /** Prefix of the ids in the list's shadow root. */
  uid: string;
  /** « brouillon » or « dossier ». */
  noun: string;
  setDialog(dialog: Dialog): void;
  closeDialog(): void;
  confirmDelete(): Promise<void>;
  confirmDuplicate(): Promise<void>;
  saveSearch(): Promise<void>;
}

export function renderDialog(v: DialogView): TemplateResult {
  const d = v.dialog;
  const titleId = `${v.uid}-dialog-title`;
  let body: TemplateResult | typeof nothing = nothing;
  if (d?.kind === 'delete') {
    body = html`<h2 id=${titleId}>Supprimer le ${v.noun} n° ${d.row.number}</h2>
      <p>Voulez-vous vraiment supprimer le ${v.noun} n° ${d.row.number} ? Un brouillon supprimé ne peut plus être repris.</p>
      <div class="dialog-actions">
        <button class="secondary" type="button" @click=${() => v.closeDialog()}>Annuler</button>
        <button class="action danger" type="button" ?disabled=${d.busy} @click=${() => void v.confirmDelete()}>Supprimer</button>
      </div>`;
  } else if (d?.kind === 'duplicate') {
    body = html`<h2 id=${titleId}>Dupliquer une demande</h2>
      <fieldset>
        <legend>Quels sont les onglets à dupliquer ?</legend>
        ${d.tabs.map(
          (t) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="tab"
                value=${t.value}
                .checked=${d.chosen.has(t.value)}
                @change=${(e: Event) => {
                  const chosen = new Set(d.chosen);
                  if ((e.target as HTMLInputElement).checked) chosen.add(t.value);
                  else chosen.delete(t.value);
                  v.setDialog({ ...d, chosen });
                }}
              /><span>${t.label}</span></label
            >`,
        )}
      </fieldset>
      <label class="field"
        >Sous-dispositif
        <select @change=${(e: Event) => v.setDialog({ ...d, sous: (e.target as HTMLSelectElement).value })}>
          ${d.sousDispositifs.map((s) => html`<option value=${s.value} ?selected=${s.value === d.sous}>${s.label}</option>`)}
        </select>
      </label>
      <div class="dialog-actions">
        <button class="secondary" type="button" @click=${() => v.closeDialog()}>Annuler</button>
        <button class="action" type="button" ?disabled=${d.busy} @click=${() => void v.confirmDuplicate()}>Continuer</button>
      </div>`;
  } else if (d?.kind === 'save') {
    body = html`<h2 id=${titleId}>Sauvegarder les filtres</h2>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void v.saveSearch();
        }}
      >
        <label class="field" for="save-name">Nom de l'accès rapide</label>
        <input
          id="save-name"
          type="text"
          aria-required="true"
          aria-invalid=${d.error ? 'true' : 'false'}
          aria-describedby=${d.error ? 'save-error' : nothing}
          .value=${d.name}
          @input=${(e: Event) => v.setDialog({ ...d, name: (e.target as HTMLInputElement).value, error: '' })}
        />
        ${d.error ? html`<p id="save-error" class="field-error" role="alert">${d.error}</p>` : nothing}
        <div class="dialog-actions">
          <button class="secondary" type="button" @click=${() => v.closeDialog()}>Annuler</button>
          <button class="action" type="submit">Enregistrer</button>
        </div>
      </form>`;
  }
  return html`<dialog
    aria-labelledby=${titleId}
    @cancel=${(e: Event) => {
      e.preventDefault();
      v.closeDialog();
    }}
  >
    ${body}
  </dialog>`;
}
