/**
 * Pure helpers of the documents component: format detection by content (magic bytes), French sizes and
 * the limits sentence. DOM-free, so they can be tested and reused directly.
 */

/** How many leading bytes {@link detectFormat} needs (read this much of a file, no more). */
export const SNIFF_BYTES = 16;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc, xls (Compound File)
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx, xlsx (Office Open XML)

/** Formats each signature may be, the file name's extension telling which. */
const SIGNATURES: ReadonlyArray<{ magic: number[]; formats: string[] }> = [
  { magic: PDF, formats: ['pdf'] },
  { magic: PNG, formats: ['png'] },
  { magic: JPG, formats: ['jpg'] },
  { magic: OLE2, formats: ['doc', 'xls'] },
  { magic: ZIP, formats: ['docx', 'xlsx'] },
];

/** Extension aliases (the stored format is always the canonical one). */
const ALIASES: Readonly<Record<string, string>> = { jpeg: 'jpg' };

/** The lower-case extension of a file name ("" when none), aliases resolved ("x.JPEG" → "jpg"). */
export function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,10})$/i.exec(String(name ?? '').trim());
  const ext = match?.[1]?.toLowerCase() ?? '';
  return ALIASES[ext] ?? ext;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * The format of a file judged by its content, confirmed by its name: the leading bytes must carry the
 * signature of a known format AND the extension must be that format (pdf `%PDF-`, png `89 50 4E 47 0D 0A
 * 1A 0A`, jpg/jpeg `FF D8 FF`, doc/xls OLE2 `D0 CF 11 E0 A1 B1 1A E1`, docx/xlsx zip `50 4B 03 04`).
 * A renamed file (a text or a PNG called « x.pdf ») gives null, as does an unknown content.
 *
 * @param bytes The first bytes of the file ({@link SNIFF_BYTES} are enough).
 * @param name The file name, for its extension.
 * @returns The canonical format (pdf, png, jpg, doc, xls, docx, xlsx), or null.
 */
export function detectFormat(bytes: Uint8Array, name: string): string | null {
  const ext = extensionOf(name);
  if (!ext) return null;
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.magic));
  return signature?.formats.includes(ext) ? ext : null;
}

/** Extensions for the file picker's `accept` (".pdf,.jpg,.jpeg,…"). */
export function acceptAttribute(formats: readonly string[]): string {
  const exts = new Set<string>();
  for (const f of formats) {
    const format = String(f).toLowerCase();
    exts.add(`.${format}`);
    for (const [alias, canonical] of Object.entries(ALIASES)) if (canonical === format) exts.add(`.${alias}`);
  }
  return [...exts].join(',');
}

const MO = 1024 * 1024;
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A size in French: "850 Ko", "1,5 Mo" (1 Ko = 1024 octets, as the limit). "" when not a size. */
export function formatSize(bytes: unknown): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  const ko = Math.max(1, Math.round(bytes / 1024));
  if (ko < 1024) return `${integer.format(ko)} Ko`;
  return `${decimal.format(bytes / MO)} Mo`;
}

/** A number in French ("20", "2,5"). */
export function formatNumber(n: number): string {
  return decimal.format(n);
}

/** Bytes in `mo` Mo (the schema's 20 Mo is 20 971 520 octets). */
export function moToBytes(mo: number): number {
  return mo * MO;
}

/** "Poids : 20Mo maximum. Formats acceptés : pdf, jpg, png, xls, xlsx, doc, docx, 5 fichiers maximum." */
export function limitsText(limits: { maxSizeMo: number; formats: readonly string[]; maxFiles: number }): string {
  const files = `${limits.maxFiles} ${limits.maxFiles > 1 ? 'fichiers' : 'fichier'} maximum`;
  return `Poids : ${decimal.format(limits.maxSizeMo)}Mo maximum. Formats acceptés : ${limits.formats.join(', ')}, ${files}.`;
}

/** Today as an ISO date (local time), for `depotLe`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Keeps a name within `max` characters (the schema's 255), its extension kept: "début…fin.pdf". */
export function clampName(name: string, max = 255): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const match = /\.[^.]{1,10}$/.exec(name);
  const ext = match ? [...match[0]] : [];
  return chars.slice(0, max - ext.length - 1).join('') + '…' + ext.join('');
}
