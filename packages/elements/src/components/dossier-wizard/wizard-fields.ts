/**
 * The body of a tab: introduction, recap (Synthèse), sections with their fields, and repeated sections
 * (Ajouter / Supprimer). Pure rendering: the wizard passes what it shows and the callbacks it handles.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { getAt, type DossierEngine, type FieldEntry, type Role, type SectionSpec, type TabSpec, type WizardController } from '@akto/engine';
import { fieldTag, textKind } from '../../internal/field-registry.js';
import { displayValue } from '../../internal/display.js';
import type { FieldMessages, WizardProviders } from './wizard-types.js';

export interface FieldsView {
  engine: DossierEngine;
  controller: WizardController;
  profile: Role;
  today: string | undefined;
  providers: WizardProviders;
  messages: FieldMessages;
  /** Nothing is editable (read-only wizard, or a sent dossier). */
  readonly: boolean;
  /** The data changed here (an item added or removed, a reference chosen). */
  edited(): void;
}

function addItem(view: FieldsView, repeat: string) {
  const items = getAt(view.controller.data, repeat);
  view.controller.set(repeat, [...(Array.isArray(items) ? items : []), {}]);
  view.edited();
}

function removeItem(view: FieldsView, repeat: string, index: number) {
  const items = getAt(view.controller.data, repeat);
  if (!Array.isArray(items)) return;
  view.controller.set(repeat, items.filter((_, i) => i !== index));
  view.edited();
}

/** A reference chosen in an autocomplete (établissement, organisme…) fills the fields the dispositif maps to it. */
function onAutocompleteSelect(view: FieldsView, e: CustomEvent<{ option: { record?: Record<string, unknown> } }>, entry: FieldEntry, pointer: string) {
  const kind = entry.spec.autocomplete;
  const record = e.detail?.option?.record;
  const mapping = kind ? view.engine.definition.identity.references?.[kind] : undefined;
  if (!record || !mapping) return;
  const index = entry.repeat ? Number(pointer.split('/')[entry.repeat.split('/').length]) : undefined;
  for (const [pattern, property] of Object.entries(mapping)) {
    const target = index === undefined ? pattern : pattern.replace('/*/', `/${index}/`);
    const value = record[property];
    view.controller.set(target, value === null || value === '' ? undefined : value);
  }
  view.edited();
}

export function renderIntro(engine: DossierEngine): TemplateResult {
  const intro = engine.definition.identity.introduction;
  return html`<div class="intro">
    ${intro.text.map((p) => html`<p>${p}</p>`)}
    ${intro.links.length ? html`<ul>${intro.links.map((l) => html`<li><a href=${l.href} target="_blank" rel="noopener noreferrer">${l.label}</a></li>`)}</ul>` : nothing}
  </div>`;
}

export function renderRecap(view: FieldsView, tabs: TabSpec[]): TemplateResult {
  const { engine } = view;
  const data = view.controller.data;
  const ctx = engine.context(data, view.profile, view.today);
  return html`<div class="recap">
    ${tabs
      .filter((t) => !t.kind || t.kind === 'form')
      .map((t) => {
        const rows = engine.layout.fields
          .filter((f) => f.tab.id === t.id && !f.repeat && f.spec.widget !== 'documents' && engine.layout.isVisible(f, ctx))
          .map((f) => [f.schema?.title ?? f.pattern, displayValue(getAt(data, f.pattern), f.schema, engine.definition.lists)] as const)
          .filter(([, v]) => v !== '');
        return rows.length
          ? html`<h3>${t.title}</h3>
              <dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`
          : nothing;
      })}
  </div>`;
}

export function renderSection(view: FieldsView, section: SectionSpec): TemplateResult | typeof nothing {
  const { engine, messages, readonly } = view;
  const c = view.controller;
  const ctx = engine.context(c.data, view.profile, view.today);
  const entries = section.fields.map((f) => engine.layout.field(f.field)).filter((e): e is FieldEntry => !!e);
  if (section.repeat) {
    const items = getAt(c.data, section.repeat);
    const list = Array.isArray(items) ? items : [];
    const repeat = section.repeat;
    const max = section.max ?? Infinity;
    const error = messages.get(repeat)?.error;
    const warning = messages.get(repeat)?.warning;
    if (!engine.layout.roleSees({ roles: section.roles }, view.profile)) return nothing;
    return html`<h3>${section.title ?? ''}</h3>
      ${section.help ? html`<p class="notice">${section.help}</p>` : nothing}
      ${list.map(
        (_, i) => html`<fieldset class="item">
          <legend>${section.itemTitle ?? section.title ?? 'Élément'} ${i + 1}</legend>
          <div class="grid">${entries.map((e) => renderField(view, e, e.pattern.replace('/*/', `/${i}/`), { ...ctx, bind: { array: repeat, index: i } }))}</div>
          ${readonly
            ? nothing
            : html`<button class="link" type="button" @click=${() => removeItem(view, repeat, i)}>Supprimer<span class="visually-hidden"> ${section.itemTitle ?? ''} ${i + 1}</span></button>`}
        </fieldset>`,
      )}
      ${error
        ? html`<p class="notice repeat-error" role="alert">${error}</p>`
        : warning
          ? html`<p class="notice repeat-warning" role="status">${warning}</p>`
          : nothing}
      ${readonly || list.length >= max ? nothing : html`<button class="secondary" type="button" @click=${() => addItem(view, repeat)}>${section.addLabel ?? 'Ajouter'}</button>`}`;
  }
  const visible = entries.filter((e) => engine.layout.isVisible(e, ctx));
  if (!visible.length) return nothing;
  return html`${section.title ? html`<h3>${section.title}</h3>` : nothing}${section.help ? html`<p class="notice">${section.help}</p>` : nothing}
    <div class="grid">${visible.map((e) => renderField(view, e, e.pattern, ctx))}</div>`;
}

function renderField(view: FieldsView, entry: FieldEntry, pointer: string, ctx: ReturnType<DossierEngine['context']>): TemplateResult | typeof nothing {
  const { engine } = view;
  if (!engine.layout.isVisible(entry, ctx)) return nothing;
  const schema = entry.schema ?? {};
  const value = getAt(ctx.data, pointer);
  const m = view.messages.get(pointer) ?? {};
  const common = {
    label: schema.title ?? pointer,
    hint: typeof schema.description === 'string' ? schema.description : '',
    example: Array.isArray(schema.examples) && schema.examples.length ? String(schema.examples[0]) : '',
    required: engine.layout.isRequired(entry, ctx),
    readonly: view.readonly || !!entry.spec.readOnly,
    error: m.error ?? '',
    warning: m.error ? '' : (m.warning ?? ''),
  };
  const invalid = m.error ? '' : undefined;
  const tag = fieldTag(entry, schema);
  switch (tag) {
    case 'akto-documents':
      return html`<akto-documents class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .spec=${engine.definition.documents} .value=${value ?? []}
        .upload=${view.providers.upload} ?readonly=${common.readonly} .error=${common.error}></akto-documents>`;
    case 'akto-field-checkbox':
      return html`<akto-field-checkbox class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-checkbox>`;
    case 'akto-field-textarea':
      return html`<akto-field-textarea class="wide" name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
        .maxlength=${schema.maxLength}></akto-field-textarea>`;
    case 'akto-field-radio':
      return html`<akto-field-radio name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-radio>`;
    case 'akto-field-date':
      return html`<akto-field-date name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}></akto-field-date>`;
    case 'akto-field-select': {
      const listId = schema['x-codeList'];
      const options = typeof listId === 'string' ? (engine.definition.lists[listId]?.entries ?? []) : (schema.enum ?? []).map((v) => ({ code: String(v), label: String(v) }));
      return html`<akto-field-select name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
        .options=${options} ?show-code=${listId === 'diplomes'}></akto-field-select>`;
    }
    case 'akto-field-autocomplete':
      return html`<akto-field-autocomplete name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
        .search=${view.providers.search?.[entry.spec.autocomplete ?? '']} create-label=${entry.spec.autocomplete === 'etablissement' || entry.spec.autocomplete === 'organisme' ? 'Nouvel établissement' : nothing}
        @autocomplete-select=${(e: CustomEvent<{ option: { record?: Record<string, unknown> } }>) => onAutocompleteSelect(view, e, entry, pointer)}></akto-field-autocomplete>`;
    default:
      return html`<akto-field-text name=${pointer} data-invalid=${invalid ?? nothing} .label=${common.label} .hint=${common.hint} .example=${common.example}
        ?required=${common.required} ?readonly=${common.readonly} .error=${common.error} .warning=${common.warning} .value=${value}
        .kind=${textKind(entry, schema)} ?integer=${schema.type === 'integer'} .maxlength=${schema.maxLength}
        .unit=${typeof schema['x-unit'] === 'string' ? schema['x-unit'] : ''}></akto-field-text>`;
  }
}

/** The current tab: its title, Précédent / Suivant, the required notice and its body. */
export function renderPanel(view: FieldsView, tabs: TabSpec[], current: TabSpec, on: { onField(e: Event): void; nav(type: 'step.back' | 'step.next'): void }): TemplateResult {
  return html`<section part="panel" id="panel" role="tabpanel" aria-labelledby="tab-${current.id}" @input=${on.onField} @change=${on.onField}>
    <div class="panel-head">
      <h2>${current.title}</h2>
      <div class="steps">
        <button class="secondary" type="button" @click=${() => on.nav('step.back')}>&lt; Précédent</button>
        <button class="secondary" type="button" @click=${() => on.nav('step.next')}>Suivant &gt;</button>
      </div>
    </div>
    ${current.kind === 'introduction' ? renderIntro(view.engine) : nothing}
    <p class="notice"><span class="asterisk" aria-hidden="true">⚠</span> Les champs avec * sont obligatoires.</p>
    ${current.kind === 'synthese' ? renderRecap(view, tabs) : nothing}
    ${current.sections.map((s) => renderSection(view, s))}
  </section>`;
}
