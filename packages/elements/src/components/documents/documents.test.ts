import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DocumentsSpec } from '@akto/engine';
import { detectFormat, formatSize, limitsText, type AktoDocuments, type DocumentFile } from './documents.js';
import './documents.js';

/** schemas/car/documents.json */
const CAR: DocumentsSpec = {
  limits: { maxSizeMo: 20, formats: ['pdf', 'jpg', 'png', 'xls', 'xlsx', 'doc', 'docx'], maxFiles: 5 },
  types: [
    {
      code: 'contrat-type-ou-lettre-mission',
      label: 'Contrat Type ou Lettre de mission',
      required: true,
      help: "Le contrat type CAR ou la lettre de mission CDI-I CAR (modèles disponibles dans l'onglet Introduction).",
    },
    { code: 'intitule-non-defini', label: 'Intitulé non défini', required: true },
    { code: 'convention-ou-devis', label: 'Convention ou devis', required: true },
    { code: 'programme', label: 'Programme', required: true },
    { code: 'autre', label: 'Autre', removable: true },
  ],
  afterTransmission: [{ code: 'avenant', label: 'Avenant' }],
};
const LIMITS = 'Poids : 20Mo maximum. Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx, 5 fichiers maximum.';

const MAGIC = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
  jpg: [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46],
  ole2: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0],
  zip: [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0],
  text: [...new TextEncoder().encode('Bonjour, ceci est un texte.')],
};

/** A real file whose content starts with `magic`, padded to `size` bytes. */
function file(name: string, magic: number[], size = 2048): File {
  const bytes = new Uint8Array(Math.max(size, magic.length));
  bytes.set(magic);
  return new File([bytes], name);
}
const pdf = (name = 'convention.pdf', size = 2048) => file(name, MAGIC.pdf, size);

function entry(type: string, nom = `${type}.pdf`, taille = 1500): DocumentFile {
  return { type, nom, taille, format: 'pdf', ref: `ref-${nom}`, depotLe: '2026-01-15' };
}
const allRequired = (): DocumentFile[] => CAR.types.filter((t) => t.required).map((t) => entry(t.code));

async function mount(value?: unknown, more: Partial<AktoDocuments> = {}): Promise<AktoDocuments> {
  const el = await fixture<AktoDocuments>(html`<akto-documents .spec=${CAR} .value=${value}></akto-documents>`);
  Object.assign(el, more);
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: AktoDocuments, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: AktoDocuments, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const row = (el: AktoDocuments, code: string) => $(el, `li[data-type="${code}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const messagesOf = (el: AktoDocuments, code: string) => [...(row(el, code)?.querySelectorAll('[part~="type-messages"] .refusal') ?? [])].map(text);
const values = (el: AktoDocuments) => el.value as DocumentFile[];

/** Chooses files in a type's picker, as the browser does after the dialog. */
function choose(el: AktoDocuments, code: string, files: File[]): void {
  const input = row(el, code)!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Drags files over a type's drop zone and drops them. */
function drop(el: AktoDocuments, code: string, files: File[]): HTMLElement {
  const zone = row(el, code)!.querySelector<HTMLElement>('[part=dropzone]')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  return zone;
}

async function refused(el: AktoDocuments, code: string, count = 1): Promise<string[]> {
  await waitUntil(() => messagesOf(el, code).length >= count && !el.busy, 'refusal shown');
  return messagesOf(el, code);
}

describe('<akto-documents>', () => {
  it('is accessible, empty and with files, an error and a refusal', async () => {
    const el = await mount([entry('programme')], { error: '4 types de documents obligatoires à transmettre : Contrat Type ou Lettre de mission, Intitulé non défini, Convention ou devis, Programme.' });
    await expect(el).to.be.accessible();
    choose(el, 'programme', [file('notes.pdf', MAGIC.text)]);
    await refused(el, 'programme');
    await expect(el).to.be.accessible();
    el.readonly = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders the heading, each type with its help and the limits text', async () => {
    const el = await mount();
    expect(text($(el, '[part=heading]'))).to.equal("Documents à transmettre (Assurez-vous d'avoir signé tous les documents qui peuvent l'être)");
    expect($(el, '[part=heading]')!.getAttribute('role')).to.equal('heading');
    const labels = $$(el, '.type-label').map(text);
    expect(labels).to.deep.equal(['*Contrat Type ou Lettre de mission (obligatoire)', '*Intitulé non défini (obligatoire)', '*Convention ou devis (obligatoire)', '*Programme (obligatoire)']);
    expect(text(row(el, 'contrat-type-ou-lettre-mission')!.querySelector('.type-help'))).to.contain('modèles disponibles');
    for (const code of ['contrat-type-ou-lettre-mission', 'programme']) {
      expect(text(row(el, code)!.querySelector('.limits'))).to.equal(LIMITS);
      expect(text(row(el, code)!.querySelector('[data-action=pick]'))).to.match(/^Charger des fichiers/);
      expect(text(row(el, code)!.querySelector('.drop-text'))).to.equal('ou déposer des fichiers');
      const input = row(el, code)!.querySelector<HTMLInputElement>('input[type=file]')!;
      expect(input.multiple).to.be.true;
      expect(input.accept).to.equal('.pdf,.jpg,.jpeg,.png,.xls,.xlsx,.doc,.docx');
    }
    expect(row(el, 'autre'), 'Autre hidden until added').to.be.null;
  });

  it('counts the required types and turns green with a check mark when all are there', async () => {
    const el = await mount([entry('programme'), entry('programme', 'p2.pdf'), entry('autre')]);
    const counter = () => $(el, '[part~=counter]')!;
    expect(text(counter())).to.equal('⚠ Incomplet : 1/4 types de documents obligatoires à transmettre');
    expect(counter().getAttribute('part')).to.equal('counter');
    el.value = allRequired();
    await el.updateComplete;
    expect(text(counter())).to.equal('✓ Complet : 4/4 types de documents obligatoires à transmettre');
    expect(counter().getAttribute('part')).to.equal('counter complete');
    expect(getComputedStyle(counter()).color).to.equal('rgb(27, 110, 58)');
    expect(counter().getAttribute('role')).to.equal('status');
  });

  it('adds a file chosen with "Charger des fichiers" (keyboard) and emits change', async () => {
    const el = await mount();
    const zone = row(el, 'programme')!;
    const input = zone.querySelector<HTMLInputElement>('input[type=file]')!;
    let opened = 0;
    input.click = () => void opened++; // the browser dialog cannot be driven; the button must open it
    zone.querySelector<HTMLButtonElement>('[data-action=pick]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened).to.equal(1);

    const changed = oneEvent(el, 'change');
    choose(el, 'programme', [pdf('Programme formation.pdf', 3 * 1024)]);
    const event = await changed;
    expect(event.bubbles && event.composed).to.be.true;
    const [added] = values(el);
    expect(added).to.include({ type: 'programme', nom: 'Programme formation.pdf', taille: 3072, format: 'pdf' });
    expect(added!.ref).to.match(/^blob:/);
    expect(added!.depotLe).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await el.updateComplete;
    expect(text(zone.querySelector('[part=file]'))).to.equal('Programme formation.pdf 3 Ko Supprimer le fichier Programme formation.pdf');
    expect(text($(el, '[part~=counter]'))).to.contain('1/4');
    expect(text($(el, '[role=status].visually-hidden'))).to.equal('Fichier « Programme formation.pdf » ajouté.');
  });

  it('sends the file to the host upload and keeps its reference', async () => {
    const calls: Array<[string, string]> = [];
    const el = await mount([entry('programme')], {
      upload: async (f: File, type: string) => {
        calls.push([f.name, type]);
        return 'stockage/42';
      },
    });
    const changed = oneEvent(el, 'change');
    choose(el, 'convention-ou-devis', [file('devis.xlsx', MAGIC.zip, 2 * 1024 * 1024 + 300 * 1024)]);
    await changed;
    expect(calls).to.deep.equal([['devis.xlsx', 'convention-ou-devis']]);
    expect(values(el)).to.have.length(2);
    expect(values(el)[1]).to.include({ type: 'convention-ou-devis', nom: 'devis.xlsx', format: 'xlsx', ref: 'stockage/42' });
    await el.updateComplete;
    expect(text(row(el, 'convention-ou-devis')!.querySelector('.file-size'))).to.equal('2,3 Mo');
  });

  it('refuses a file the host upload fails to store', async () => {
    const el = await mount(undefined, { upload: () => Promise.reject(new Error('réseau')) });
    let changes = 0;
    el.addEventListener('change', () => changes++);
    choose(el, 'programme', [pdf('p.pdf')]);
    expect(await refused(el, 'programme')).to.deep.equal(["L'envoi du fichier « p.pdf » a échoué. Réessayez."]);
    expect(changes).to.equal(0);
    expect(el.value).to.equal(undefined);
  });

  it('accepts files dropped on the drop zone', async () => {
    const el = await mount();
    const zone = row(el, 'contrat-type-ou-lettre-mission')!.querySelector<HTMLElement>('[part=dropzone]')!;
    const dt = new DataTransfer();
    dt.items.add(file('photo.JPEG', MAGIC.jpg));
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    zone.dispatchEvent(over);
    await el.updateComplete;
    expect(over.defaultPrevented, 'the zone accepts the drop').to.be.true;
    expect(zone.classList.contains('over')).to.be.true;

    const changed = oneEvent(el, 'change');
    drop(el, 'contrat-type-ou-lettre-mission', [file('photo.JPEG', MAGIC.jpg), file('scan.png', MAGIC.png)]);
    await changed;
    await waitUntil(() => values(el)?.length === 2 && !el.busy);
    expect(values(el).map((f) => [f.nom, f.format])).to.deep.equal([
      ['photo.JPEG', 'jpg'],
      ['scan.png', 'png'],
    ]);
    await el.updateComplete;
    expect(zone.classList.contains('over')).to.be.false;
    expect(text(row(el, 'contrat-type-ou-lettre-mission')!.querySelector('[part=files]'))).to.contain('photo.JPEG').and.contain('scan.png');
  });

  it('refuses a file over the size limit, with its message, and adds nothing', async () => {
    const el = await mount();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    choose(el, 'programme', [pdf('gros.pdf', 20 * 1024 * 1024 + 1)]);
    expect(await refused(el, 'programme')).to.deep.equal(["Le fichier « gros.pdf » n'a pas été ajouté. Poids : 20Mo maximum."]);
    expect(changes).to.equal(0);
    expect(el.value).to.equal(undefined);
    expect(row(el, 'programme')!.querySelector('[part~=type-messages]')!.getAttribute('role')).to.equal('alert');
    // Exactly 20 Mo is accepted.
    const changed = oneEvent(el, 'change');
    choose(el, 'programme', [pdf('juste.pdf', 20 * 1024 * 1024)]);
    await changed;
    expect(values(el).map((f) => f.nom)).to.deep.equal(['juste.pdf']);
    await el.updateComplete;
    expect(messagesOf(el, 'programme'), 'a new choice clears the old refusals').to.deep.equal([]);
  });

  it('refuses files beyond the maximum per type', async () => {
    const four = [1, 2, 3, 4].map((i) => entry('programme', `p${i}.pdf`));
    const el = await mount([...four, entry('convention-ou-devis')]);
    choose(el, 'programme', [pdf('p5.pdf'), pdf('p6.pdf')]);
    expect(await refused(el, 'programme')).to.deep.equal(['Le fichier « p6.pdf » n\'a pas été ajouté : 5 fichiers maximum pour « Programme ».']);
    expect(values(el).filter((f) => f.type === 'programme').map((f) => f.nom)).to.deep.equal(['p1.pdf', 'p2.pdf', 'p3.pdf', 'p4.pdf', 'p5.pdf']);
  });

  it('checks the format by content: a renamed text or image called .pdf is refused', async () => {
    const el = await mount();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    choose(el, 'programme', [file('faux.pdf', MAGIC.text), file('image.pdf', MAGIC.png), file('archive.docx', MAGIC.ole2), file('anim.gif', [0x47, 0x49, 0x46, 0x38])]);
    expect(await refused(el, 'programme', 4)).to.deep.equal([
      'Le contenu du fichier « faux.pdf » ne correspond pas à un format accepté.',
      'Le contenu du fichier « image.pdf » ne correspond pas à un format accepté.',
      'Le contenu du fichier « archive.docx » ne correspond pas à un format accepté.',
      "Le format du fichier « anim.gif » n'est pas accepté. Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx.",
    ]);
    expect(changes).to.equal(0);
    expect(el.value).to.equal(undefined);
  });

  it('refuses an empty file and keeps the good ones of the same batch', async () => {
    const el = await mount();
    drop(el, 'programme', [new File([], 'vide.pdf'), file('tableur.xls', MAGIC.ole2), file('lettre.doc', MAGIC.ole2)]);
    await waitUntil(() => values(el)?.length === 2 && !el.busy);
    expect(values(el).map((f) => f.format)).to.deep.equal(['xls', 'doc']);
    expect(messagesOf(el, 'programme')).to.deep.equal(['Le fichier « vide.pdf » est vide.']);
  });

  it('adds the optional "Autre" type on demand and takes it off the list when empty', async () => {
    const el = await mount();
    const add = $<HTMLButtonElement>(el, '[data-action=add-type]')!;
    expect(text(add)).to.equal('Ajouter un autre document : Autre');
    add.click();
    await el.updateComplete;
    const autre = row(el, 'autre')!;
    expect(text(autre.querySelector('.type-label'))).to.equal('Autre');
    expect(el.shadowRoot!.activeElement, 'focus goes to the new row').to.equal(autre.querySelector('[data-action=pick]'));
    expect($(el, '[data-action=add-type]')).to.be.null;
    expect(text($(el, '[part~=counter]'))).to.contain('0/4');

    // With a file, it can no longer be taken off; once the file is removed it can again.
    const changed = oneEvent(el, 'change');
    choose(el, 'autre', [pdf('annexe.pdf')]);
    await changed;
    await el.updateComplete;
    expect(autre.querySelector('[data-action=remove-type]')).to.be.null;
    autre.querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    const retirer = row(el, 'autre')!.querySelector<HTMLButtonElement>('[data-action=remove-type]')!;
    expect(text(retirer)).to.equal('Retirer de la liste : Autre');
    retirer.click();
    await el.updateComplete;
    expect(row(el, 'autre')).to.be.null;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-action=add-type]'));
  });

  it('shows "Autre" when the dossier already holds such a file', async () => {
    const el = await mount([entry('autre', 'divers.pdf')]);
    expect(text(row(el, 'autre')!.querySelector('.file-name'))).to.equal('divers.pdf');
    expect($(el, '[data-action=add-type]')).to.be.null;
  });

  it('removes a file with "Supprimer", emits change and keeps the focus in the row', async () => {
    const a = entry('programme', 'a.pdf');
    const b = entry('programme', 'b.pdf');
    const other = entry('convention-ou-devis');
    const el = await mount([a, b, other]);
    const buttons = row(el, 'programme')!.querySelectorAll<HTMLButtonElement>('[data-action=delete]');
    expect(text(buttons[0])).to.equal('Supprimer le fichier a.pdf');
    const changed = oneEvent(el, 'change');
    buttons[0]!.click();
    await changed;
    expect(el.value).to.deep.equal([b, other]);
    await el.updateComplete;
    expect(row(el, 'programme')!.querySelectorAll('[part=file]')).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal(row(el, 'programme')!.querySelector('[data-action=delete]'));
    row(el, 'programme')!.querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([other]);
    expect(text(row(el, 'programme')!.querySelector('.empty'))).to.equal('Aucun fichier');
    expect(el.shadowRoot!.activeElement).to.equal(row(el, 'programme')!.querySelector('[data-action=pick]'));
  });

  it('in readonly mode shows the files and offers no action', async () => {
    const el = await mount([entry('programme', 'a.pdf'), entry('avenant', 'avenant.pdf')], { readonly: true });
    expect($$(el, 'button:not(.message), input, select, [part=dropzone]')).to.have.length(0);
    expect(text(row(el, 'programme')!.querySelector('[part=file]'))).to.equal('a.pdf 1 Ko');
    expect(text(row(el, 'avenant')!.querySelector('.type-label')), 'after-transmission label').to.equal('Avenant');
    // Nothing dropped is taken.
    const zoneless = row(el, 'programme')!;
    const dt = new DataTransfer();
    dt.items.add(pdf());
    zoneless.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(values(el)).to.have.length(2);
  });

  it('shows the error under the counter, announced once, and marks the missing required types', async () => {
    const el = await mount([entry('programme')]);
    el.error = '4 types de documents obligatoires à transmettre : Contrat Type ou Lettre de mission, Intitulé non défini, Convention ou devis, Programme.';
    await el.updateComplete;
    const message = $(el, '[part~=message]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.match(/^▲Erreur : 4 types de documents obligatoires/);
    expect(row(el, 'intitule-non-defini')!.classList.contains('missing')).to.be.true;
    expect(row(el, 'programme')!.classList.contains('missing')).to.be.false;
    message.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect(message.querySelector('button')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('never throws on odd values and keeps items it does not understand', async () => {
    const el = await mount('pas un tableau');
    expect(text($(el, '[part~=counter]'))).to.contain('0/4');
    const odd = [null, 42, { type: 'programme', nom: '<img src=x onerror=alert(1)>', taille: 'beaucoup' }];
    el.value = odd;
    await el.updateComplete;
    expect(text(row(el, 'programme')!.querySelector('.file-name'))).to.equal('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
    const changed = oneEvent(el, 'change');
    choose(el, 'programme', [pdf('ok.pdf')]);
    await changed;
    expect(values(el).slice(0, 3)).to.deep.equal(odd);
    expect(values(el)[3]!.nom).to.equal('ok.pdf');
  });

  it('shows nothing without a spec, and leaves the host id alone', async () => {
    const el = await fixture<AktoDocuments>(html`<akto-documents id="pieces"></akto-documents>`);
    expect(text($(el, '[part=base]'))).to.equal('');
    expect(el.id).to.equal('pieces');
  });

  it('offers a choice when several optional types can be added', async () => {
    const spec: DocumentsSpec = {
      ...CAR,
      types: [
        { code: 'cerfa', label: 'CERFA', required: true },
        { code: 'rib', label: 'RIB' },
        { code: 'autre', label: 'Autre', removable: true },
        { code: 'attestation', label: 'Attestation', removable: true },
      ],
    };
    const el = await fixture<AktoDocuments>(html`<akto-documents .spec=${spec}></akto-documents>`);
    expect($$(el, '.type-label').map(text), 'a non-removable optional type is always shown').to.deep.equal(['*CERFA (obligatoire)', 'RIB']);
    expect(text($(el, '[part~=counter]'))).to.contain('0/1');
    const select = $<HTMLSelectElement>(el, '.add select')!;
    expect(text($(el, '.add label'))).to.equal('Ajouter un autre document');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Autre', 'Attestation']);
    select.value = 'attestation';
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, '[data-action=add-type]')!.click();
    await el.updateComplete;
    expect(row(el, 'attestation')).to.exist;
    expect(row(el, 'autre')).to.be.null;
    expect(text($(el, '[data-action=add-type]')), 'one left: a single button').to.equal('Ajouter un autre document : Autre');
  });

  it('does not let a file dropped beside a zone open in the browser', async () => {
    const el = await mount();
    const dt = new DataTransfer();
    dt.items.add(pdf());
    const ev = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    $(el, '[part=heading]')!.dispatchEvent(ev);
    expect(ev.defaultPrevented).to.be.true;
    await el.updateComplete;
    expect(el.value).to.equal(undefined);
  });
});

describe('detectFormat', () => {
  const bytes = (magic: number[]) => Uint8Array.from(magic);

  it('recognises each accepted format by its magic bytes and extension', () => {
    expect(detectFormat(bytes(MAGIC.pdf), 'a.pdf')).to.equal('pdf');
    expect(detectFormat(bytes(MAGIC.png), 'a.PNG')).to.equal('png');
    expect(detectFormat(bytes(MAGIC.jpg), 'a.jpg')).to.equal('jpg');
    expect(detectFormat(bytes(MAGIC.jpg), 'a.jpeg')).to.equal('jpg');
    expect(detectFormat(bytes(MAGIC.ole2), 'a.doc')).to.equal('doc');
    expect(detectFormat(bytes(MAGIC.ole2), 'a.xls')).to.equal('xls');
    expect(detectFormat(bytes(MAGIC.zip), 'a.docx')).to.equal('docx');
    expect(detectFormat(bytes(MAGIC.zip), 'a.xlsx')).to.equal('xlsx');
    expect(detectFormat(bytes(MAGIC.pdf), 'mon fichier.v2.pdf ')).to.equal('pdf');
  });

  it('refuses a name that lies about the content', () => {
    expect(detectFormat(bytes(MAGIC.text), 'a.pdf')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.png), 'a.pdf')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.pdf), 'a.png')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.ole2), 'a.docx')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.zip), 'a.doc')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.zip), 'a.zip')).to.equal(null);
    expect(detectFormat(bytes(MAGIC.pdf), 'sans-extension')).to.equal(null);
  });

  it('refuses truncated or empty content', () => {
    expect(detectFormat(new Uint8Array(), 'a.pdf')).to.equal(null);
    expect(detectFormat(bytes([0x25, 0x50, 0x44, 0x46]), 'a.pdf')).to.equal(null);
    expect(detectFormat(bytes([0x89, 0x50, 0x4e, 0x47]), 'a.png')).to.equal(null);
    expect(detectFormat(bytes([0xff, 0xd8]), 'a.jpg')).to.equal(null);
    expect(detectFormat(bytes([0x20, ...MAGIC.pdf]), 'a.pdf'), 'the signature must open the file').to.equal(null);
  });
});

describe('documents helpers', () => {
  it('formats sizes in French', () => {
    expect(formatSize(200)).to.equal('1 Ko');
    expect(formatSize(850 * 1024)).to.equal('850 Ko');
    expect(formatSize(1.5 * 1024 * 1024)).to.equal('1,5 Mo');
    expect(formatSize(20 * 1024 * 1024)).to.equal('20 Mo');
    expect(formatSize('x')).to.equal('');
  });

  it('builds the limits text from the spec', () => {
    expect(limitsText(CAR.limits)).to.equal(LIMITS);
    expect(limitsText({ maxSizeMo: 2.5, formats: ['pdf'], maxFiles: 1 })).to.equal('Poids : 2,5Mo maximum. Formats acceptés : pdf, 1 fichier maximum.');
  });
});
