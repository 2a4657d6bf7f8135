import { fixture, html, expect, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import './field-autocomplete.js';
import type { AktoFieldAutocomplete, AutocompleteOption, AutocompleteSearch } from './field-autocomplete.js';

const ETABLISSEMENTS: AutocompleteOption[] = [
  {
    value: '40101593800033',
    label: 'HUMANIS VILLEURBANNE',
    detail: 'SIRET 40101593800033 · VILLEURBANNE',
    record: { siret: '40101593800033', voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE', naf: '7820Z' },
  },
  { value: '40101593800041', label: 'HUMANIS LYON', detail: 'SIRET 40101593800041 · LYON', record: { siret: '40101593800041', commune: 'LYON' } },
  { value: '55210055400013', label: 'HUMBERT ÉLECTRICITÉ', detail: 'SIRET 55210055400013 · PARIS', record: { siret: '55210055400013', commune: 'PARIS' } },
];

/** A provider that records its calls and answers from ETABLISSEMENTS (accents ignored). */
function provider(list: AutocompleteOption[] = ETABLISSEMENTS): AutocompleteSearch & { calls: string[] } {
  const calls: string[] = [];
  const norm = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const fn = async (query: string) => {
    calls.push(query);
    return list.filter((o) => norm(`${o.label} ${o.detail ?? ''}`).includes(norm(query)));
  };
  return Object.assign(fn, { calls });
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function render(search: AutocompleteSearch | undefined, extra: { createLabel?: string; debounce?: number } = {}): Promise<AktoFieldAutocomplete> {
  return fixture<AktoFieldAutocomplete>(html`<akto-field-autocomplete
    label="Établissement"
    name="/employeur/etablissement"
    example="raison sociale, SIRET ou ville"
    required
    .search=${search}
    .debounce=${extra.debounce ?? 0}
    create-label=${extra.createLabel ?? ''}
  ></akto-field-autocomplete>`);
}

const root = (el: AktoFieldAutocomplete) => el.shadowRoot!;
const input = (el: AktoFieldAutocomplete) => root(el).querySelector<HTMLInputElement>('input')!;
const listbox = (el: AktoFieldAutocomplete) => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
const popup = (el: AktoFieldAutocomplete) => root(el).querySelector<HTMLElement>('[part="popup"]')!;
const options = (el: AktoFieldAutocomplete) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const optionTexts = (el: AktoFieldAutocomplete) => options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const status = (el: AktoFieldAutocomplete) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const popupMessage = (el: AktoFieldAutocomplete) => root(el).querySelector('[part="popup-message"]')?.textContent?.trim();
const expanded = (el: AktoFieldAutocomplete) => input(el).getAttribute('aria-expanded') === 'true';
const activeText = (el: AktoFieldAutocomplete) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() : undefined;
};

async function type(el: AktoFieldAutocomplete, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: AktoFieldAutocomplete, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}

async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Waits until the list shows options (or a message) after a search. */
async function settled(el: AktoFieldAutocomplete): Promise<void> {
  await waitUntil(() => status(el) !== '', 'no answer announced', { timeout: 2000 });
  await el.updateComplete;
}

describe('<akto-field-autocomplete>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible, closed and open', async () => {
    const el = await render(provider(), { createLabel: 'Nouvel établissement' });
    await expect(el).to.be.accessible();
    await type(el, 'hum');
    await settled(el);
    expect(expanded(el)).to.be.true;
    await press(el, 'ArrowDown');
    await expect(el).to.be.accessible();
  });

  it('is accessible with a message in the list and with an error under the field', async () => {
    const el = await render(async () => []);
    el.error = 'Saisie obligatoire';
    await type(el, 'zz');
    await settled(el);
    expect(popupMessage(el)).to.equal('Aucun résultat');
    await expect(el).to.be.accessible();
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('ties the label to the input and exposes the combobox attributes', async () => {
    const el = await render(provider());
    const i = input(el);
    expect(root(el).querySelector(`label[for="${i.id}"]`)!.textContent).to.contain('Établissement');
    expect(i.getAttribute('role')).to.equal('combobox');
    expect(i.getAttribute('aria-autocomplete')).to.equal('list');
    expect(i.getAttribute('aria-expanded')).to.equal('false');
    expect(i.getAttribute('aria-controls')).to.equal(listbox(el).id);
    expect(i.placeholder).to.equal('Ex : raison sociale, SIRET ou ville');
  });

  it('commits the typed text on input, and searches once min-chars is reached', async () => {
    const search = provider();
    const el = await render(search);
    const seen: unknown[] = [];
    el.addEventListener('input', () => seen.push(el.value));
    await type(el, 'h');
    await aTimeout(50);
    expect(search.calls).to.deep.equal([]);
    expect(popup(el).hidden).to.be.true;
    await sendKeys({ type: 'u' });
    await settled(el);
    expect(seen).to.deep.equal(['h', 'hu']);
    expect(el.value).to.equal('hu');
    expect(search.calls).to.deep.equal(['hu']);
    expect(expanded(el)).to.be.true;
    expect(optionTexts(el)).to.deep.equal([
      'HUMANIS VILLEURBANNE SIRET 40101593800033 · VILLEURBANNE',
      'HUMANIS LYON SIRET 40101593800041 · LYON',
      'HUMBERT ÉLECTRICITÉ SIRET 55210055400013 · PARIS',
    ]);
    expect(status(el)).to.equal('3 résultats');
    // The matching part is emphasised.
    expect(root(el).querySelector('[part="match"]')!.textContent).to.equal('HU');
  });

  it('honours min-chars', async () => {
    const search = provider();
    const el = await render(search);
    el.minChars = 4;
    await type(el, 'hum');
    await aTimeout(50);
    expect(search.calls).to.deep.equal([]);
    await sendKeys({ type: 'a' });
    await settled(el);
    expect(search.calls).to.deep.equal(['huma']);
    expect(status(el)).to.equal('2 résultats');
  });

  it('waits ~200 ms after the last keystroke (debounce) and sends the trimmed query', async () => {
    const search = provider();
    const el = await fixture<AktoFieldAutocomplete>(html`<akto-field-autocomplete label="Organisme de formation" .search=${search}></akto-field-autocomplete>`);
    expect(el.debounce).to.equal(200);
    // A longer delay for the check itself: on a loaded machine typing can take longer than 100 ms.
    el.debounce = 800;
    await type(el, ' lyon ');
    await aTimeout(100);
    expect(search.calls).to.deep.equal([]);
    await settled(el);
    expect(search.calls).to.deep.equal(['lyon']);
    expect(optionTexts(el)).to.have.length(1);
    expect(status(el)).to.equal('1 résultat');
  });

  it('chooses with the keyboard: arrows wrap, Enter commits option.value and sends autocomplete-select', async () => {
    const el = await render(provider());
    await type(el, 'hum');
    await settled(el);
    expect(input(el).hasAttribute('aria-activedescendant')).to.be.false;
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain('HUMANIS VILLEURBANNE');
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'ArrowUp');
    expect(activeText(el)).to.contain('HUMBERT');
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain('HUMANIS VILLEURBANNE');
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain('HUMANIS LYON');
    const changed = oneEvent(el, 'change');
    const selected = oneEvent(el, 'autocomplete-select');
    await press(el, 'Enter');
    await changed;
    const event = (await selected) as CustomEvent<{ option: AutocompleteOption }>;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.option).to.deep.equal(ETABLISSEMENTS[1]);
    expect(event.detail.option.record).to.deep.equal({ siret: '40101593800041', commune: 'LYON' });
    expect(el.value).to.equal('40101593800041');
    expect(input(el).value).to.equal('HUMANIS LYON');
    expect(expanded(el)).to.be.false;
    expect(popup(el).hidden).to.be.true;
  });

  it('ArrowDown reopens the list for the same text, ArrowUp opens on the last option', async () => {
    const search = provider();
    const el = await render(search);
    await type(el, 'hum');
    await settled(el);
    // Typing may have searched "hu" first on a slow machine; what matters: the last search was "hum"…
    expect(search.calls.at(-1)).to.equal('hum');
    const before = search.calls.length;
    await press(el, 'Escape');
    expect(expanded(el)).to.be.false;
    await press(el, 'ArrowUp');
    expect(expanded(el)).to.be.true;
    expect(activeText(el)).to.contain('HUMBERT');
    await press(el, 'Escape', 'ArrowDown');
    expect(activeText(el)).to.contain('HUMANIS VILLEURBANNE');
    // …and reopening for the same text used the cached answer.
    expect(search.calls.length).to.equal(before);
  });

  it('chooses with the pointer', async () => {
    const el = await render(provider());
    const seen: string[] = [];
    el.addEventListener('autocomplete-select', (e) => seen.push(e.detail.option.value));
    await type(el, 'élec');
    await settled(el);
    expect(optionTexts(el)).to.have.length(1);
    const changed = oneEvent(el, 'change');
    await click(options(el)[0]!);
    await changed;
    expect(seen).to.deep.equal(['55210055400013']);
    expect(el.value).to.equal('55210055400013');
    expect(input(el).value).to.equal('HUMBERT ÉLECTRICITÉ');
    expect(root(el).activeElement).to.equal(input(el));
  });

  it('Escape closes the list and keeps the typed text', async () => {
    const el = await render(provider());
    await type(el, 'hum');
    await settled(el);
    await press(el, 'ArrowDown', 'Escape');
    expect(expanded(el)).to.be.false;
    expect(popup(el).hidden).to.be.true;
    expect(input(el).value).to.equal('hum');
    expect(el.value).to.equal('hum');
  });

  it('Escape during the debounce cancels the search', async () => {
    const search = provider();
    const el = await render(search, { debounce: 150 });
    await type(el, 'hum');
    await press(el, 'Escape');
    await aTimeout(250);
    expect(search.calls).to.deep.equal([]);
    expect(popup(el).hidden).to.be.true;
  });

  it('Tab leaves the field, closes the list and sends change for the typed text', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <akto-field-autocomplete label="Tuteur" .search=${provider()} .debounce=${0}></akto-field-autocomplete>
      <button>suivant</button>
    </div>`);
    const el = wrap.querySelector('akto-field-autocomplete')!;
    await type(el, 'hum');
    await settled(el);
    const changed = oneEvent(el, 'change');
    await press(el, 'Tab');
    await changed;
    expect(el.value).to.equal('hum');
    expect(expanded(el)).to.be.false;
    expect(document.activeElement).to.equal(wrap.querySelector('button'));
  });

  it('ignores a stale answer that arrives after a newer one', async () => {
    const pending = new Map<string, Deferred<AutocompleteOption[]>>();
    const search: AutocompleteSearch = (query) => {
      const d = deferred<AutocompleteOption[]>();
      pending.set(query, d);
      return d.promise;
    };
    const el = await render(search);
    await type(el, 'hu');
    await waitUntil(() => pending.has('hu'));
    await sendKeys({ type: 'mb' });
    await waitUntil(() => pending.has('humb'));
    // While searching, the list says so.
    await el.updateComplete;
    expect(popupMessage(el)).to.equal('Recherche en cours…');
    pending.get('humb')!.resolve([ETABLISSEMENTS[2]!]);
    await settled(el);
    expect(optionTexts(el)).to.have.length(1);
    pending.get('hu')!.resolve(ETABLISSEMENTS);
    await aTimeout(20);
    await el.updateComplete;
    expect(optionTexts(el)).to.have.length(1);
    expect(optionTexts(el)[0]).to.contain('HUMBERT');
    expect(status(el)).to.equal('1 résultat');
  });

  it('shows and announces « Recherche indisponible pour le moment. » when the provider fails', async () => {
    for (const failing of [
      () => Promise.reject(new Error('503')),
      () => {
        throw new TypeError('boom');
      },
      async () => 'not a list' as unknown as AutocompleteOption[],
    ] as AutocompleteSearch[]) {
      const el = await render(failing);
      await type(el, 'hum');
      await settled(el);
      expect(popupMessage(el)).to.equal('Recherche indisponible pour le moment.');
      expect(status(el)).to.equal('Recherche indisponible pour le moment.');
      expect(options(el)).to.have.length(0);
      expect(el.value).to.equal('hum');
    }
  });

  it('says « Aucun résultat » when nothing matches', async () => {
    const el = await render(provider());
    await type(el, 'zzz');
    await settled(el);
    expect(popupMessage(el)).to.equal('Aucun résultat');
    expect(status(el)).to.equal('Aucun résultat');
    expect(expanded(el)).to.be.false;
    expect(options(el)).to.have.length(0);
  });

  it('offers the create entry last and emits autocomplete-create (keyboard and pointer)', async () => {
    const el = await render(provider(), { createLabel: 'Nouvel établissement' });
    await type(el, 'hum');
    await settled(el);
    expect(optionTexts(el).at(-1)).to.equal('+ Nouvel établissement');
    await press(el, 'ArrowUp');
    expect(activeText(el)).to.contain('Nouvel établissement');
    let created = oneEvent(el, 'autocomplete-create');
    await press(el, 'Enter');
    let event = (await created) as CustomEvent<{ query: string }>;
    expect(event.detail.query).to.equal('hum');
    expect(event.bubbles && event.composed).to.be.true;
    expect(el.value).to.equal('hum');
    expect(expanded(el)).to.be.false;

    // With no result the create entry stays available.
    await sendKeys({ type: 'zz' });
    await settled(el);
    expect(popupMessage(el)).to.equal('Aucun résultat');
    expect(optionTexts(el)).to.deep.equal(['+ Nouvel établissement']);
    created = oneEvent(el, 'autocomplete-create');
    await click(options(el)[0]!);
    event = (await created) as CustomEvent<{ query: string }>;
    expect(event.detail.query).to.equal('humzz');
  });

  it('ArrowDown on an empty field offers only the create entry', async () => {
    const search = provider();
    const el = await render(search, { createLabel: 'Nouvel établissement' });
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(search.calls).to.deep.equal([]);
    expect(optionTexts(el)).to.deep.equal(['+ Nouvel établissement']);
    expect(activeText(el)).to.contain('Nouvel établissement');
  });

  it('shows a value set by the host, or its value-label', async () => {
    const el = await render(provider());
    el.value = 'RNCP12050';
    await el.updateComplete;
    expect(input(el).value).to.equal('RNCP12050');
    el.valueLabel = 'RNCP12050 - CQP DÉVELOPPEUR NOUVELLES TECHNOLOGIES';
    await el.updateComplete;
    expect(input(el).value).to.equal('RNCP12050 - CQP DÉVELOPPEUR NOUVELLES TECHNOLOGIES');
    el.valueLabel = '';
    el.value = undefined;
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('does not search when readonly, and is greyed', async () => {
    const search = provider();
    const el = await render(search);
    el.readonly = true;
    el.value = 'HUM';
    await el.updateComplete;
    expect(input(el).readOnly).to.be.true;
    expect(getComputedStyle(input(el)).backgroundColor).to.equal('rgb(236, 238, 241)');
    await type(el, 'xyz');
    await press(el, 'ArrowDown');
    await aTimeout(30);
    expect(search.calls).to.deep.equal([]);
    expect(input(el).value).to.equal('HUM');
    expect(popup(el).hidden).to.be.true;
  });

  it('is inert when disabled', async () => {
    const search = provider();
    const el = await render(search);
    el.disabled = true;
    await el.updateComplete;
    expect(input(el).disabled).to.be.true;
    await click(input(el));
    await sendKeys({ type: 'hum' });
    await aTimeout(30);
    expect(search.calls).to.deep.equal([]);
    expect(el.value).to.equal(undefined);
  });

  it('renders hostile suggestions as text and keeps pasted text', async () => {
    const hostile = '<img src=x onerror="window.__hacked=1">';
    const el = await render(async () => [
      { value: 'x', label: hostile, detail: '<b>gras</b>' },
      null as unknown as AutocompleteOption,
      { value: 7 as unknown as string, label: undefined as unknown as string },
    ]);
    await type(el, '<img');
    await settled(el);
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect(optionTexts(el)).to.deep.equal([`${hostile} <b>gras</b>`, '7']);
    const long = 'A'.repeat(20000);
    input(el).value = long;
    input(el).dispatchEvent(new Event('input', { bubbles: true }));
    await settled(el);
    expect(el.value).to.equal(long);
    expect(input(el).value).to.equal(long);
  });
});
