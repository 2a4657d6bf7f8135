/**
 * Turns ajv errors into French field messages. A schema node's `x-messages` (keyword → message) gives
 * the definition's wording; the generic messages below are the fallback `akto-forms check` reports.
 */
import { formatMessage } from '../formats/messages.js';
import { escapeSegment } from '../pointer/json-pointer.js';

/** The subset of ajv's ErrorObject we read (standalone code produces the same shape). */
export interface AjvError {
  instancePath: string;
  schemaPath?: string;
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

/**
 * Keywords whose message only the definition can word (« 2 tuteurs maximum. », « Poids : 20Mo maximum. »):
 * each needs an `x-messages` entry, else the user reads « Saisie invalide. » (`akto-forms check` reports it).
 */
export const GENERIC_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'enum',
  'const',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
] as const;

/**
 * Returns null for errors that only repeat another one (if/then, anyOf wrappers). `messages`: the
 * `x-messages` of the schema node the error is about, whose wording wins over the generic one.
 */
export function mapAjvError(error: AjvError, messages?: Readonly<Record<string, string>>): MappedError | null {
  const { keyword, params } = error;
  // the items a `contains` did not match are not mistakes: ajv keeps them when the `contains` itself fails
  if (error.schemaPath?.includes('/contains/')) return null;
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
    case 'enum':
      // a code list, shown as a select of its entries (other keywords' messages are the definition's x-messages)
      message = 'Sélectionnez un élément de la liste.';
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
  const own = messages?.[keyword];
  if (typeof own === 'string' && own) message = own;
  return { rule, path, message, required };
}
