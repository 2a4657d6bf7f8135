/* Generated from schemas/proa/dossier.schema.json by json-schema-to-typescript: do not edit. Run `npm run build:schemas`. */

/**
 * Dossier de reconversion ou promotion par alternance (Pro-A)
 */
export interface ProaDossier {
  /**
   * Dispositif
   */
  dispositif?: 'proa';
  /**
   * Type de contrat
   */
  sousDispositif?: 'contrat-pro-a' | 'pro-a-fne';
  introduction?: {
    /**
     * J'ai pris connaissance de la notice comprenant les informations liées au traitement des données à caractère personnel dans le cadre du SI ALTERNANCE et de la PLATEFORME AGORA.
     */
    noticeLue?: boolean;
  };
  employeur?: Employeur;
  formation?: Formation;
  financement?: Financement;
  salarie?: Salarie;
  /**
   * Pro-A : L'emploi occupé (rappel des éléments constitutifs du contrat de travail) et l'emploi visé par la PRO-A.
   */
  proa?: {
    /**
     * Emploi occupé dans le cadre du contrat de travail (intitulé précis)
     */
    emploiOccupe?: string;
    /**
     * Classification de l'emploi dans la convention collective
     */
    classificationOccupe?: string;
    /**
     * Niveau
     */
    niveauOccupe?: string;
    /**
     * Coefficient hiérarchique
     */
    coefficientOccupe?: string;
    /**
     * Date de début d'exécution du contrat de travail
     */
    dateDebutContratTravail?: string;
    /**
     * La PRO-A visée
     */
    visee?: 'reconversion' | 'promotion';
    /**
     * La PRO-A comporte-t-elle des actions permettant de valider les acquis de l'expérience (VAE) ?
     */
    vae?: boolean;
    /**
     * La PRO-A vise-t-elle l'acquisition du socle de connaissances et de compétences (CléA) ? : Pour une Pro-A visant CléA ou comportant une VAE, la durée minimale de formation ne s'applique pas.
     */
    cleA?: boolean;
    /**
     * Emploi visé par la Pro-A (intitulé précis)
     */
    emploiVise?: string;
    /**
     * La PRO-A est effectuée sur le temps de travail
     */
    surTempsTravail?: boolean;
    /**
     * Classification de l'emploi dans la convention collective
     */
    classificationVisee?: string;
    /**
     * Niveau
     */
    niveauVise?: string;
    /**
     * Coefficient hiérarchique
     */
    coefficientVise?: string;
    /**
     * Date de début d'exécution de la Pro-A
     */
    dateDebut?: string;
    /**
     * Date de fin d'exécution de la Pro-A
     */
    dateFin?: string;
    /**
     * Durée de la Pro-A (mois) : Calculée à partir des dates de début et de fin d'exécution de la Pro-A.
     */
    dureeMois?: number;
    /**
     * Durée hebdomadaire du travail : En heures.
     */
    dureeHebdoHeures?: number;
    /**
     * L'employeur atteste disposer de l'accord écrit du salarié pour suivre des heures de formation en dehors du temps de travail
     */
    accordEcritHorsTempsTravail?: boolean;
    /**
     * L'employeur atteste que le(s) tuteur(s) désigné(s) remplit(ssent) les conditions requises pour exercer la fonction tutorale
     */
    attestationTuteurs?: boolean;
  };
  /**
   * Tuteur(s)
   *
   * @maxItems 2
   */
  tuteurs?: [] | [Tuteur] | [Tuteur, Tuteur];
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
 * Formation : La formation d'un contrat en alternance (CPRO, Pro-A).
 */
export interface Formation {
  organisme?: Organisme;
  /**
   * Formation interne (service de formation de l'entreprise)
   */
  formationInterne?: boolean;
  /**
   * Type de qualification visée
   */
  typeQualification?: '1' | '2' | '3';
  /**
   * Diplôme ou titre visé
   */
  diplomeVise?:
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
  /**
   * Intitulé de la formation
   */
  intitule?: string;
  /**
   * Code RNCP
   */
  rncp?: string;
  /**
   * Code RNCP inactif à la date de conclusion du contrat : Renseigné par le référentiel RNCP de l'hôte : une relance sera transmise.
   */
  rncpInactif?: boolean;
  /**
   * Code RNCP remplaçant
   */
  rncpRemplacant?: string;
  /**
   * Modalité pédagogique
   */
  modalite?: 'presentielle' | 'distancielle' | 'mixte';
  /**
   * Type de formation
   */
  typeFormation?: 'externe-complet' | 'externe' | 'interne';
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
  /**
   * Dont heures hors temps de travail
   */
  heuresHorsTempsTravail?: number;
  /**
   * Durée totale des actions de positionnement, d'évaluation, d'accompagnement et des enseignements (heures)
   */
  dureeTotaleActions?: number;
  /**
   * Dont durée des enseignements généraux, professionnels et technologiques (heures)
   */
  dureeEnseignements?: number;
  /**
   * La formation comporte-t-elle des actions permettant de valider les acquis de l'expérience (VAE) ?
   */
  vae?: boolean;
  /**
   * Paiement direct par l'OPCO à l'organisme de formation
   */
  paiementDirectOpco?: boolean;
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
 * Financement : Montants hors taxes.
 */
export interface Financement {
  /**
   * Modalité de facturation
   */
  modaliteFacturation?: 'heure-stagiaire' | 'forfait';
  /**
   * Coûts pédagogiques (Formation, bilan positionnement, évaluation, accompagnement) : montant demandé HT
   */
  coutsPedagogiques?: number;
  /**
   * Autres frais
   *
   * @maxItems 20
   */
  autresFrais?:
    | []
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ]
    | [
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        },
        {
          /**
           * Types de frais
           */
          type?: 'autres' | 'evaluation' | 'accompagnement';
          /**
           * Montant demandé HT
           */
          montant?: number;
        }
      ];
  /**
   * Frais d'hébergement : nombre de nuitées
   */
  hebergementNuitees?: number;
  /**
   * Montant demandé HT
   */
  hebergementMontant?: number;
  /**
   * Frais de repas : nombre de repas
   */
  repasNombre?: number;
  /**
   * Montant demandé HT
   */
  repasMontant?: number;
  /**
   * Montant demandé HT
   */
  transportMontant?: number;
  /**
   * Montant demandé HT
   */
  gardeMontant?: number;
  /**
   * Total demandé HT
   */
  totalDemande?: number;
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
   * Nationalité
   */
  nationalite?: '1' | '2' | '3';
  /**
   * Êtes-vous détenteur d'un NIR temporaire ?
   */
  nirTemporaire?: boolean;
  /**
   * Numéro de sécurité sociale (NIR) : Dans le cadre de l'article L.6353-10 du code du travail. Ce numéro se trouve sur la carte Vitale et sur le bulletin de salaire.
   */
  nir?: string;
  /**
   * Si vous êtes détenteur d'un NIR octroyé par l'employeur, cochez la case ci-contre
   */
  nirAttribueParEmployeur?: boolean;
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
   * Inscrit à Pôle Emploi depuis plus d'un an
   */
  inscritPlusUnAn?: boolean;
  /**
   * Situation avant contrat
   */
  situationAvantContrat?: 'scolaire' | 'etudiant' | 'demandeur-emploi' | 'salarie' | 'contrat-aide' | 'autre';
  /**
   * Situation du salarié
   */
  situationProA?: '1' | '2' | '3' | '4';
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
  adresse?: Adresse2;
  /**
   * Téléphone
   */
  telephone?: string;
  /**
   * Email : 200 caractères maximum
   */
  email?: string;
  /**
   * J'atteste que le salarié n'est pas en période d'essai
   */
  attestationHorsPeriodeEssai?: boolean;
}
/**
 * Coordonnées du salarié(e)
 */
export interface Adresse2 {
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
 * Tuteur : Recherche possible en notant les premières lettres du nom du tuteur ; après sélection, les champs sont auto-complétés (sauf « Emploi occupé »).
 */
export interface Tuteur {
  /**
   * Tuteur
   */
  role?: 'etablissement' | 'utilisateur';
  /**
   * Nom de naissance
   */
  nomNaissance?: string;
  /**
   * Prénom
   */
  prenom?: string;
  /**
   * Date de naissance
   */
  dateNaissance?: string;
  /**
   * Emploi occupé
   */
  emploi?: string;
  /**
   * Le tuteur est-il l'employeur ?
   */
  estEmployeur?: boolean;
  /**
   * Années d'expérience professionnelle en rapport avec la qualification visée
   */
  experienceAns?: number;
  /**
   * Nombre de salariés en contrat de professionnalisation ou d'apprentissage déjà suivis
   */
  salariesSuivis?: number;
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
