/* Generated from schemas/cpro/dossier.schema.json by json-schema-to-typescript: do not edit. Run `npm run build:schemas`. */

/**
 * Dossier de contrat de professionnalisation
 */
export interface CproDossier {
  /**
   * Dispositif
   */
  dispositif?: 'cpro';
  /**
   * Sous-dispositif
   */
  sousDispositif?: 'cpro';
  introduction?: {
    /**
     * J'ai pris connaissance de la notice comprenant les informations liées au traitement des données à caractère personnel.
     */
    noticeLue?: boolean;
  };
  employeur?: Employeur;
  salarie?: Salarie;
}
/**
 * Employeur : L'établissement d'exécution du contrat. Les données d'identification viennent du référentiel des établissements (INSEE) et ne sont pas modifiables.
 */
export interface Employeur {
  /**
   * Raison sociale
   */
  raisonSociale?: string;
  /**
   * Siret de l'établissement d'exécution du contrat
   */
  siret?: string;
  /**
   * NAF
   */
  naf?: string;
  /**
   * IDCC
   */
  idcc?: string;
  /**
   * Convention collective appliquée
   */
  conventionCollective?: string;
  /**
   * Type de public
   */
  typePublic?: 'permanent' | 'interimaire';
  adresse?: Adresse;
  /**
   * Téléphone
   */
  telephone?: string;
  /**
   * Email : 200 caractères maximum
   */
  email?: string;
  /**
   * Effectif total de l'entreprise
   */
  effectif?: number;
  /**
   * Caisse de retraite complémentaire
   */
  caisseRetraite?: string;
  /**
   * Organisme de prévoyance
   */
  prevoyance?: string;
}
/**
 * Adresse d'exécution du contrat
 */
export interface Adresse {
  /**
   * N° et voie
   */
  voie?: string;
  /**
   * Complément d'adresse
   */
  complement?: string;
  /**
   * Code postal
   */
  codePostal?: string;
  /**
   * Commune
   */
  commune?: string;
}
/**
 * Salarié(e)
 */
export interface Salarie {
  /**
   * Nom de naissance
   */
  nomNaissance?: string;
  /**
   * Nom d'usage (si différent)
   */
  nomUsage?: string;
  /**
   * Prénom(s)
   */
  prenoms?: string;
  /**
   * Sexe
   */
  sexe?: '1' | '2';
  /**
   * Date de naissance
   */
  dateNaissance?: string;
  /**
   * Département de naissance
   */
  departementNaissance?:
    | '01'
    | '02'
    | '03'
    | '04'
    | '05'
    | '06'
    | '07'
    | '08'
    | '09'
    | '10'
    | '11'
    | '12'
    | '13'
    | '14'
    | '15'
    | '16'
    | '17'
    | '18'
    | '19'
    | '2A'
    | '2B'
    | '21'
    | '22'
    | '23'
    | '24'
    | '25'
    | '26'
    | '27'
    | '28'
    | '29'
    | '30'
    | '31'
    | '32'
    | '33'
    | '34'
    | '35'
    | '36'
    | '37'
    | '38'
    | '39'
    | '40'
    | '41'
    | '42'
    | '43'
    | '44'
    | '45'
    | '46'
    | '47'
    | '48'
    | '49'
    | '50'
    | '51'
    | '52'
    | '53'
    | '54'
    | '55'
    | '56'
    | '57'
    | '58'
    | '59'
    | '60'
    | '61'
    | '62'
    | '63'
    | '64'
    | '65'
    | '66'
    | '67'
    | '68'
    | '69'
    | '70'
    | '71'
    | '72'
    | '73'
    | '74'
    | '75'
    | '76'
    | '77'
    | '78'
    | '79'
    | '80'
    | '81'
    | '82'
    | '83'
    | '84'
    | '85'
    | '86'
    | '87'
    | '88'
    | '89'
    | '90'
    | '91'
    | '92'
    | '93'
    | '94'
    | '95'
    | '971'
    | '972'
    | '973'
    | '974'
    | '975'
    | '976'
    | '99';
  /**
   * Commune de naissance
   */
  communeNaissance?: string;
  /**
   * Êtes-vous détenteur d'un NIR temporaire ?
   */
  nirTemporaire?: boolean;
  /**
   * Numéro de sécurité sociale (NIR) : Dans le cadre de l'article L.6353-10 du code du travail. Ce numéro se trouve sur la carte Vitale et sur le bulletin de salaire.
   */
  nir?: string;
  /**
   * Reconnaissance travailleur handicapé
   */
  rqth?: boolean;
  /**
   * Si oui, bénéficiez-vous de droits attachés à la RQTH ?
   */
  rqthDroits?: boolean;
  /**
   * Catégorie socio-professionnelle (CSP)
   */
  csp?: '1' | '2' | '3' | '4' | '5' | '6';
  /**
   * Inscrit à France Travail ?
   */
  franceTravailInscrit?: boolean;
  /**
   * Si oui, renseigner le numéro d'inscription
   */
  franceTravailNumero?: string;
  /**
   * Durée d'inscription (en mois)
   */
  franceTravailDureeMois?: number;
  /**
   * Situation avant contrat
   */
  situationAvantContrat?: 'scolaire' | 'etudiant' | 'demandeur-emploi' | 'salarie' | 'contrat-aide' | 'autre';
  /**
   * Type de minimum social, si bénéficiaire
   */
  minimumSocial?: 'rsa' | 'ass' | 'aah' | 'cui' | 'aucun';
  /**
   * Diplôme ou titre le plus élevé obtenu
   */
  diplomeObtenu?:
    | '13'
    | '25'
    | '26'
    | '33'
    | '34'
    | '35'
    | '38'
    | '41'
    | '42'
    | '43'
    | '49'
    | '54'
    | '55'
    | '58'
    | '62'
    | '63'
    | '64'
    | '69'
    | '73'
    | '75'
    | '76'
    | '79'
    | '80';
  adresse?: Adresse1;
  /**
   * Téléphone
   */
  telephone?: string;
  /**
   * Email : 200 caractères maximum
   */
  email?: string;
}
/**
 * Coordonnées du salarié(e)
 */
export interface Adresse1 {
  /**
   * N° et voie
   */
  voie?: string;
  /**
   * Complément d'adresse
   */
  complement?: string;
  /**
   * Code postal
   */
  codePostal?: string;
  /**
   * Commune
   */
  commune?: string;
}
