/**
 * Hostile values shared by the fuzz tests (engine and server): any unicode, markup and `javascript:`
 * URLs, impossible dates, wrong JSON types, huge and negative numbers, prototype-polluting keys.
 */
import fc from 'fast-check';

/** ajv's English default messages, which must never reach a user. */
export const ENGLISH = /\b(must|should|is required|not allowed|invalid|property|items|characters)\b/i;
export const MEGA = 'é'.repeat(1 << 20);

const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>globalThis.__pwned = 1</script>',
    '<img src=x onerror="globalThis.__pwned=1">',
    'javascript:alert(1)',
    '"><svg onload=alert(1)>',
    '0000-00-00',
    '2025-02-30',
    '9999-99-99',
    '2025-13-01',
    '-000001-01-01',
    '',
    ' ',
    '\u0000',
    '\uD800',
    '‮1 Rue de la Paix',
    '__proto__',
    'constructor',
    '1e400',
    'NaN',
  ),
);

const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER * 1000, -1, -1e308, 1e-320),
);

/** Objects with prototype-polluting keys, built the way JSON.parse builds them (own properties). */
const pollutingObject = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "oui"}}') as unknown,
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "oui"}}}') as unknown,
  () => JSON.parse('{"__proto__": null, "toString": 1, "hasOwnProperty": "x"}') as unknown,
).map((make) => make());

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  fc.constantFrom(null, undefined, true, false, [], {}),
  pollutingObject,
  fc.array(hostileString, { maxLength: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
);
