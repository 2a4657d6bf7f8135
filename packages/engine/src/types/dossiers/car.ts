/* Generated from schemas/car/dossier.schema.json by json-schema-to-typescript: do not edit. Run `npm run build:schemas`. */

/**
 * Dossier de contrat d'alternance reconversion (CAR)
 */
export interface CarDossier {
  /**
   * Dispositif
   */
  dispositif?: 'car';
  /**
   * Sous-dispositif
   */
  sousDispositif?: 'cipi' | 'cdpi' | 'action-formation-fpe' | 'car';
  introduction?: {
    /**
     * J'ai pris connaissance de la notice comprenant les informations liées au traitement des données à caractère personnel.
     */
    noticeLue?: boolean;
  };
  /**
   * Employeur : Les informations relatives à votre entreprise sont extraites des données de l'INSEE. En cas de problème ou d'erreur, merci de contacter votre conseiller AKTO, il vous guidera dans les démarches à suivre afin d'effectuer les modifications de manière durable.
   */
  employeur?: {
    /**
     * Nom et Prénom ou dénomination
     */
    raisonSociale?: string;
    /**
     * SIRET
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
     * Type de public
     */
    typePublic?: 'permanent' | 'interimaire';
    adresse?: Adresse;
    /**
     * Email : 200 caractères maximum
     */
    email?: string;
  };
  /**
   * Salarié(e) intérimaire
   */
  salarie?: {
    /**
     * Nom de naissance
     */
    nomNaissance?: string;
    /**
     * Prénom(s)
     */
    prenoms?: string;
    /**
     * Date de naissance
     */
    dateNaissance?: string;
  };
  /**
   * Formation
   */
  formation?: {
    /**
     * Intitulé de la formation
     */
    intitule?: string;
    /**
     * Organisme de formation : Rechercher l'organisme de formation ; s'il n'est pas trouvé, le créer par « Nouvel établissement ».
     */
    organisme?: {
      /**
       * Raison sociale
       */
      raisonSociale?: string;
      /**
       * SIRET
       */
      siret?: string;
    };
    /**
     * Début de formation
     */
    dateDebut?: string;
    /**
     * Fin de formation
     */
    dateFin?: string;
    /**
     * Durée de formation (heures)
     */
    dureeHeures?: number;
  };
  /**
   * Synthèse
   */
  synthese?: {
    /**
     * J'atteste sur l'honneur l'exactitude des données saisies.
     */
    attestationExactitude?: boolean;
    /**
     * J'accepte les Conditions Générales (CG) d'Akto et les conditions de prise en charge, et je confirme avoir pris connaissance de celles-ci via le lien suivant : « Conditions générales - Akto »
     */
    acceptationCG?: boolean;
    /**
     * 256 caractères maximum. Vous pouvez saisir un commentaire : ce dernier sera visible par le gestionnaire, lors de l'instruction de la demande.
     */
    commentaire?: string;
  };
  documents?: Documents;
}
/**
 * Adresse employeur
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
