import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormat } from '../src/formats/index.js';
import { isValidNir, nirKey } from '../src/formats/identifiers.js';
import { createEngine } from '../src/registry/index.js';

const cases: Record<string, { valid: string[]; invalid: string[] }> = {
  date: { valid: ['2024-02-29', '1990-01-01'], invalid: ['2023-02-29', '2024-02-31', '31/12/2024', '11', '2024-13-01', ''] },
  nir: {
    valid: ['253072B07300470', '253072A07300443', '188057511200132', '788057511200123', '188307511200144', '299129912345662'],
    invalid: ['253072B07300471', '188057511200131', '1880575112001', '588057511200100', '188137511200100', '18805751120013X', '188 05 75 112 001 32'],
  },
  siret: { valid: ['40101593800038', '73282932000074', '35600000049837'], invalid: ['40101593800033', '35600000049838', '4010159380003', 'ABCDEFGHIJKLMN'] },
  siren: { valid: ['401015938', '732829320'], invalid: ['401015939', '40101593', '4010159380'] },
  'code-postal': { valid: ['69100', '20000', '97400'], invalid: ['eazea', '6910', '691000', '69 100'] },
  telephone: { valid: ['06 20 50 12 34', '0123456789', '+33 6 20 50 12 34', '01.23.45.67.89', '+262 692 12 34 56'], invalid: ['12345', '0020501234', '06 20 50 12', 'abcdefghij'] },
  email: { valid: ['contact@exemple.fr', 'nom.prenom@domaine.fr'], invalid: ['essai', 'amaal@', 'a@b', 'a b@c.fr'] },
  rncp: { valid: ['RNCP12050', 'RNCP123', 'RNCP37313BC01'], invalid: ['RNCP12', 'rncp12050', 'RNCP123456', '12050'] },
  idcc: { valid: ['1413', '0275', '9999'], invalid: ['275', '14130', 'A413'] },
  naf: { valid: ['7820Z', '78.20Z', '5610A'], invalid: ['7820', '782Z', '7820z'] },
  nda: { valid: ['11755555575'], invalid: ['1175555557', 'A1755555575'] },
};

for (const [format, { valid, invalid }] of Object.entries(cases)) {
  test(`format ${format}: accepts valid values and refuses invalid ones`, () => {
    for (const v of valid) assert.equal(checkFormat(format, v), true, `${format} should accept ${v}`);
    for (const v of invalid) assert.equal(checkFormat(format, v), false, `${format} should refuse ${v}`);
  });
}

test('NIR key: Corsica 2A/2B are replaced by 19/18; temporary NIRs (7/8) keep the same key rule', () => {
  assert.equal(nirKey('253072B073004'), 70);
  assert.equal(nirKey('253072A073004'), 43);
  assert.ok(isValidNir('253072b07300470'), 'lower-case b is the same département');
  assert.ok(!isValidNir('253072C07300470'));
});

test('SIRET of La Poste: failing Luhn but digit sum multiple of 5 is valid, only for SIREN 356000000', () => {
  assert.ok(checkFormat('siret', '35600000049837'));
  assert.ok(!checkFormat('siret', '35600000149837'.replace(/^356000001/, '356000011')));
  assert.ok(!checkFormat('siret', '12300000049837'));
});

test('the precompiled CPRO validators show each format message under its field', async () => {
  const engine = await createEngine('cpro');
  const result = engine.validate(
    {
      dispositif: 'cpro',
      employeur: { email: 'essai', siret: '123', adresse: { codePostal: 'eazea' }, telephone: '12' },
      salarie: { dateNaissance: '2024-02-31', nir: '1880575112001' },
    },
    { phase: 'saisie' },
  );
  const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
  assert.deepEqual(byPath, {
    '/employeur/email': "Respecter le format de l'Email",
    '/employeur/siret': 'Le SIRET doit comporter 14 chiffres valides.',
    '/employeur/adresse/codePostal': 'Veuillez saisir 5 chiffres.',
    '/employeur/telephone': 'Saisissez un numéro de téléphone valide (Ex : 06 20 50 12 34).',
    '/salarie/dateNaissance': 'Saisissez une valeur de date valide au format JJ/MM/AAAA.',
    '/salarie/nir': 'Le numéro de sécurité sociale (NIR) doit comporter 13 caractères suivis de sa clé de 2 chiffres.',
  });
  assert.ok(result.errors.every((e) => e.rule.startsWith('format.') && e.phase === 'saisie'));
});
