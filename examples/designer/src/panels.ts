/** The designer's preview panels as render functions: rule samples, `check` problems, CERFA values. */
import type { CerfaValue } from '@akto/engine/cerfa';
import { formatProblem, type CheckProblem, type SampleOutcome } from '@akto/engine/check';
import { html, nothing, type TemplateResult } from 'lit';

const sampleName = (s: SampleOutcome) => `${s.kind === 'fail' ? 'Exemple en échec' : 'Exemple valide'} n°${s.index + 1}`;

function outcome(s: SampleOutcome): string {
  if (s.kind === 'fail') return s.ok ? 'déclenche la règle, comme attendu' : 'ne déclenche pas la règle : corrigez l’exemple ou la règle';
  return s.ok ? 'ne déclenche pas la règle, comme attendu' : 'déclenche la règle : corrigez l’exemple ou la règle';
}

/** Every rule with its samples, each marked « conforme » or « en défaut », and a button to show it in the wizard. */
export function samplesPanel(samples: SampleOutcome[], show: (s: SampleOutcome) => void): TemplateResult {
  const failing = samples.filter((s) => !s.ok).length;
  const rules = [...new Map(samples.map((s) => [s.rule.id, s.rule])).values()];
  return html`
    <p class="summary ${failing ? 'bad' : 'good'}" role="status">
      ${failing ? `${failing} exemple(s) en défaut sur ${samples.length}.` : `Les ${samples.length} exemples des ${rules.length} règles sont conformes.`}
    </p>
    ${rules.map((rule) => {
      const own = samples.filter((s) => s.rule === rule);
      return html`<section class="rule" data-rule=${rule.id}>
        <h3>${rule.id} <small>${rule.severity === 'error' ? 'erreur' : 'alerte'}</small></h3>
        <p class="message">${rule.message}</p>
        <ul>
          ${own.map(
            (s) => html`<li class="sample ${s.ok ? 'pass' : 'fail'}" data-kind=${s.kind} data-index=${s.index}>
              <span class="mark" aria-hidden="true">${s.ok ? '✓' : '✗'}</span>
              <span><strong>${sampleName(s)}</strong> : <span class="outcome">${outcome(s)}</span>${s.ok ? nothing : html` <em class="verdict">(en défaut)</em>`}</span>
              <button type="button" class="link" @click=${() => show(s)}>Afficher dans l’assistant</button>
            </li>`,
          )}
        </ul>
      </section>`;
    })}
  `;
}

/** The `check` problems as `file#pointer : message`, each opening its file. */
export function checkPanel(problems: CheckProblem[], open: (p: CheckProblem) => void): TemplateResult {
  if (!problems.length) return html`<p class="summary good" role="status">Aucun problème : la définition est conforme.</p>`;
  return html`<p class="summary bad" role="status">${problems.length} problème(s).</p>
    <ul class="problems">
      ${problems.map((p) => html`<li><button type="button" class="link" @click=${() => open(p)}>${formatProblem(p)}</button></li>`)}
    </ul>`;
}

export interface CerfaView {
  url?: string;
  values: CerfaValue[];
  warnings: string[];
  error?: string;
}

/** The CERFA filled from the dossier shown in the wizard: the PDF, and the fields with their values. */
export function cerfaPanel(cerfa: CerfaView | undefined): TemplateResult {
  if (!cerfa) return html`<p>Génération du CERFA…</p>`;
  if (cerfa.error) return html`<p class="summary bad" role="alert">Le CERFA n'a pas pu être généré : ${cerfa.error}</p>`;
  const filled = cerfa.values.filter((v) => v.value !== '' && v.value !== false);
  return html`
    ${cerfa.warnings.length ? html`<ul class="warnings">${cerfa.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
    ${cerfa.url ? html`<p><a href=${cerfa.url} target="_blank" rel="noopener">Ouvrir le CERFA prérempli (PDF)</a></p><iframe title="CERFA prérempli" src=${cerfa.url}></iframe>` : nothing}
    <table class="cerfa-values">
      <caption>${filled.length} champ(s) rempli(s) sur ${cerfa.values.length}</caption>
      <thead><tr><th scope="col">Champ</th><th scope="col">Nom dans le PDF</th><th scope="col">Valeur</th></tr></thead>
      <tbody>
        ${filled.map((v) => html`<tr><td>${v.label}</td><td><code>${v.name}</code></td><td>${v.kind === 'checkbox' ? 'coché' : String(v.value)}</td></tr>`)}
      </tbody>
    </table>
  `;
}
