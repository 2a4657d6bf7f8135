// Sample reference data of the demo portal, behind the provider interfaces a real host implements
// (établissements, organismes de formation, codes RNCP, tuteurs). Fictitious but well-formed
// (SIRET with a valid Luhn key).

export const ENTITIES = {
  adherent: { role: 'adherent', entityId: '40101593800038', name: 'HUMANDO', email: 'rh@humando.exemple.fr' },
  prestataire: { role: 'prestataire', entityId: '48816678600019', name: 'LEGOUD CONSEIL FORMATION', email: 'contact@legoud.exemple.fr' },
};

export const ACCOUNTS = [
  {
    siren: '401015938',
    raisonSociale: 'HUMANDO',
    travailTemporaire: true,
    etablissements: [
      {
        siret: '40101593800038',
        raisonSociale: 'HUMANDO',
        ville: 'VILLEURBANNE',
        naf: '7820Z',
        idcc: '1413',
        conventionCollective: 'Convention collective nationale du personnel permanent des entreprises de travail temporaire',
        adresse: { voie: '2 RUE HENRI LEGAY', codePostal: '69100', commune: 'VILLEURBANNE' },
        email: 'rh@humando.exemple.fr',
      },
    ],
  },
];

export const ORGANISMES = [
  { value: '48816678600019', label: 'LEGOUD CONSEIL FORMATION', detail: 'SIRET 48816678600019 · Lyon · Qualiopi', record: { raisonSociale: 'LEGOUD CONSEIL FORMATION', siret: '48816678600019', nda: '11755555575', qualiopi: true } },
  { value: '73282932000074', label: 'BUREAU VERITAS EXPLOITATION', detail: 'SIRET 73282932000074 · Paris · Qualiopi', record: { raisonSociale: 'BUREAU VERITAS EXPLOITATION', siret: '73282932000074', nda: '11920000092', qualiopi: true } },
];

export const RNCP = [
  { value: 'RNCP12050', label: 'RNCP12050 - CQP DÉVELOPPEUR NOUVELLES TECHNOLOGIES' },
  { value: 'RNCP12300', label: 'RNCP12300 - DIAGNOSTIQUEUR TECHNIQUE IMMOBILIER' },
  { value: 'RNCP37039', label: 'RNCP37039 - CQP ACCOMPAGNEMENT SOCIO-PROFESSIONNEL' },
  { value: 'RNCP37313', label: 'RNCP37313 - BOULANGER' },
];

export const TUTEURS = [
  { value: 'DURAND', label: 'DURAND Marc', detail: 'Responsable d’agence', record: { nomNaissance: 'DURAND', prenom: 'Marc', dateNaissance: '1980-04-02' } },
  { value: 'PETIT', label: 'PETIT Léa', detail: 'Chargée de recrutement', record: { nomNaissance: 'PETIT', prenom: 'Léa', dateNaissance: '1978-11-20' } },
];

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const find = (list) => async (query) => list.filter((o) => fold(`${o.label} ${o.detail ?? ''} ${o.value}`).includes(fold(query)));

export const SEARCH = {
  organisme: find(ORGANISMES),
  rncp: find(RNCP),
  tuteur: find(TUTEURS),
  etablissement: find(
    ACCOUNTS.flatMap((a) =>
      a.etablissements.map((e) => ({ value: e.siret, label: e.raisonSociale, detail: `SIRET ${e.siret} · ${e.ville}`, record: { ...e, ...e.adresse } })),
    ),
  ),
};

/** NIR/nom lookup and RNCP status, as a reference service would answer. */
export const CHECKS = {
  nirTitulaire: async ({ nomNaissance }) => String(nomNaissance).trim().length > 1,
  rncpActif: async ({ rncp }) => (rncp === 'RNCP12300' ? { ok: false } : true),
};
