/**
 * The dossier formats, registered in ajv under these exact names so that any tool can find
 * fields by meaning. This module is compiled into the standalone validators (ajv `code.formats`),
 * so it stays free of Node and DOM APIs. Messages live in ./messages.ts.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isValidNir, isValidSiren, isValidSiret, isValidTelephone } from './identifiers.js';

export type FormatCheck = RegExp | ((value: string) => boolean) | { validate: (value: string) => boolean };

/** The object ajv reads formats from (`code.formats` in standalone code). */
export const formats: Record<string, FormatCheck> = {
  date: fullFormats.date as FormatCheck,
  email: fullFormats.email as FormatCheck,
  nir: isValidNir,
  siret: isValidSiret,
  siren: isValidSiren,
  'code-postal': /^\d{5}$/,
  telephone: isValidTelephone,
  rncp: /^RNCP\d{3,5}(?:BC\d{2})?$/,
  idcc: /^\d{4}$/,
  naf: /^\d{2}\.?\d{2}[A-Z]$/,
  nda: /^\d{11}$/,
  uai: /^\d{7}[A-Z]$/,
};

export function checkFormat(name: string, value: string): boolean {
  const c = formats[name];
  if (!c) return true;
  if (c instanceof RegExp) return c.test(value);
  if (typeof c === 'function') return c(value);
  return c.validate(value);
}
