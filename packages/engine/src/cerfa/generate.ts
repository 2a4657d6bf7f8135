/**
 * Fills a CERFA (or contrat type / demande) with pdf-lib: into an official AcroForm template the host
 * supplies, or into a default A4 document laid out like the CERFA whose fillable fields carry the
 * mapping's names, so the mapping is exercised the same way. Runs in Node and in the browser; in a
 * browser this module is only loaded when a CERFA is asked for.
 */
import {
  degrees,
  PDFCheckBox,
  PDFContentStream,
  PDFDocument,
  PDFName,
  PDFTextField,
  rgb,
  StandardFonts,
  TextAlignment,
  type PDFField,
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

/**
 * Draws the default document: header, sections with labelled fields, signatures. Each text field gets
 * its text (`textOf`), size and alignment before its widget, so its appearance is made once, in
 * `fieldFont`, and the fill below finds it done.
 */
async function drawDefaultDocument(doc: PDFDocument, map: CerfaMap, values: CerfaValue[], fieldFont: PDFFont, textOf: (v: CerfaValue, max?: number) => string): Promise<void> {
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
        field.setAlignment(TextAlignment.Left);
        // What setFontSize(10) writes, which it can only do once the widget has made a /DA.
        field.acroField.setDefaultAppearance('/Helv 10 Tf');
        field.setText(textOf(v, v.maxLength));
        field.addToPage(page, { x: MARGIN + labelWidth, y: y - 3, width: v.maxLength ? Math.min(width - labelWidth, v.maxLength * 14) : width - labelWidth, height: 16, borderWidth: 0.5, font: fieldFont });
        form.markFieldAsClean(field.ref);
      }
      y -= 22;
    }
    y -= 8;
  }
  ensure(90);
  y -= 8;
  for (const s of map.document.signatures ?? ['Fait à :', 'Le :', "Signature de l'employeur :", 'Signature du salarié :']) line(s, 9, bold);
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

// fontkit parses a font lazily and keeps what it parsed (tables, glyphs, layouts): one parse per font's
// bytes, shared by every document filled in this process (a CLI batch), each with its own subset.
const parsedFonts = new WeakMap<object, Fontkit>();

async function parsedFont(bytes: Uint8Array | ArrayBuffer): Promise<Fontkit> {
  let shared = parsedFonts.get(bytes);
  if (!shared) {
    // fontkit only when a font is given: browsers that do not pass one never load it.
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    const font = fontkit.create(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    // pdf-lib shapes a text for its width, then again to encode it: shaped once (pdf-lib only reads the glyphs).
    const layout = font.layout.bind(font);
    const runs = new Map<string, ReturnType<typeof layout>>();
    font.layout = (text, features) => {
      if (features !== undefined) return layout(text, features);
      let run = runs.get(text);
      if (!run) {
        if (runs.size >= 10_000) runs.clear();
        runs.set(text, (run = layout(text)));
      }
      return run;
    };
    shared = { create: () => font };
    parsedFonts.set(bytes, shared);
  }
  return shared;
}

/**
 * pdf-lib deflates every stream with a fresh pako state (a 64 KB window each): for the field appearances
 * and the flattened forms (form XObjects of a few hundred bytes) that costs more than it saves. They are
 * written as plain content streams; page contents and the font stay compressed.
 */
function keepFormXObjectsPlain(doc: PDFDocument) {
  const subtype = PDFName.of('Subtype');
  const form = PDFName.of('Form');
  const filter = PDFName.of('Filter');
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream) || object.dict.get(subtype) !== form) continue;
    // `encode` is readonly in pdf-lib's typings; it is only read when the stream is written.
    (object as unknown as { encode: boolean }).encode = false;
    object.dict.delete(filter);
  }
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
  } else doc = await PDFDocument.create();
  let font: PDFFont;
  if (options.font) {
    doc.registerFontkit(await parsedFont(options.font));
    font = await doc.embedFont(options.font, { subset: true });
  } else font = await doc.embedFont(StandardFonts.Helvetica);
  const replaced = new Set<string>();
  /** The text a field gets: in WinAnsi without an embedded font, cut to the field's length. */
  const textOf = (v: CerfaValue, max?: number) => {
    let text = String(v.value);
    if (!options.font) text = toWinAnsi(text, font, replaced);
    if (max !== undefined && text.length > max) {
      warnings.push(`« ${v.label} » tronqué à ${max} caractères.`);
      text = text.slice(0, max);
    }
    return text;
  };
  if (!options.template) await drawDefaultDocument(doc, map, values, font, textOf);
  const form = doc.getForm();
  // form.getFieldMaybe walks every field of the form: one pass instead (the first field of a name wins, as there).
  const fields = new Map<string, PDFField>();
  for (const f of form.getFields()) if (!fields.has(f.getName())) fields.set(f.getName(), f);
  for (const v of values) {
    const field = fields.get(v.name);
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
    if (!options.template) continue; // written when the default document was drawn
    field.setText(textOf(v, field.getMaxLength()));
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
  keepFormXObjectsPlain(doc);
  return { bytes: await doc.save(), warnings, values };
}

export { cerfaValues, type CerfaMap, type CerfaValue, type CerfaFieldSpec, type CerfaFormat } from './mapping.js';
