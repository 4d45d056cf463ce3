/**
 * An .xlsx file as the package it is: a zip of XML parts tied together by relationships. The
 * CLI writes a user's workbook by patching this package, never by re-serialising a model of it,
 * so every part the tool does not own (charts, drawings, images, pivot tables, styles, comments
 * and their authors, protection in any spelling, custom properties, extensions) stays byte for
 * byte as it was. Only the parts a change needs are rewritten.
 */
import JSZip from 'jszip';
import { DamagedPackageError } from './errors';

export const NS = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** What a zip that is not a workbook turns out to be, judged by its parts. */
export type PackageKind = 'xlsx' | 'ods' | 'docx' | 'pptx' | 'zip';

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name without a leading slash (`xl/worksheets/sheet1.xml`), or an external address. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`). */
  part: string;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Reads XML text content back: entities and `_xHHHH_` escapes as Excel writes them. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      if (e === 'amp') return '&';
      return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in an element's start tag, unescaped. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** The start tag with attribute `name` set to `value` (added when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

/** The part a relationship target points to, resolved against the part that holds the relationship. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relative target from `fromPart`'s folder to `toPart`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/**
 * An opened package. Parts are read as text on demand; `set` and `remove` record changes, and
 * `generate` writes a zip in which every part not changed is copied as it was.
 */
export class XlsxPackage {
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly cache = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {}

  /** Opens a zip; `null` when the bytes are not a zip that can be read. */
  static async load(bytes: Uint8Array): Promise<XlsxPackage | null> {
    try {
      return new XlsxPackage(await JSZip.loadAsync(bytes));
    } catch {
      return null;
    }
  }

  /** What kind of document the zip holds, from its parts (an .xlsx has `xl/workbook.xml` or names its main part). */
  async kind(): Promise<PackageKind> {
    if (this.has('mimetype')) {
      const mime = (await this.text('mimetype')).trim();
      if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      if (mime.startsWith('application/vnd.oasis.opendocument')) return 'zip';
    }
    if (this.has('_rels/.rels') && this.has('[Content_Types].xml')) {
      const main = await this.mainPart();
      if (main && this.has(main) && /\bworkbook\b/i.test(await this.contentType(main))) return 'xlsx';
    }
    if (this.has('xl/workbook.xml')) return 'xlsx';
    if (this.has('word/document.xml')) return 'docx';
    if (this.has('ppt/presentation.xml')) return 'pptx';
    return 'zip';
  }

  has(part: string): boolean {
    if (this.removed.has(part)) return false;
    return this.changed.has(part) || this.zip.file(part) !== null;
  }

  /** Every part name, in the package's order. */
  parts(): string[] {
    const names = Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir && !this.removed.has(n));
    for (const n of this.changed.keys()) if (!names.includes(n)) names.push(n);
    return names;
  }

  async text(part: string): Promise<string> {
    const own = this.changed.get(part);
    if (own !== undefined) return own;
    const cached = this.cache.get(part);
    if (cached !== undefined) return cached;
    const file = this.removed.has(part) ? null : this.zip.file(part);
    if (!file) throw new DamagedPackageError(`delen ${part} mangler`);
    const text = await file.async('string');
    this.cache.set(part, text);
    return text;
  }

  set(part: string, text: string): void {
    this.removed.delete(part);
    this.changed.set(part, text);
  }

  remove(part: string): void {
    this.changed.delete(part);
    this.removed.add(part);
  }

  /** The parts this package changed, added or removed since it was opened. */
  touched(): string[] {
    return [...this.changed.keys(), ...this.removed];
  }

  async generate(): Promise<Buffer> {
    for (const part of this.removed) this.zip.remove(part);
    for (const [part, text] of this.changed) this.zip.file(part, text);
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  /** The main part named by the package relationships (`xl/workbook.xml`). */
  async mainPart(): Promise<string | null> {
    if (!this.has('_rels/.rels')) return null;
    const rel = (await this.relationships('')).find((r) => r.type === NS.officeDocument);
    return rel ? rel.target : null;
  }

  /** The relationships of `part` ('' for the package's own). */
  async relationships(part: string): Promise<Relationship[]> {
    const relsPart = part === '' ? '_rels/.rels' : relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const xml = await this.text(relsPart);
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const tag = m[0];
      const external = attr(tag, 'TargetMode') === 'External';
      const target = attr(tag, 'Target') ?? '';
      out.push({
        id: attr(tag, 'Id') ?? '',
        type: attr(tag, 'Type') ?? '',
        target: external ? target : resolveTarget(part === '' ? '' : part, target),
        external,
      });
    }
    return out;
  }

  /** Adds a relationship from `part` to `targetPart` and returns its id. */
  async addRelationship(part: string, type: string, targetPart: string): Promise<string> {
    const relsPart = relsPartOf(part);
    const xml = this.has(relsPart)
      ? await this.text(relsPart)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.relationships}"></Relationships>`;
    const ids = new Set([...xml.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, targetPart))}"/>`;
    this.set(relsPart, insertBeforeClose(xml, 'Relationships', rel));
    return id;
  }

  /** Removes relationship `id` of `part`. */
  async removeRelationship(part: string, id: string): Promise<void> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return;
    const xml = await this.text(relsPart);
    this.set(relsPart, xml.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\sId\\s*=\\s*"${id}"[^>]*/>`), ''));
  }

  /** The content type of `part`, from its override or its extension's default. */
  async contentType(part: string): Promise<string> {
    const xml = await this.text('[Content_Types].xml');
    for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      if ((attr(m[0], 'PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) return attr(m[0], 'ContentType') ?? '';
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
      if ((attr(m[0], 'Extension') ?? '').toLowerCase() === ext) return attr(m[0], 'ContentType') ?? '';
    }
    return '';
  }

  /** Declares `part`'s content type by an override (replacing one that is there). */
  async setOverride(part: string, contentType: string): Promise<void> {
    const xml = (await this.text('[Content_Types].xml')).replace(overrideRe(part), '');
    this.set('[Content_Types].xml', insertBeforeClose(xml, 'Types', `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`));
  }

  async removeOverride(part: string): Promise<void> {
    const xml = await this.text('[Content_Types].xml');
    const next = xml.replace(overrideRe(part), '');
    if (next !== xml) this.set('[Content_Types].xml', next);
  }

  /** Declares a default content type for an extension, unless one is there. */
  async ensureDefault(extension: string, contentType: string): Promise<void> {
    const xml = await this.text('[Content_Types].xml');
    const has = [...xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].some((m) => (attr(m[0], 'Extension') ?? '').toLowerCase() === extension);
    if (!has) this.set('[Content_Types].xml', insertBeforeClose(xml, 'Types', `<Default Extension="${extension}" ContentType="${contentType}"/>`));
  }

  /** A part name not yet in the package: `xl/comments` + n + `.xml`. */
  freePart(prefix: string, suffix: string): string {
    for (let n = 1; n < 100000; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name) && !this.parts().some((p) => p.toLowerCase() === name.toLowerCase())) return name;
    }
    throw new DamagedPackageError(`intet ledigt navn til en ny del ${prefix}…${suffix}`);
  }
}

function overrideRe(part: string): RegExp {
  const name = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<(?:\\w+:)?Override\\b[^>]*\\sPartName\\s*=\\s*"${name}"[^>]*/>`, 'i');
}

/** `xml` with `content` inserted just before the closing tag of root element `local` (any prefix). */
export function insertBeforeClose(xml: string, local: string, content: string): string {
  const close = new RegExp(`</((?:\\w+:)?${local})>\\s*$`);
  const m = close.exec(xml);
  if (m) return `${xml.slice(0, m.index)}${content}${xml.slice(m.index)}`;
  // A self-closing root: `<Relationships …/>`.
  const selfClosing = new RegExp(`<((?:\\w+:)?${local})\\b([^>]*?)\\s*/>\\s*$`);
  const s = selfClosing.exec(xml);
  if (!s) throw new DamagedPackageError(`elementet ${local} mangler`);
  return `${xml.slice(0, s.index)}<${s[1]}${s[2]}>${content}</${s[1]}>`;
}
