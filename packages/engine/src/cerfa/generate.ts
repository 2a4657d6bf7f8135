/**
 * Fills a CERFA (or contrat type / demande) with pdf-lib: into an official AcroForm template the host
 * supplies, or into a default A4 document laid out like the CERFA whose fillable fields carry the
 * mapping's names, so the mapping is exercised the same way. Runs in Node and in the browser; in a
 * browser this module is only loaded when a CERFA is asked for.
 */
import {
  degrees,
  PDFCheckBox,
  PDFDocument,
  PDFName,
  PDFTextField,
  rgb,
  StandardFonts,
  TextAlignment,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { DispositifDefinition } from '../models/definition.js';
import { cerfaValues, type CerfaMap, type CerfaValue } from './mapping.js';

export interface CerfaOptions {
  /** Official AcroForm to fill by field name (its bytes, or a URL to fetch); the default document otherwise. */
  template?: Uint8Array | ArrayBuffer | string;
  /** Flatten the form (fields no longer editable). Default false. */
  flatten?: boolean;
  /** Print "BROUILLON" across each page (the dossier is still a draft). */
  draft?: boolean;
  /** A TrueType font covering French and Latin names (Œ, ł, ß...); without it, text outside WinAnsi is transliterated. */
  font?: Uint8Array | ArrayBuffer;
}

export interface CerfaResult {
  bytes: Uint8Array;
  /** Things a person should know: fields absent from the template, characters replaced. */
  warnings: string[];
  values: CerfaValue[];
}

export class CerfaError extends Error {}

/** The mapping of a dispositif (schemas/<id>/cerfa.map.json). */
export function cerfaMapOf(definition: DispositifDefinition): CerfaMap {
  const map = definition.extras['cerfa.map'] as CerfaMap | undefined;
  if (!map) throw new CerfaError(`Le dispositif ${definition.identity.id} n'a pas de correspondance CERFA (cerfa.map.json).`);
  return map;
}

// Letters WinAnsi lacks, by their closest Latin spelling ("Œ" and "œ" are in WinAnsi).
const TRANSLITERATION: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L', ŉ: "'n", ß: 'ss' };

/** Makes text encodable in WinAnsi (Helvetica): decomposes accents it lacks, maps a few letters, drops the rest. */
function toWinAnsi(text: string, font: PDFFont, replaced: Set<string>): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
      continue;
    } catch {
      replaced.add(ch);
    }
    const mapped = TRANSLITERATION[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    let safe = '';
    for (const c of mapped) {
      try {
        font.encodeText(c);
        safe += c;
      } catch {
        safe += '?';
      }
    }
    out += safe;
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;

/** Draws the default document: header, sections with labelled fields, signatures. */
async function defaultDocument(map: CerfaMap, values: CerfaValue[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(`${map.document.title}${map.document.number ? ` (${map.document.number})` : ''}`);
  doc.setLanguage('fr-FR');
  doc.setCreator('akto-forms');
  const form = doc.getForm();
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const line = (t: string, size: number, f: PDFFont = font, color = rgb(0, 0, 0)) => {
    page.drawText(t, { x: MARGIN, y, size, font: f, color, maxWidth: width });
    y -= size + 6;
  };
  const ensure = (h: number) => {
    if (y - h < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  line(map.document.title, 15, bold);
  if (map.document.reference) line(map.document.reference, 9);
  if (map.document.number) line(map.document.number, 11, bold);
  y -= 6;
  const sections = [...map.document.sections, ...new Set(values.map((v) => v.section).filter((s): s is string => !!s && !map.document.sections.includes(s)))];
  for (const section of sections) {
    const inSection = values.filter((v) => (v.section ?? map.document.sections[0]) === section);
    if (!inSection.length) continue;
    ensure(60);
    page.drawRectangle({ x: MARGIN, y: y - 4, width, height: 18, color: rgb(0.11, 0.23, 0.42) });
    page.drawText(section, { x: MARGIN + 6, y: y + 1, size: 10, font: bold, color: rgb(1, 1, 1) });
    y -= 26;
    for (const v of inSection) {
      ensure(30);
      const labelWidth = 220;
      const cut = v.label.lastIndexOf(' : ');
      const suffix = v.kind === 'checkbox' && cut > 0 ? v.label.slice(cut) : '';
      const head = suffix ? v.label.slice(0, cut) : v.label;
      const label = head.length + suffix.length > 62 ? `${head.slice(0, 60 - suffix.length)}…${suffix}` : v.label;
      page.drawText(label, { x: MARGIN, y: y + 4, size: 8, font, maxWidth: labelWidth - 8 });
      if (v.kind === 'checkbox') {
        const box = form.createCheckBox(v.name);
        box.addToPage(page, { x: MARGIN + labelWidth, y: y, width: 11, height: 11, borderWidth: 1 });
      } else {
        const field = form.createTextField(v.name);
        if (v.maxLength) {
          field.setMaxLength(v.maxLength);
          field.enableCombing();
        }
        field.addToPage(page, { x: MARGIN + labelWidth, y: y - 3, width: v.maxLength ? Math.min(width - labelWidth, v.maxLength * 14) : width - labelWidth, height: 16, borderWidth: 0.5, font });
        field.setAlignment(TextAlignment.Left);
        field.setFontSize(10);
      }
      y -= 22;
    }
    y -= 8;
  }
  ensure(90);
  y -= 8;
  for (const s of map.document.signatures ?? ['Fait à :', 'Le :', "Signature de l'employeur :", 'Signature du salarié :']) line(s, 9, bold);
  return doc;
}

function dropDanglingAnnotations(doc: PDFDocument) {
  // After flatten(), annotation references may point to removed widgets: poppler reports XRef errors.
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) if (doc.context.lookup(annots.get(i)) === undefined) annots.remove(i);
    if (annots.size() === 0) page.node.delete(PDFName.of('Annots'));
  }
}

export async function generateCerfa(definition: DispositifDefinition, data: unknown, options: CerfaOptions = {}): Promise<CerfaResult> {
  const map = cerfaMapOf(definition);
  const values = cerfaValues(map, definition, data);
  const warnings: string[] = [];
  let doc: PDFDocument;
  if (options.template) {
    let bytes: Uint8Array | ArrayBuffer;
    if (typeof options.template === 'string') {
      const res = await fetch(options.template).catch(() => null);
      if (!res?.ok) throw new CerfaError(`Le modèle de CERFA est introuvable (${options.template}).`);
      bytes = await res.arrayBuffer();
    } else bytes = options.template;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false });
    } catch (e) {
      throw new CerfaError(`Le modèle de CERFA n'est pas un PDF lisible (${(e as Error).message}).`);
    }
  } else doc = await defaultDocument(map, values);
  let font: PDFFont;
  if (options.font) {
    // fontkit only when a font is given: browsers that do not pass one never load it.
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(options.font, { subset: true });
  } else font = await doc.embedFont(StandardFonts.Helvetica);
  const form = doc.getForm();
  const replaced = new Set<string>();
  for (const v of values) {
    const field = form.getFieldMaybe(v.name);
    if (!field) {
      if (v.value !== '' && v.value !== false) warnings.push(`Champ absent du modèle : « ${v.name} ».`);
      continue;
    }
    if (v.kind === 'checkbox') {
      if (field instanceof PDFCheckBox) v.value ? field.check() : field.uncheck();
      else warnings.push(`« ${v.name} » n'est pas une case à cocher dans le modèle.`);
      continue;
    }
    if (!(field instanceof PDFTextField)) {
      warnings.push(`« ${v.name} » n'est pas un champ texte dans le modèle.`);
      continue;
    }
    let text = String(v.value);
    if (!options.font) text = toWinAnsi(text, font, replaced);
    const max = field.getMaxLength();
    if (max !== undefined && text.length > max) {
      warnings.push(`« ${v.label} » tronqué à ${max} caractères.`);
      text = text.slice(0, max);
    }
    field.setText(text);
  }
  if (replaced.size) warnings.push(`Caractères remplacés faute de police complète : ${[...replaced].join(' ')}`);
  form.updateFieldAppearances(font);
  if (options.draft) {
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      page.drawText('BROUILLON', { x: width / 2 - 190, y: height / 2 - 120, size: 90, font: bold, color: rgb(0.75, 0.75, 0.75), opacity: 0.35, rotate: degrees(45) });
    }
  }
  if (options.flatten) {
    form.flatten();
    dropDanglingAnnotations(doc);
  }
  return { bytes: await doc.save(), warnings, values };
}

export { cerfaValues, type CerfaMap, type CerfaValue, type CerfaFieldSpec, type CerfaFormat } from './mapping.js';
