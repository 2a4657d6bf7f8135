/**
 * French identifiers: NIR (numéro de sécurité sociale), SIREN/SIRET (Luhn, La Poste exception)
 * and the short codes used in dossiers. Pure functions, shared by ajv (compiled into the
 * standalone validators) and by the elements (input help).
 */

const NIR = /^([1-478])(\d{2})(\d{2})(\d{2}|2[AB])(\d{3})(\d{3})(\d{2})$/;

/** Key of a 13-character NIR body: 97 − (n mod 97), Corsica 2A → 19, 2B → 18. */
export function nirKey(body13: string): number {
  const digits = body13.toUpperCase().replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(digits)) return NaN;
  return 97 - (Number(digits) % 97);
}

/**
 * A NIR as stored: 15 characters, no spaces (13 + key). Sex digit 1/2, 3/4 (immatriculation
 * en cours) or 7/8 (NIR temporaire); month 01–12, or 20–42 / 50–99 for an incomplete civil record;
 * département 2 digits or 2A/2B.
 */
export function isValidNir(value: string): boolean {
  const m = NIR.exec(value.toUpperCase());
  if (!m) return false;
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  return nirKey(value.slice(0, 13)) === Number(m[7]);
}

/** Luhn checksum over a digit string. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhn(value);
}

/** SIRET: 14 digits and Luhn; La Poste's establishments (SIREN 356000000) use a digit sum multiple of 5 instead. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhn(value)) return true;
  if (!value.startsWith('356000000')) return false;
  let sum = 0;
  for (const c of value) sum += c.charCodeAt(0) - 48;
  return sum % 5 === 0;
}

/** French phone numbers: 0X XX XX XX XX, or +33 / 0033 and overseas codes; spaces, dots and dashes allowed. */
export function isValidTelephone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^0[1-9]\d{8}$/.test(compact) || /^(?:\+|00)(?:33|262|269|508|590|594|596|681|687|689)[1-9]\d{8}$/.test(compact);
}
