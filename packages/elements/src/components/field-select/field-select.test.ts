import { fixture, html, expect, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import './field-select.js';
import type { AktoFieldSelect, SelectOption } from './field-select.js';

const CSP: SelectOption[] = [
  { code: '1', label: 'Agriculteurs exploitants' },
  { code: '2', label: "Artisans, commerçants et chefs d'entreprise" },
  { code: '3', label: 'Cadres et professions intellectuelles supérieures' },
  { code: '4', label: 'Professions intermédiaires' },
  { code: '5', label: 'Employés' },
  { code: '6', label: 'Ouvriers' },
];

const NAMED = ['Ain', 'Aisne', 'Allier', 'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Alpes-Maritimes', 'Ardèche', 'Ardennes', 'Ariège', 'Aube'];
/** About a hundred départements: the first ten named, the others numbered, then Val-d'Oise last. */
const DEPARTEMENTS: SelectOption[] = [
  ...Array.from({ length: 94 }, (_, i) => ({
    code: String(i + 1).padStart(2, '0'),
    label: NAMED[i] ?? `Département ${String(i + 1).padStart(2, '0')}`,
  })),
  ...['971', '972', '973', '974', '976'].map((code) => ({ code, label: `Outre-mer ${code}` })),
  { code: '95', label: "Val-d'Oise" },
];

async function render(options: SelectOption[] = CSP, value?: string): Promise<AktoFieldSelect> {
  const el = await fixture<AktoFieldSelect>(
    html`<akto-field-select label="Catégorie socio-professionnelle (CSP)" name="/salarie/csp" required .options=${options} .value=${value}></akto-field-select>`,
  );
  return el;
}

const root = (el: AktoFieldSelect) => el.shadowRoot!;
const combo = (el: AktoFieldSelect) => root(el).querySelector<HTMLElement>('[role="combobox"]')!;
const listbox = (el: AktoFieldSelect) => root(el).querySelector<HTMLElement>('[role="listbox"]')!;
const options = (el: AktoFieldSelect) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const shown = (el: AktoFieldSelect) => root(el).querySelector('[part="display"]')!.textContent!.trim();
const isOpen = (el: AktoFieldSelect) => combo(el).getAttribute('aria-expanded') === 'true' && !listbox(el).hidden;
const activeText = (el: AktoFieldSelect) => {
  const id = combo(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id)?.textContent?.trim() : undefined;
};

async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function press(el: AktoFieldSelect, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}

describe('<akto-field-select>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('is accessible, closed and open', async () => {
    const el = await render(CSP, '5');
    await expect(el).to.be.accessible();
    el.focus();
    await press(el, 'ArrowDown');
    expect(isOpen(el)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('is accessible with an error, readonly and disabled', async () => {
    const el = await render();
    el.error = 'Saisie obligatoire';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(combo(el).getAttribute('aria-invalid')).to.equal('true');
    expect(combo(el).getAttribute('aria-describedby')).to.contain(`${combo(el).id}-message`);
    el.readonly = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.readonly = false;
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('names the combobox by its label and exposes the APG attributes', async () => {
    const el = await render();
    const c = combo(el);
    const label = root(el).getElementById(c.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.contain('Catégorie socio-professionnelle (CSP)');
    expect(c.getAttribute('aria-controls')).to.equal(listbox(el).id);
    expect(c.getAttribute('aria-haspopup')).to.equal('listbox');
    expect(c.getAttribute('aria-expanded')).to.equal('false');
    expect(c.getAttribute('aria-required')).to.equal('true');
    expect(c.getAttribute('tabindex')).to.equal('0');
  });

  it('focuses the field when its label is clicked', async () => {
    const el = await render();
    await click(root(el).querySelector('[part="label"]')!);
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(combo(el));
    expect(isOpen(el)).to.be.false;
  });

  it('shows « Sélectionnez un élément » when empty, the label of the value otherwise', async () => {
    const el = await render();
    expect(shown(el)).to.equal('Sélectionnez un élément');
    expect(el.value).to.equal(undefined);
    el.value = '6';
    await el.updateComplete;
    expect(shown(el)).to.equal('Ouvriers');
  });

  it('shows "code - libellé" with show-code', async () => {
    const el = await fixture<AktoFieldSelect>(
      html`<akto-field-select label="Diplôme" show-code .options=${[{ code: '37', label: 'BTS' }]} .value=${'37'}></akto-field-select>`,
    );
    expect(shown(el)).to.equal('37 - BTS');
  });

  it('keeps and shows a value that is not among the options', async () => {
    const el = await render(CSP, 'ZZ');
    expect(shown(el)).to.equal('ZZ');
    expect(el.value).to.equal('ZZ');
  });

  it('opens on a click on the arrow and chooses an option with the pointer', async () => {
    const el = await render();
    await click(root(el).querySelector('[part="arrow"]')!);
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
    expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal(CSP.map((o) => o.label));
    const changed = oneEvent(el, 'change');
    await click(options(el)[4]!);
    await changed;
    await el.updateComplete;
    expect(el.value).to.equal('5');
    expect(shown(el)).to.equal('Employés');
    expect(isOpen(el)).to.be.false;
    // Focus stayed on the field.
    expect(root(el).activeElement).to.equal(combo(el));
  });

  it('deselects when the selected option is clicked again', async () => {
    const el = await render(CSP, '5');
    await click(combo(el));
    await el.updateComplete;
    const selected = options(el).find((o) => o.getAttribute('aria-selected') === 'true')!;
    expect(selected.textContent).to.contain('Employés');
    expect(options(el).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    const changed = oneEvent(el, 'change');
    await click(selected);
    const event = await changed;
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    expect(el.value).to.equal(undefined);
    expect(shown(el)).to.equal('Sélectionnez un élément');
  });

  it('toggles the list with clicks and closes it when focus leaves', async () => {
    const el = await fixture<HTMLDivElement>(html`<div>
      <button>avant</button>
      <akto-field-select label="Sexe" .options=${[{ code: '1', label: 'Homme' }, { code: '2', label: 'Femme' }]}></akto-field-select>
    </div>`);
    const select = el.querySelector('akto-field-select')!;
    await click(combo(select));
    await select.updateComplete;
    expect(isOpen(select)).to.be.true;
    await click(combo(select));
    await select.updateComplete;
    expect(isOpen(select)).to.be.false;
    await click(combo(select));
    await select.updateComplete;
    await click(el.querySelector('button')!);
    await select.updateComplete;
    expect(isOpen(select)).to.be.false;
    expect(select.value).to.equal(undefined);
  });

  it('opens with ArrowDown, Enter or Space and closes with Escape without changing the value', async () => {
    const el = await render(CSP, '3');
    el.focus();
    for (const key of ['ArrowDown', 'Enter', ' ']) {
      await press(el, key);
      expect(isOpen(el), key).to.be.true;
      // Visual focus starts on the chosen option.
      expect(activeText(el)).to.contain('Cadres');
      await press(el, 'Escape');
      expect(isOpen(el)).to.be.false;
      expect(combo(el).hasAttribute('aria-activedescendant')).to.be.false;
    }
    expect(el.value).to.equal('3');
  });

  it('moves with the arrows, Home and End, and chooses with Enter', async () => {
    const el = await render();
    el.focus();
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain('Agriculteurs');
    await press(el, 'ArrowUp');
    expect(activeText(el)).to.contain('Agriculteurs');
    await press(el, 'ArrowDown', 'ArrowDown');
    expect(activeText(el)).to.contain('Cadres');
    await press(el, 'End');
    expect(activeText(el)).to.contain('Ouvriers');
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.contain('Ouvriers');
    await press(el, 'Home', 'ArrowDown');
    expect(activeText(el)).to.contain('Artisans');
    const changed = oneEvent(el, 'change');
    await press(el, 'Enter');
    await changed;
    expect(el.value).to.equal('2');
    expect(isOpen(el)).to.be.false;
    expect(shown(el)).to.equal("Artisans, commerçants et chefs d'entreprise");
  });

  it('chooses with Space and deselects with Enter on the selected option', async () => {
    const el = await render();
    el.focus();
    await press(el, ' ', 'ArrowDown', ' ');
    expect(el.value).to.equal('2');
    await press(el, 'Enter');
    expect(activeText(el)).to.contain('Artisans');
    const changed = oneEvent(el, 'change');
    await press(el, 'Enter');
    await changed;
    expect(el.value).to.equal(undefined);
    expect(shown(el)).to.equal('Sélectionnez un élément');
  });

  it('Alt+ArrowUp chooses the focused option without deselecting', async () => {
    const el = await render(CSP, '1');
    el.focus();
    await press(el, 'ArrowDown');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    expect(el.value).to.equal('1');
  });

  it('Tab closes the list without changing the value', async () => {
    const el = await render(CSP, '4');
    el.focus();
    await press(el, 'ArrowDown', 'ArrowDown', 'Tab');
    expect(isOpen(el)).to.be.false;
    expect(el.value).to.equal('4');
  });

  it('jumps to the option matching typed letters (type-ahead), accents and case ignored', async () => {
    const el = await render();
    el.focus();
    // Closed: a letter opens the list on the first match.
    await press(el, 'o');
    expect(isOpen(el)).to.be.true;
    expect(activeText(el)).to.contain('Ouvriers');
    await aTimeout(600);
    // Several letters typed quickly search the whole prefix.
    await sendKeys({ type: 'pro' });
    await el.updateComplete;
    expect(activeText(el)).to.contain('Professions');
    await aTimeout(600);
    // The same letter again cycles through the entries starting with it.
    await press(el, 'a');
    expect(activeText(el)).to.contain('Agriculteurs');
    await press(el, 'a');
    expect(activeText(el)).to.contain('Artisans');
    await aTimeout(600);
    await press(el, 'E');
    expect(activeText(el)).to.contain('Employés');
    await press(el, 'Enter');
    expect(el.value).to.equal('5');
  });

  it('matches the code as well as the label with show-code', async () => {
    const el = await fixture<AktoFieldSelect>(html`<akto-field-select label="Département de naissance" show-code .options=${DEPARTEMENTS}></akto-field-select>`);
    el.focus();
    await sendKeys({ type: '95' });
    await el.updateComplete;
    expect(activeText(el)).to.contain("95 - Val-d'Oise");
    await aTimeout(600);
    await sendKeys({ type: 'ard' });
    await el.updateComplete;
    expect(activeText(el)).to.contain('07 - Ardèche');
  });

  it('scrolls a long list to keep the active option visible', async () => {
    const el = await fixture<AktoFieldSelect>(html`<akto-field-select label="Département de naissance" .options=${DEPARTEMENTS}></akto-field-select>`);
    el.focus();
    await press(el, 'ArrowDown');
    const list = listbox(el);
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    expect(list.scrollTop).to.equal(0);
    await press(el, 'End');
    expect(activeText(el)).to.contain("Val-d'Oise");
    const visible = (option: Element) => {
      const o = option.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      return o.top >= l.top - 1 && o.bottom <= l.bottom + 1;
    };
    expect(list.scrollTop).to.be.greaterThan(0);
    expect(visible(options(el).at(-1)!)).to.be.true;
    await expect(el).to.be.accessible();
    await press(el, 'PageUp');
    expect(activeText(el)).to.contain('Département 90');
    expect(visible(root(el).getElementById(combo(el).getAttribute('aria-activedescendant')!)!)).to.be.true;
    await press(el, 'Home');
    expect(list.scrollTop).to.equal(0);
    // The chosen option is visible when the list opens again.
    await press(el, 'End', 'Enter', 'ArrowDown');
    expect(visible(options(el).at(-1)!)).to.be.true;
  });

  it('is greyed and inert when readonly', async () => {
    const el = await render(CSP, '2');
    el.readonly = true;
    await el.updateComplete;
    expect(combo(el).getAttribute('aria-readonly')).to.equal('true');
    expect(getComputedStyle(combo(el)).backgroundColor).to.equal('rgb(236, 238, 241)');
    el.focus();
    expect(root(el).activeElement).to.equal(combo(el));
    await press(el, 'ArrowDown');
    await press(el, 'o');
    expect(isOpen(el)).to.be.false;
    await click(combo(el));
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    expect(el.value).to.equal('2');
  });

  it('is greyed, inert and out of the tab order when disabled', async () => {
    const el = await render(CSP, '2');
    el.disabled = true;
    await el.updateComplete;
    expect(combo(el).hasAttribute('tabindex')).to.be.false;
    expect(combo(el).getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(combo(el)).backgroundColor).to.equal('rgb(236, 238, 241)');
    await click(combo(el));
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    expect(el.value).to.equal('2');
  });

  it('fits a 320 px wide screen with 44 px touch targets', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await render(CSP, '2');
      await click(combo(el));
      await el.updateComplete;
      expect(combo(el).getBoundingClientRect().height).to.be.at.least(44);
      expect(listbox(el).getBoundingClientRect().right).to.be.at.most(320);
      expect(listbox(el).scrollWidth).to.be.at.most(listbox(el).clientWidth);
      for (const o of options(el)) expect(o.getBoundingClientRect().height).to.be.at.least(44);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('renders hostile labels as text and survives bad options', async () => {
    const hostile = '<img src=x onerror="window.__hacked=1">';
    const el = await render([{ code: 'x', label: hostile }, null as unknown as SelectOption, { code: 'y', label: 'Y'.repeat(5000) }], 'x');
    expect(shown(el)).to.equal(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
    el.focus();
    await press(el, 'ArrowDown', 'ArrowDown', 'Enter');
    expect(el.value).to.equal('y');
    el.options = undefined as unknown as SelectOption[];
    await el.updateComplete;
    await press(el, 'ArrowDown');
    expect(isOpen(el)).to.be.false;
    expect(shown(el)).to.equal('y');
  });
});
