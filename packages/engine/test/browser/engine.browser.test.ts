// The same answers in the browser as in Node: each dispositif's examples validate in Chromium
// with the precompiled validators exactly as expected.json (also checked in Node) says.
import { expect } from '@open-wc/testing';
import { createEngine, listDispositifs, type Phase, type Role } from '../../src/index.js';

interface Expected {
  date: string;
  examples: Record<string, { role?: Role; phase?: Phase; valid: boolean; errors: string[]; warnings: string[] }>;
}

const ids = (issues: { rule: string; path: string }[]) => issues.map((i) => `${i.rule}@${i.path}`);
const json = async <T>(url: string) => (await (await fetch(url)).json()) as T;

describe('engine in the browser', () => {
  it('runs without eval: the page gets its validators as plain modules', async () => {
    expect(listDispositifs().map((d) => d.id)).to.include('cpro');
  });

  for (const { id } of listDispositifs()) {
    it(`${id}: every example validates as in Node`, async () => {
      const engine = await createEngine(id);
      const expected = await json<Expected>(`/schemas/${id}/examples/expected.json`);
      for (const [file, { role, phase, ...want }] of Object.entries(expected.examples)) {
        const data = await json<unknown>(`/schemas/${id}/examples/${file}`);
        const result = engine.validate(data, { today: expected.date, role, phase });
        expect({ valid: result.valid, errors: ids(result.errors), warnings: ids(result.warnings) }, file).to.deep.equal(want);
      }
    });
  }

  it('re-validates incrementally in the browser too', async () => {
    const engine = await createEngine('cpro');
    const session = engine.session(await json(`/schemas/cpro/examples/valid.json`));
    session.set('/salarie/adresse/codePostal', 'eazea');
    expect(session.result({ phase: 'saisie' }).errors.map((e) => e.message)).to.deep.equal(['Veuillez saisir 5 chiffres.']);
    session.set('/salarie/adresse/codePostal', '69003');
    expect(session.result().valid).to.equal(true);
  });
});
