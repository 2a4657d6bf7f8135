/** Turns ajv errors into French field messages. */
import { formatMessage } from '../formats/messages.js';
import { escapeSegment } from '../pointer/json-pointer.js';

/** The subset of ajv's ErrorObject we read (standalone code produces the same shape). */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface MappedError {
  rule: string;
  path: string;
  message: string;
  required: boolean;
}

const TYPE_MESSAGES: Record<string, string> = {
  number: 'Saisissez un nombre.',
  integer: 'Saisissez un nombre entier.',
  string: 'Saisissez un texte.',
  boolean: 'Sélectionnez Oui ou Non.',
};

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** Returns null for errors that only repeat another one (if/then, anyOf wrappers). */
export function mapAjvError(error: AjvError): MappedError | null {
  const { keyword, params } = error;
  let path = error.instancePath;
  let message: string;
  let rule = `schema.${keyword}`;
  let required = false;
  switch (keyword) {
    case 'format':
      rule = `format.${String(params.format)}`;
      message = formatMessage(String(params.format));
      break;
    case 'type': {
      const type = Array.isArray(params.type) ? String(params.type[0]) : String(params.type);
      message = TYPE_MESSAGES[type] ?? 'Donnée mal formée.';
      break;
    }
    case 'maxLength':
      message = `${plural(Number(params.limit), 'caractère')} maximum`;
      break;
    case 'minLength':
      message = `${plural(Number(params.limit), 'caractère')} minimum`;
      break;
    case 'maxItems':
      message = `${plural(Number(params.limit), 'élément')} maximum`;
      break;
    case 'minItems':
      message = `${plural(Number(params.limit), 'élément')} minimum`;
      break;
    case 'minimum':
      message = `La valeur doit être supérieure ou égale à ${String(params.limit)}.`;
      break;
    case 'exclusiveMinimum':
      message = `La valeur doit être supérieure à ${String(params.limit)}.`;
      break;
    case 'maximum':
      message = `La valeur doit être inférieure ou égale à ${String(params.limit)}.`;
      break;
    case 'exclusiveMaximum':
      message = `La valeur doit être inférieure à ${String(params.limit)}.`;
      break;
    case 'multipleOf':
      message = Number(params.multipleOf) === 0.01 ? 'Saisissez au plus 2 décimales.' : 'Valeur non autorisée.';
      break;
    case 'enum':
    case 'const':
      message = 'Sélectionnez un élément de la liste.';
      break;
    case 'uniqueItems':
      message = "Chaque valeur ne doit apparaître qu'une fois.";
      break;
    case 'pattern':
      message = "Le format de la saisie n'est pas valide.";
      break;
    case 'additionalProperties':
      path = `${path}/${escapeSegment(String(params.additionalProperty))}`;
      message = 'Donnée non prévue pour ce dossier.';
      break;
    case 'required':
      path = `${path}/${escapeSegment(String(params.missingProperty))}`;
      message = 'Saisie obligatoire';
      rule = 'required';
      required = true;
      break;
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return null;
    default:
      message = 'Saisie invalide.';
  }
  return { rule, path, message, required };
}
