import { fixture, html, expect, oneEvent, nextFrame } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import './field-date.js';
import type { AktoFieldDate } from './field-date.js';
import { parseFrench, addMonths, monthGrid, today, toIso } from './date-utils.js';
import { waitUntil } from '../../../test/wait.js';

const root = (el: AktoFieldDate) => el.shadowRoot!;
const input = (el: AktoFieldDate) => root(el).querySelector('input')!;
const toggle = (el: AktoFieldDate) => root(el).querySelector<HTMLButtonElement>('[part="calendar-button"]')!;
const dialog = (el: AktoFieldDate) => root(el).querySelector<HTMLElement>('[role="dialog"]');
/** The visible text of the header (without the text kept for screen readers). */
const title = (el: AktoFieldDate) =>
  [...root(el).querySelectorAll('.title button, .title .range')].map((b) =>
    [...b.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim(),
  );
const focused = (el: AktoFieldDate) => root(el).activeElement as HTMLElement | null;
const cell = (el: AktoFieldDate, iso: string) => root(el).querySelector<HTMLElement>(`td[data-date="${iso}"]`)!;
const cellsText = (el: AktoFieldDate, selector: string) => [...root(el).querySelectorAll(selector)].map((b) => b.textContent!.trim());

async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  await nextFrame();
}

async function typeInto(el: AktoFieldDate, text: string): Promise<void> {
  input(el).focus();
  input(el).select();
  if (input(el).value) await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

/** A key, with an optional modifier: "Shift+PageDown". */
async function press(el: AktoFieldDate, key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  await el.updateComplete;
}

const birth = () => fixture<AktoFieldDate>(html`<akto-field-date name="/salarie/dateNaissance" label="Date de naissance" required example="1990-01-01"></akto-field-date>`);

describe('<akto-field-date>', () => {
  afterEach(() => resetMouse());

  it('is accessible, closed and open; types a date before the calendar was ever opened, which opens once its code has loaded', async () => {
    const el = await birth();
    await expect(el).to.be.accessible();
    await typeInto(el, '15/03/1990');
    expect(el.value).to.equal('1990-03-15');
    await click(toggle(el));
    await waitUntil(() => !!dialog(el));
    expect(cell(el, '1990-03-15').getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the label with a red asterisk, the format and the example in French form', async () => {
    const el = await birth();
    const label = root(el).querySelector('label')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal('*Date de naissance');
    expect(label.querySelector('.asterisk')!.getAttribute('aria-hidden')).to.equal('true');
    expect(label.htmlFor).to.equal(input(el).id);
    const hint = root(el).querySelector('[part="hint"]')!;
    expect([...hint.querySelectorAll('.hint-line')].map((l) => l.textContent)).to.deep.equal(['Format: JJ/MM/AAAA', 'Ex : 01/01/1990']);
    expect(input(el).getAttribute('aria-describedby')).to.contain(hint.id);
    expect(input(el).placeholder).to.equal('JJ/MM/AAAA');
    expect(input(el).required).to.be.true;
  });

  it('does not repeat the format when the hint already gives it', async () => {
    const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" hint="Format : JJ/MM/AAAA" example="01/01/1990"></akto-field-date>`);
    const lines = [...root(el).querySelectorAll('.hint-line')].map((l) => l.textContent);
    expect(lines).to.deep.equal(['Format : JJ/MM/AAAA', 'Ex : 01/01/1990']);
  });

  it('displays an ISO value as JJ/MM/AAAA, and a value that is not a date as it is', async () => {
    const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2024-02-01'}></akto-field-date>`);
    expect(input(el).value).to.equal('01/02/2024');
    el.value = '05/10/199';
    await el.updateComplete;
    expect(input(el).value).to.equal('05/10/199');
    el.value = undefined;
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('commits the ISO value when a complete valid date is typed', async () => {
    const el = await birth();
    const events: string[] = [];
    el.addEventListener('input', () => events.push(`input:${String(el.value)}`));
    el.addEventListener('change', () => events.push(`change:${String(el.value)}`));
    await typeInto(el, '01/02/2024');
    expect(el.value).to.equal('2024-02-01');
    expect(input(el).value).to.equal('01/02/2024');
    // Exactly one input event per keystroke leaves the element, with the value already up to date.
    expect(events.filter((e) => e.startsWith('input'))).to.have.length(10);
    expect(events.at(-1)).to.equal('input:2024-02-01');
    expect(events).to.include('input:01/02/202');
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Tab' });
    await change;
    expect(events.at(-1)).to.equal('change:2024-02-01');
  });

  it('keeps incomplete, impossible or non-date text unchanged as the value', async () => {
    const el = await birth();
    await typeInto(el, '11');
    expect(el.value).to.equal('11');
    await typeInto(el, '31/02/2024');
    expect(el.value).to.equal('31/02/2024');
    expect(input(el).value).to.equal('31/02/2024');
    await typeInto(el, '05/10/199');
    expect(el.value).to.equal('05/10/199');
    await typeInto(el, 'demain');
    expect(el.value).to.equal('demain');
    await typeInto(el, '29/02/2023');
    expect(el.value).to.equal('29/02/2023');
    await typeInto(el, '29/02/2024');
    expect(el.value).to.equal('2024-02-29');
    await typeInto(el, '');
    expect(el.value).to.equal(undefined);
  });

  it('reads lenient forms without guessing, and tidies the text on leaving the field', async () => {
    const el = await birth();
    await typeInto(el, '1/2/2024');
    expect(el.value).to.equal('2024-02-01');
    expect(input(el).value, 'not rewritten while typing').to.equal('1/2/2024');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).value).to.equal('01/02/2024');
    await typeInto(el, '01-02-2024');
    expect(el.value).to.equal('2024-02-01');
    await typeInto(el, '1/2/24');
    expect(el.value, 'two-digit year is never guessed').to.equal('1/2/24');
    await typeInto(el, '01/02-2024');
    expect(el.value).to.equal('01/02-2024');
    expect(toIso(parseFrench('01.02.2024')!)).to.equal('2024-02-01');
    expect(toIso(parseFrench('01022024')!)).to.equal('2024-02-01');
    expect(toIso(parseFrench(' 1990-01-01 ')!)).to.equal('1990-01-01');
    expect(parseFrench('2024/02/01')).to.equal(undefined);
    expect(parseFrench('13/13/2024')).to.equal(undefined);
    expect(parseFrench('00/01/2024')).to.equal(undefined);
  });

  it('never throws nor loses pasted HTML or huge text', async () => {
    const el = await birth();
    const html1 = '<img src=x onerror=alert(1)>';
    input(el).value = html1;
    input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value).to.equal(html1);
    expect(root(el).querySelector('img')).to.equal(null);
    const huge = '12/'.repeat(50_000);
    input(el).value = huge;
    input(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value).to.equal(huge);
    expect(input(el).value).to.equal(huge);
    el.value = { odd: true };
    await el.updateComplete;
    el.value = new Date(2024, 1, 1, 0, 30);
    await el.updateComplete;
    expect(input(el).value).to.equal('01/02/2024');
  });

  it('shows an error under the field with aria-invalid', async () => {
    const el = await birth();
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    el.error = 'Saisissez une valeur de date valide au format JJ/MM/AAAA.';
    await el.updateComplete;
    const message = root(el).querySelector('[part~="error"]')!;
    expect(message.textContent).to.contain('Saisissez une valeur de date valide au format JJ/MM/AAAA.');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include(message.id);
    await expect(el).to.be.accessible();
  });

  describe('calendar by pointer', () => {
    // The calendar's code loads on first opening (see the first test); here it is there already.
    before(() => import('./date-calendar.js'));

    it('opens on the selected day with French headers, weeks starting Monday', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
      expect(toggle(el).getAttribute('aria-haspopup')).to.equal('dialog');
      await click(toggle(el));
      expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
      expect(dialog(el)!.getAttribute('aria-modal')).to.equal('true');
      expect(title(el)).to.deep.equal(['Janv.', '2025']);
      expect(cellsText(el, 'th')).to.deep.equal(['lu', 'ma', 'me', 'je', 've', 'sa', 'di']);
      expect(cellsText(el, 'tbody tr:first-child td')).to.deep.equal(['30', '31', '1', '2', '3', '4', '5']);
      expect(cell(el, '2025-01-15').getAttribute('aria-selected')).to.equal('true');
      expect(cell(el, '2025-01-15').getAttribute('aria-label')).to.equal('mercredi 15 janvier 2025');
      expect(focused(el)).to.equal(cell(el, '2025-01-15'));
    });

    it('marks today', async () => {
      const el = await birth();
      await click(toggle(el));
      const now = toIso(today());
      expect(cell(el, now).getAttribute('aria-current')).to.equal('date');
      expect(root(el).querySelectorAll('[aria-current="date"]')).to.have.length(1);
      expect(focused(el)).to.equal(cell(el, now));
    });

    it('moves by month with < >, picks a month and a year in their grids, then a day', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await click(toggle(el));
      await click(root(el).querySelector('.nav.next')!);
      expect(title(el)).to.deep.equal(['Févr.', '2025']);
      await click(root(el).querySelector('.nav.prev')!);
      await click(root(el).querySelector('.nav.prev')!);
      expect(title(el)).to.deep.equal(['Déc.', '2024']);
      expect(root(el).querySelector('[aria-live]')!.textContent).to.equal('décembre 2024');

      await click(root(el).querySelector('.month-button')!);
      expect(cellsText(el, '.months button')).to.deep.equal(['Janv.', 'Févr.', 'Mars', 'Avr.', 'Mai', 'Juin', 'Juil.', 'Août', 'Sept.', 'Oct.', 'Nov.', 'Déc.']);
      expect(title(el)).to.deep.equal(['2024']);
      await click(root(el).querySelector('.nav.prev')!);
      expect(title(el)).to.deep.equal(['2023']);
      await click(root(el).querySelector('.months button[data-month="5"]')!);
      expect(title(el)).to.deep.equal(['Mai', '2023']);

      await click(root(el).querySelector('.year-button')!);
      const years = cellsText(el, '.years button');
      expect(years).to.have.length(12);
      expect(years).to.include('2023');
      expect(title(el)).to.deep.equal([`${years[0]} – ${years[11]}`]);
      expect(title(el)).to.deep.equal(['2016 – 2027']);
      await click(root(el).querySelector('.nav.prev')!);
      expect(title(el)).to.deep.equal(['2004 – 2015']);
      await click(root(el).querySelector('.nav.next')!);
      await click(root(el).querySelector('.nav.prev')!);
      await click(root(el).querySelector('.nav.prev')!);
      await click(root(el).querySelector('.nav.prev')!);
      expect(cellsText(el, '.years button')).to.include('1990');
      await click(root(el).querySelector('.years button[data-year="1990"]')!);
      expect(title(el)).to.deep.equal(['1990']);
      await click(root(el).querySelector('.months button[data-month="1"]')!);
      expect(title(el)).to.deep.equal(['Janv.', '1990']);

      const input$ = oneEvent(el, 'input');
      const change = oneEvent(el, 'change');
      await click(cell(el, '1990-01-17'));
      await input$;
      await change;
      expect(el.value).to.equal('1990-01-17');
      expect(input(el).value).to.equal('17/01/1990');
      expect(dialog(el)).to.equal(null);
      expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    });

    it('picks a day of a neighbouring month shown in the grid', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await click(toggle(el));
      await click(cell(el, '2024-12-30'));
      expect(el.value).to.equal('2024-12-30');
    });

    it('closes on a click outside without changing the value, and the button toggles it', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await click(toggle(el));
      await click(toggle(el));
      expect(dialog(el)).to.equal(null);
      await click(toggle(el));
      await sendMouse({ type: 'click', position: [600, 590] });
      await el.updateComplete;
      expect(dialog(el)).to.equal(null);
      expect(el.value).to.equal('2025-01-15');
      await click(toggle(el));
      await click(input(el));
      await el.updateComplete;
      expect(dialog(el), 'a press in the input closes it too').to.equal(null);
      expect(focused(el)).to.equal(input(el));
    });

    it('disables days outside min and max', async () => {
      const el = await fixture<AktoFieldDate>(
        html`<akto-field-date label="Date" min="2025-01-10" max="2025-01-20" .value=${'2025-01-15'}></akto-field-date>`,
      );
      await click(toggle(el));
      expect(cell(el, '2025-01-09').getAttribute('aria-disabled')).to.equal('true');
      expect(cell(el, '2025-01-10').hasAttribute('aria-disabled')).to.be.false;
      expect(cell(el, '2025-01-21').getAttribute('aria-disabled')).to.equal('true');
      expect(root(el).querySelector<HTMLButtonElement>('.nav.prev')!.disabled).to.be.true;
      expect(root(el).querySelector<HTMLButtonElement>('.nav.next')!.disabled).to.be.true;
      await click(cell(el, '2025-01-05'));
      expect(dialog(el)).to.exist;
      expect(el.value).to.equal('2025-01-15');
      await click(root(el).querySelector('.month-button')!);
      expect(root(el).querySelector('.months button[data-month="1"]')!.hasAttribute('aria-disabled')).to.be.false;
      expect(root(el).querySelector('.months button[data-month="2"]')!.getAttribute('aria-disabled')).to.equal('true');
    });

    it('cannot open when disabled or read-only', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" readonly .value=${'2025-01-15'}></akto-field-date>`);
      expect(toggle(el).disabled).to.be.true;
      expect(input(el).readOnly).to.be.true;
      el.readonly = false;
      el.disabled = true;
      await el.updateComplete;
      expect(toggle(el).disabled).to.be.true;
      expect(input(el).disabled).to.be.true;
    });
  });

  describe('calendar by keyboard', () => {
    // The calendar's code loads on first opening (see the first test); here it is there already.
    before(() => import('./date-calendar.js'));

    async function openByKeyboard(el: AktoFieldDate): Promise<void> {
      input(el).focus();
      await press(el, 'Tab');
      expect(focused(el)).to.equal(toggle(el));
      await press(el, 'Enter');
      expect(dialog(el)).to.exist;
    }

    it('moves with arrows, Page Up/Down, Home/End and selects with Enter', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await openByKeyboard(el);
      const at = () => focused(el)!.dataset.date;
      expect(at()).to.equal('2025-01-15');
      await press(el, 'ArrowRight');
      expect(at()).to.equal('2025-01-16');
      await press(el, 'ArrowDown');
      expect(at()).to.equal('2025-01-23');
      await press(el, 'ArrowUp');
      await press(el, 'ArrowLeft');
      await press(el, 'ArrowLeft');
      expect(at()).to.equal('2025-01-14');
      await press(el, 'Home');
      expect(at()).to.equal('2025-01-13');
      await press(el, 'End');
      expect(at()).to.equal('2025-01-19');
      await press(el, 'PageDown');
      expect(at()).to.equal('2025-02-19');
      expect(title(el)).to.deep.equal(['Févr.', '2025']);
      await press(el, 'PageUp');
      await press(el, 'PageUp');
      expect(at()).to.equal('2024-12-19');
      await press(el, 'Shift+PageDown');
      expect(at()).to.equal('2025-12-19');
      await press(el, 'Shift+PageUp');
      await press(el, 'Shift+PageUp');
      expect(at()).to.equal('2023-12-19');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(at(), 'crosses into January').to.equal('2024-01-02');
      expect(title(el)).to.deep.equal(['Janv.', '2024']);

      const change = oneEvent(el, 'change');
      await press(el, 'Enter');
      await change;
      expect(el.value).to.equal('2024-01-02');
      expect(input(el).value).to.equal('02/01/2024');
      expect(dialog(el)).to.equal(null);
      expect(focused(el), 'focus back on the calendar button').to.equal(toggle(el));
    });

    it('selects with Space and clamps 31 January + 1 month to February', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2024-01-31'}></akto-field-date>`);
      await openByKeyboard(el);
      await press(el, 'PageDown');
      expect(focused(el)!.dataset.date).to.equal('2024-02-29');
      await press(el, 'Space');
      expect(el.value).to.equal('2024-02-29');
    });

    it('closes with Escape, returns focus to the button and keeps the value', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await openByKeyboard(el);
      await press(el, 'ArrowRight');
      await press(el, 'Escape');
      expect(dialog(el)).to.equal(null);
      expect(focused(el)).to.equal(toggle(el));
      expect(el.value).to.equal('2025-01-15');
    });

    it('keeps Tab inside the calendar and reaches the month and year grids', async () => {
      const el = await fixture<AktoFieldDate>(html`<akto-field-date label="Date" .value=${'2025-01-15'}></akto-field-date>`);
      await openByKeyboard(el);
      await press(el, 'Tab');
      expect(focused(el)!.classList.contains('prev'), 'wraps to the first button').to.be.true;
      await press(el, 'Shift+Tab');
      expect(focused(el)!.dataset.date).to.equal('2025-01-15');
      await press(el, 'Shift+Tab');
      expect(focused(el)!.classList.contains('next')).to.be.true;
      await press(el, 'Shift+Tab');
      expect(focused(el)!.classList.contains('year-button')).to.be.true;
      await press(el, 'Shift+Tab');
      expect(focused(el)!.classList.contains('month-button')).to.be.true;

      await press(el, 'Enter');
      expect(focused(el)!.dataset.month).to.equal('1');
      await press(el, 'ArrowDown');
      await press(el, 'ArrowRight');
      expect(focused(el)!.dataset.month).to.equal('5');
      await press(el, 'Enter');
      expect(title(el)).to.deep.equal(['Mai', '2025']);
      expect(focused(el)!.dataset.date).to.equal('2025-05-15');

      await press(el, 'Shift+Tab');
      await press(el, 'Shift+Tab');
      expect(focused(el)!.classList.contains('year-button')).to.be.true;
      await press(el, 'Enter');
      expect(focused(el)!.dataset.year).to.equal('2025');
      await press(el, 'ArrowUp');
      expect(focused(el)!.dataset.year).to.equal('2022');
      await press(el, 'PageUp');
      expect(focused(el)!.dataset.year).to.equal('2010');
      await press(el, 'Enter');
      expect(title(el)).to.deep.equal(['2010']);
      expect(focused(el)!.dataset.month).to.equal('5');
      await press(el, 'Enter');
      expect(focused(el)!.dataset.date).to.equal('2010-05-15');
    });
  });

  describe('date maths', () => {
    it('builds 6 Monday-first weeks and adds months without time zone drift', () => {
      const grid = monthGrid(2024, 3);
      expect(toIso(grid[0]!)).to.equal('2024-02-26');
      expect(toIso(grid[41]!)).to.equal('2024-04-07');
      // The daylight-saving change (31 March 2024) shifts nothing.
      expect(grid.map(toIso)).to.include.members(['2024-03-30', '2024-03-31', '2024-04-01']);
      expect(toIso(addMonths({ year: 2023, month: 12, day: 31 }, 2))).to.equal('2024-02-29');
      expect(toIso(addMonths({ year: 2024, month: 1, day: 15 }, -13))).to.equal('2022-12-15');
    });
  });
});
