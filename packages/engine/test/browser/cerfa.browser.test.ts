// CERFA generation in headless Chromium: the same mapping, pdf-lib in the browser, read back.
import { expect } from '@open-wc/testing';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { createEngine } from '../../src/index.js';
import { generateCerfa } from '../../src/cerfa/generate.js';

describe('CERFA in the browser', () => {
  it('fills an official template given by URL', async () => {
    const tpl = await PDFDocument.create();
    const page = tpl.addPage();
    tpl.getForm().createTextField('salarie.dateNaissance').addToPage(page, { x: 50, y: 700, width: 120, height: 20 });
    const url = URL.createObjectURL(new Blob([(await tpl.save()) as BlobPart], { type: 'application/pdf' }));
    const engine = await createEngine('cpro');
    const data = await (await fetch('/schemas/cpro/examples/valid.json')).json();
    const result = await generateCerfa(engine.definition, data, { template: url });
    expect(((await PDFDocument.load(result.bytes)).getForm().getField('salarie.dateNaissance') as PDFTextField).getText()).to.equal('14/03/2003');
    let error = '';
    await generateCerfa(engine.definition, data, { template: '/nulle-part.pdf' }).catch((e: Error) => (error = e.message));
    expect(error).to.contain('Le modèle de CERFA est introuvable');
  });

  it('fills the CPRO document from its example and reads it back', async () => {
    const engine = await createEngine('cpro');
    const data = await (await fetch('/schemas/cpro/examples/valid.json')).json();
    data.salarie.nomNaissance = "D'Œuvray-Łukasiewicz";
    const result = await generateCerfa(engine.definition, data, { draft: true });
    const form = (await PDFDocument.load(result.bytes)).getForm();
    const text = (name: string) => (form.getField(name) as PDFTextField).getText();
    expect(text('employeur.denomination')).to.equal('HUMANDO');
    expect(text('salarie.dateNaissance')).to.equal('14/03/2003');
    expect(text('salarie.nomNaissance')).to.equal("D'ŒUVRAY-LUKASIEWICZ");
    expect(result.warnings.join(' ')).to.contain('Caractères remplacés');
    for (const v of result.values) if (v.kind === 'text' && !/Ł/.test(String(v.value))) expect(text(v.name) ?? '', v.name).to.equal(v.value);
  });
});
