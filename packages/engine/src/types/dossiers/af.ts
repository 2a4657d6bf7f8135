/* Generated from schemas/af/dossier.schema.json by json-schema-to-typescript: do not edit. Run `npm run build:schemas`. */

/**
 * Dossier d'action de formation
 */
export interface AfDossier {
  /**
   * Dispositif
   */
  dispositif?: 'af';
  /**
   * Sous-dispositif
   */
  sousDispositif?: 'pdc' | 'clea' | 'pic-iae' | 'abondement-cpf' | 'action-standard';
  introduction?: {
    /**
     * J'ai pris connaissance de la notice comprenant les informations liées au traitement des données à caractère personnel.
     */
    noticeLue?: boolean;
  };
  employeur?: Employeur;
  /**
   * Modules
   *
   * @maxItems 10
   */
  modules?:
    | []
    | [Module]
    | [Module, Module]
    | [Module, Module, Module]
    | [Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module, Module, Module, Module, Module]
    | [Module, Module, Module, Module, Module, Module, Module, Module, Module, Module];
  /**
   * Stagiaires
   *
   * @maxItems 100
   */
  stagiaires?: Stagiaire[];
  /**
   * Financement : Montants hors taxes.
   */
  financement?: {
    /**
     * Coûts par nature et par module
     *
     * @maxItems 60
     */
    lignes?: LigneCout[];
    /**
     * Paiement direct par l'OPCO à l'organisme de formation
     */
    paiementDirectOpco?: boolean;
    /**
     * Total demandé HT
     */
    totalDemande?: number;
  };
  synthese?: Synthese;
  documents?: Documents;
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
 * Module : Les mentions de la convention de formation (art. D6353-1 du code du travail) et du programme (art. L6353-1).
 */
export interface Module {
  /**
   * Intitulé du module
   */
  intitule?: string;
  /**
   * Objectif(s) de la formation : 1000 caractères maximum
   */
  objectif?: string;
  /**
   * Contenu de la formation : 2000 caractères maximum
   */
  contenu?: string;
  organisme?: Organisme;
  /**
   * Modalité pédagogique
   */
  modalite?: 'presentielle' | 'distancielle' | 'mixte';
  /**
   * Date de début
   */
  dateDebut?: string;
  /**
   * Date de fin
   */
  dateFin?: string;
  /**
   * Durée (heures)
   */
  dureeHeures?: number;
  /**
   * Moyens pédagogiques, techniques et d'encadrement : 1000 caractères maximum
   */
  moyensPedagogiques?: string;
  /**
   * Modalités de suivi et d'évaluation : 1000 caractères maximum
   */
  modalitesSuivi?: string;
  /**
   * Coût pédagogique HT (prix de l'action)
   */
  coutPedagogique?: number;
}
/**
 * Organisme de formation : Rechercher l'organisme de formation ; s'il n'est pas trouvé, le créer par « Nouvel établissement ».
 */
export interface Organisme {
  /**
   * Raison sociale
   */
  raisonSociale?: string;
  /**
   * SIRET
   */
  siret?: string;
  /**
   * Numéro de déclaration d'activité (NDA)
   */
  nda?: string;
  /**
   * Code UAI
   */
  uai?: string;
  /**
   * Certification Qualiopi
   */
  qualiopi?: boolean;
  adresse?: Adresse1;
  /**
   * Email : 200 caractères maximum
   */
  email?: string;
}
/**
 * Adresse de l'organisme
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
/**
 * Stagiaire
 */
export interface Stagiaire {
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
   * Catégorie socio-professionnelle (CSP)
   */
  csp?: '1' | '2' | '3' | '4' | '5' | '6';
  /**
   * Type de public
   */
  typePublic?: 'permanent' | 'interimaire';
  /**
   * Email : 200 caractères maximum
   */
  email?: string;
  /**
   * Module(s) suivi(s) : Numéros des modules de l'onglet Formation suivis par le stagiaire (1 pour le premier module).
   *
   * @maxItems 10
   *
   * Items: N° du module
   */
  modules?:
    | []
    | [number]
    | [number, number]
    | [number, number, number]
    | [number, number, number, number]
    | [number, number, number, number, number]
    | [number, number, number, number, number, number]
    | [number, number, number, number, number, number, number]
    | [number, number, number, number, number, number, number, number]
    | [number, number, number, number, number, number, number, number, number]
    | [number, number, number, number, number, number, number, number, number, number];
}
/**
 * Coût
 */
export interface LigneCout {
  /**
   * Nature
   */
  nature?: 'montant-cp' | 'subvention-etat' | 'repas' | 'hebergement' | 'remuneration' | 'transport';
  /**
   * N° du module : Numéro du module de l'onglet Formation (1 pour le premier module).
   */
  module?: number;
  /**
   * Montant demandé HT
   */
  montant?: number;
}
/**
 * Synthèse
 */
export interface Synthese {
  /**
   * J'atteste sur l'honneur l'exactitude des données saisies.
   */
  attestationExactitude?: boolean;
  /**
   * J'accepte les Conditions Générales (CG) d'Akto et les conditions de prise en charge, et je confirme avoir pris connaissance de celles-ci via le lien suivant : « Conditions générales - Akto »
   */
  acceptationCG?: boolean;
  /**
   * Commentaires (infos complémentaires...) : 256 caractères maximum. Le commentaire est facultatif ; il sera visible par l'employeur et par le gestionnaire lors de l'instruction de la demande.
   */
  commentaire?: string;
  /**
   * Fait à
   */
  faitA?: string;
  /**
   * Date de signature du CERFA
   */
  dateSignature?: string;
}
/**
 * Documents : Les pièces jointes au dossier ; les types et limites sont dans documents.json du dispositif.
 */
export interface Documents {
  /**
   * L'employeur atteste disposer de l'ensemble des pièces justificatives nécessaires au dépôt du dossier
   */
  attestationPieces?: boolean;
  /**
   * Documents à transmettre (Assurez-vous d'avoir signé tous les documents qui peuvent l'être)
   *
   * @maxItems 100
   */
  fichiers?: {
    /**
     * Type de document
     */
    type?: string;
    /**
     * Nom du fichier
     */
    nom?: string;
    /**
     * Taille (octets)
     */
    taille?: number;
    /**
     * Format
     */
    format?: 'pdf' | 'jpg' | 'png' | 'xls' | 'xlsx' | 'doc' | 'docx';
    /**
     * Référence du fichier chez l'hôte
     */
    ref?: string;
    /**
     * Déposé le
     */
    depotLe?: string;
    /**
     * Conformité (renseignée par AKTO)
     */
    conformite?: string;
  }[];
}
