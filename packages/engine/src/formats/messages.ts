/** French messages of the dossier formats (kept apart from the checks so the runtime carries no ajv code). */
export const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Saisissez une valeur de date valide au format JJ/MM/AAAA.',
  email: "Respecter le format de l'Email",
  nir: 'Le numéro de sécurité sociale (NIR) doit comporter 13 caractères suivis de sa clé de 2 chiffres.',
  siret: 'Le SIRET doit comporter 14 chiffres valides.',
  siren: 'Le SIREN doit comporter 9 chiffres valides.',
  'code-postal': 'Veuillez saisir 5 chiffres.',
  telephone: 'Saisissez un numéro de téléphone valide (Ex : 06 20 50 12 34).',
  rncp: 'Le code RNCP doit comporter « RNCP » suivi de 3 à 5 chiffres (Ex : RNCP12050).',
  idcc: 'Le code IDCC doit comporter 4 chiffres (Ex : 1413).',
  naf: 'Le code NAF doit comporter 4 chiffres et une lettre (Ex : 7820Z).',
  nda: "Le numéro de déclaration d'activité doit comporter 11 chiffres.",
  uai: 'Le code UAI doit comporter 7 chiffres et une lettre.',
};

export function formatMessage(name: string): string {
  return FORMAT_MESSAGES[name] ?? "Le format de la saisie n'est pas valide.";
}
