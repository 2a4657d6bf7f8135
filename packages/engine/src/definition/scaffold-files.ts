/**
 * The files of a new, minimal dispositif (`akto-forms new <id>`): one tab with two fields, one
 * rule with its samples, the wizard and lifecycle machines (the common regions by `$ref`), an
 * empty CERFA map and two examples. Pure: the CLI writes them to disk, a designer page may start
 * from them. The content is a neutral placeholder, meant to be replaced.
 */
import type { JsonFiles } from './files.js';

/** Lowercase letters, digits and dashes, starting with a letter (the pattern of dispositif.json's `id`). */
export const DISPOSITIF_ID = /^[a-z][a-z0-9-]*$/;

export function scaffoldFiles(id: string): JsonFiles {
  if (!DISPOSITIF_ID.test(id)) throw new RangeError(`invalid dispositif id: ${id}`);
  const label = `Nouveau dispositif (${id})`;
  const letters = id.replace(/[^a-z]/g, '').toUpperCase();
  const rule = `${id}.formation.dates-ordre`;
  const dates = (dateDebut: string, dateFin: string) => ({ formation: { dateDebut, dateFin } });
  return {
    'dispositif.json': {
      id,
      version: '1.0.0',
      code: id.toUpperCase(),
      label,
      title: `Nouvelle demande ${id}`,
      numberCode: letters.slice(0, 2).padEnd(2, 'X'),
      sousDispositifs: [{ code: id, label }],
      publics: ['permanent'],
      roles: ['adherent'],
      introduction: { text: ['Présentez ici le dispositif : à qui il s’adresse, ce qu’il finance, les pièces à prévoir.'], links: [] },
      summary: { debut: '/formation/dateDebut', fin: '/formation/dateFin' },
    },
    'dossier.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `Dossier ${label}`,
      type: 'object',
      additionalProperties: false,
      properties: {
        dispositif: { const: id, title: 'Dispositif', 'x-messages': { const: `Ce dossier n'est pas une demande « ${label} ».` } },
        sousDispositif: { type: 'string', title: 'Sous-dispositif', 'x-codeList': 'sous-dispositifs' },
        formation: {
          type: 'object',
          title: 'Formation',
          additionalProperties: false,
          properties: {
            dateDebut: { type: 'string', format: 'date', title: 'Date de début de la formation', examples: ['01/09/2026'] },
            dateFin: { type: 'string', format: 'date', title: 'Date de fin de la formation', examples: ['30/06/2027'] },
          },
        },
      },
    },
    'layout.json': {
      tabs: [
        {
          id: 'formation',
          title: 'Formation',
          sections: [
            {
              id: 'dates',
              title: 'Dates de la formation',
              fields: [
                { field: '/formation/dateDebut', required: true },
                { field: '/formation/dateFin', required: true },
              ],
            },
          ],
        },
      ],
    },
    'rules.json': {
      rules: [
        {
          id: rule,
          severity: 'error',
          message: 'La date de fin de la formation doit être postérieure à sa date de début.',
          description: 'Règle d’exemple : remplacez-la par celles du dispositif (et leurs exemples).',
          at: ['/formation/dateFin'],
          assert: { gt: [{ var: '/formation/dateFin' }, { var: '/formation/dateDebut' }] },
          samples: { fail: [dates('2026-09-01', '2026-08-31')], pass: [dates('2026-09-01', '2027-06-30')] },
        },
      ],
    },
    'machine.json': {
      $comment: 'Machines XState v5 : « wizard » (une région « onglet » dont les états sont les onglets du layout, plus les régions communes) et « lifecycle » (commun).',
      wizard: {
        id: 'wizard',
        type: 'parallel',
        states: {
          onglet: {
            initial: 'formation',
            on: { 'tab.select': [{ target: '.formation', guard: { type: 'isSelected', params: { tab: 'formation' } } }] },
            states: { formation: {} },
          },
          edition: { $ref: '../common/machines/edition.json' },
          demande: { $ref: '../common/machines/submission.json' },
        },
      },
      lifecycle: { $ref: '../common/machines/lifecycle.json' },
    },
    'cerfa.map.json': {
      $comment: 'Correspondance entre les champs du CERFA (ou du document par défaut) et les données : à compléter (voir schemas/README.md, « Le CERFA »).',
      document: { title: `Demande ${label}`, sections: ['LA FORMATION'] },
      fields: [],
    },
    'examples/valid.json': { dispositif: id, sousDispositif: id, ...dates('2026-09-01', '2027-06-30') },
    'examples/invalid-dates.json': { dispositif: id, sousDispositif: id, ...dates('2026-09-01', '2026-08-31') },
    'examples/expected.json': {
      $comment: 'Ce que `akto-forms validate FICHIER --definition DOSSIER --date 2026-01-15` répond pour chaque exemple (règle@champ) ; `akto-forms check` le vérifie.',
      date: '2026-01-15',
      examples: {
        'valid.json': { valid: true, errors: [], warnings: [] },
        'invalid-dates.json': { valid: false, errors: [`${rule}@/formation/dateFin`], warnings: [] },
      },
    },
  };
}
