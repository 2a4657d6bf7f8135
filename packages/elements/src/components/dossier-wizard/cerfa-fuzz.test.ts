// Hostile text typed into every field of every tab, then « Générer le CERFA », in Chromium: no page error, no
// payload ever runs, the PDF carries no script, and each field of the PDF holds what the user typed (as the
// CERFA mapping formats it; text outside WinAnsi is transliterated, as the wizard then says).
import { expect, fixture, html } from '@open-wc/testing';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { createEngine, MemoryStore } from '@akto/engine';
import { cerfaMapOf, cerfaValues } from '@akto/engine/cerfa';
import '../../index.js';
import type { AktoDossierWizard } from './dossier-wizard.js';
import { collectPageErrors } from '../../../test/page-errors.js';
import { waitUntil } from '../../../test/wait.js';

const PROBE = '__akto_cerfa_ran';
const PAYLOADS = [
  `<img src=x onerror="window.${PROBE}=1">`,
  `javascript:window.${PROBE}=1`,
  `"><svg onload="window.${PROBE}=1">`,
  `) /JS (app.alert(1)) /S /JavaScript (`,
  `<script>window.${PROBE}=1</script>`,
  '‮1 Rue de la Paix',
  'Łódź Œuvre ß 日本',
  '\u0000\u0007\u001b',
  '__proto__',
  'x'.repeat(300),
];
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

type Field = HTMLElement & { updateComplete: Promise<unknown> };
const button = (el: AktoDossierWizard, text: string) =>
  [...el.shadowRoot!.querySelectorAll('[part="actions"] button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

describe('« Générer le CERFA » after hostile input', () => {
  const errors = collectPageErrors();

  for (const dispositif of ['cpro', 'proa', 'car', 'af']) {
    it(`${dispositif}: the PDF holds what was typed, and nothing runs`, async function () {
      this.timeout(60000);
      const data = (await (await fetch(`/schemas/${dispositif}/examples/valid.json`)).json()) as Record<string, unknown>;
      const el = await fixture<AktoDossierWizard>(html`<akto-dossier-wizard dispositif=${dispositif} role="adherent" entity-id="40101593800038" today="2026-01-15" .data=${data} .store=${new MemoryStore()}></akto-dossier-wizard>`);
      await waitUntil(() => !!el.shadowRoot?.querySelector('[role="tablist"]'));
      // From the valid example « Suivant » reaches the last tab (a step-by-step wizard such as the Pro-A goes on
      // only from a valid step), then each tab is typed into on the way back with « Précédent ».
      const selected = () => el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')?.id;
      const step = async (label: string) => {
        const before = selected();
        ([...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim().includes(label)) as HTMLButtonElement | undefined)?.click();
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 20));
        return selected() !== before;
      };
      const tabs = el.shadowRoot!.querySelectorAll('[role="tab"]').length;
      for (let i = 0; i < tabs && (await step('Suivant')); i++);
      let n = 0;
      for (let i = 0; i < tabs; i++) {
        for (const field of [...el.shadowRoot!.querySelectorAll('[name]')] as Field[]) {
          const input = field.shadowRoot?.querySelector('input[type="text"], input:not([type]), textarea') as HTMLInputElement | null;
          if (!input || input.readOnly || input.disabled) continue;
          input.value = PAYLOADS[n++ % PAYLOADS.length] as string;
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          await field.updateComplete;
        }
        if (!(await step('Précédent'))) break;
      }
      expect(n, 'text fields were typed into').to.be.greaterThan(3);

      await el.save();
      await el.updateComplete;
      let generatedFrom: unknown;
      el.addEventListener('cerfa-request', (e) => (generatedFrom = (e as CustomEvent<{ data: unknown }>).detail.data), { once: true });
      button(el, 'Générer le CERFA').click();
      await waitUntil(() => !!el.shadowRoot!.querySelector('[part="status"] a[download]'), 20000);
      const bytes = new Uint8Array(await (await fetch((el.shadowRoot!.querySelector('[part="status"] a[download]') as HTMLAnchorElement).href)).arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
      expect(new TextDecoder('latin1').decode(bytes), 'no script in the PDF').not.to.match(/\/(JavaScript|JS|OpenAction|Launch)\b/);

      // Each text field of the PDF: what the mapping makes of the data the user typed.
      const definition = (await createEngine(dispositif)).definition;
      const form = (await PDFDocument.load(bytes)).getForm();
      const byName = new Map(form.getFields().map((f) => [f.getName(), f]));
      let compared = 0;
      let payloadsFound = 0;
      for (const v of cerfaValues(cerfaMapOf(definition), definition, generatedFrom)) {
        if (v.kind !== 'text' || typeof v.value !== 'string' || !v.value) continue;
        const pdfField = byName.get(v.name);
        if (!(pdfField instanceof PDFTextField)) continue;
        const shown = pdfField.getText() ?? '';
        if (PRINTABLE_ASCII.test(v.value)) {
          expect(shown, `${dispositif} ${v.name}`).to.equal(v.maxLength ? v.value.slice(0, v.maxLength) : v.value);
          compared++;
          if (PAYLOADS.some((p) => p === v.value || p.toLocaleUpperCase('fr-FR') === v.value)) payloadsFound++;
        } else {
          expect(shown, `${dispositif} ${v.name}: some text, never an exception`).to.be.a('string');
        }
      }
      expect(compared, `${dispositif}: fields compared`).to.be.greaterThan(3);
      expect(payloadsFound, `${dispositif}: typed payloads reach the PDF`).to.be.greaterThan(0);
      expect((window as unknown as Record<string, unknown>)[PROBE], 'no payload ran').to.equal(undefined);
      expect(errors, 'no page error').to.deep.equal([]);
    });
  }
});
