// Hostile text typed and pasted into every field of every tab of the four wizards, in Chromium: no page
// error, no payload ever runs (each would set a global), and a text field shows exactly what was typed.
// Values are a fixed list (markup, javascript: URLs, impossible dates, huge and control characters).
import { expect, fixture, html } from '@open-wc/testing';
import { MemoryStore } from '@akto/engine';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { collectPageErrors } from '../../../test/page-errors.js';
import { waitUntil } from '../../../test/wait.js';

const PROBE = '__akto_ran';
const PAYLOADS = [
  `<img src=x onerror="window.${PROBE}=1">`,
  `<script>window.${PROBE}=1</script>`,
  `"><svg onload="window.${PROBE}=1">`,
  `javascript:window.${PROBE}=1`,
  `{{constructor.constructor('window.${PROBE}=1')()}}`,
  '${alert(1)}',
  '0000-00-00',
  '31/02/2025',
  '2025-02-30',
  '‮1 Rue de la Paix',
  'Ł'.repeat(5000),
  '\u0000\u0007\u001b',
  '-1e308',
  '__proto__',
];


type Field = HTMLElement & { updateComplete: Promise<unknown> };

describe('<akto-dossier-wizard> under hostile input', () => {
  const errors = collectPageErrors();

  for (const dispositif of ['cpro', 'proa', 'car', 'af']) {
    it(`${dispositif}: every field of every tab takes typed and pasted payloads without running or losing them`, async function () {
      this.timeout(60000);
      // From the valid example: every conditional field shows, and a step-by-step wizard (Pro-A) goes on
      // with « Suivant » to reach each tab, one fresh wizard per tab (typing breaks a tab and stops the steps).
      const data = (await (await fetch(`/schemas/${dispositif}/examples/valid.json`)).json()) as Record<string, unknown>;
      const open = async () => {
        const w = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard dispositif=${dispositif} role="adherent" entity-id="40101593800038" today="2026-01-15" .data=${data} .store=${new MemoryStore()}></akto-dossier-wizard>`);
        await waitUntil(() => !!w.shadowRoot?.querySelector('[role="tablist"]'));
        return w;
      };
      const selected = (w: AktoDossierWizard) => w.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')?.id.replace(/^tab-/, '');
      const tabs = [...(await open()).shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.id.replace(/^tab-/, ''));
      let typed = 0;
      let n = 0;
      for (const tab of tabs) {
        const el = await open();
        el.goTo(tab);
        await el.updateComplete;
        for (let step = 0; step < tabs.length && selected(el) !== tab; step++) {
          ([...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith('Suivant')) as HTMLButtonElement | undefined)?.click();
          await el.updateComplete;
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(selected(el), `${dispositif}: tab ${tab} reached`).to.equal(tab);
        for (const field of [...el.shadowRoot!.querySelectorAll('[name]')] as Field[]) {
          const input = field.shadowRoot?.querySelector('input:not([type="radio"]):not([type="checkbox"]):not([type="file"]), textarea') as HTMLInputElement | null;
          if (!input || input.readOnly || input.disabled) continue;
          const payload = PAYLOADS[n++ % PAYLOADS.length] as string;
          if (n % 2 === 0) {
            const paste = new DataTransfer();
            paste.setData('text/plain', payload);
            input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, composed: true, cancelable: true }));
          }
          input.value = payload;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          await field.updateComplete;
          await el.updateComplete;
          const kind = input.getAttribute('type') ?? 'textarea';
          // Text fields keep exactly what was typed (within their length); numbers and dates may reformat.
          const fits = input.maxLength < 0 || input.maxLength >= payload.length;
          if (['text', 'email', 'tel', 'textarea'].includes(kind) && fits) expect(input.value, `${dispositif} ${field.getAttribute('name')}`).to.equal(payload);
          typed++;
        }
        el.validate();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('img[src="x"], svg[onload], script'), 'no payload became markup').to.equal(null);
      }
      expect(typed, 'fields were typed into').to.be.greaterThan(5);
      expect((window as unknown as Record<string, unknown>)[PROBE], 'no payload ran').to.equal(undefined);
      expect(errors, 'no page error').to.deep.equal([]);
    });
  }
});
