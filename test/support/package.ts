/**
 * Reading an .xlsx as its package, independently of the code under test: JSZip for the zip,
 * fast-xml-parser for the XML. Used to compare packages part by part and to read notes as Excel
 * stores them (comments parts), whatever cell they sit on.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, trimValues: false });

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every part of a package with its uncompressed bytes. */
export async function packageParts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

/** The parts that differ between two packages: changed, added (only in `b`) and removed (only in `a`). */
export async function partDiff(a: string, b: string): Promise<{ changed: string[]; added: string[]; removed: string[] }> {
  const pa = await packageParts(a);
  const pb = await packageParts(b);
  return {
    changed: [...pa.keys()].filter((k) => pb.has(k) && !pa.get(k)!.equals(pb.get(k)!)).sort(),
    added: [...pb.keys()].filter((k) => !pa.has(k)).sort(),
    removed: [...pa.keys()].filter((k) => !pb.has(k)).sort(),
  };
}

/** Parses one part of a package as XML. */
export async function partXml(file: string, part: string): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${file} has no part ${part}`);
  return parser.parse(await entry.async('string')) as Record<string, unknown>;
}

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

interface Rel {
  '@Id': string;
  '@Type': string;
  '@Target': string;
}

async function rels(zip: JSZip, part: string): Promise<Rel[]> {
  const i = part.lastIndexOf('/');
  const entry = zip.file(`${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`);
  if (!entry) return [];
  const doc = parser.parse(await entry.async('string')) as { Relationships: { Relationship?: Rel | Rel[] } };
  return list(doc.Relationships.Relationship);
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  const o = node as Record<string, unknown>;
  if ('#text' in o) return String(o['#text']);
  return '';
}

/** A note as stored: its text, author and the sheet's VML shape for it. */
export interface StoredNote {
  text: string;
  author: string;
  /** The comment element's runs with their formatting, as parsed. */
  runs: unknown[];
  hasShape: boolean;
}

/** Every note of every sheet, by `Sheet!A1`, read from the comments and VML parts. */
export async function packageNotes(file: string): Promise<Map<string, StoredNote>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = parser.parse(await zip.file('xl/workbook.xml')!.async('string')) as {
    workbook: { sheets: { sheet: Record<string, string> | Record<string, string>[] } };
  };
  const wbRels = await rels(zip, 'xl/workbook.xml');
  const out = new Map<string, StoredNote>();
  for (const sheet of list(workbook.workbook.sheets.sheet)) {
    const rel = wbRels.find((r) => r['@Id'] === sheet['@id']);
    if (!rel) continue;
    const part = resolve('xl/workbook.xml', rel['@Target']);
    const sheetRels = await rels(zip, part);
    const commentsRel = sheetRels.find((r) => r['@Type'].endsWith('/comments'));
    if (!commentsRel) continue;
    const vmlRel = sheetRels.find((r) => r['@Type'].endsWith('/vmlDrawing'));
    const vml = vmlRel ? await zip.file(resolve(part, vmlRel['@Target']))!.async('string') : '';
    const doc = parser.parse(await zip.file(resolve(part, commentsRel['@Target']))!.async('string')) as {
      comments: { authors?: { author?: unknown }; commentList?: { comment?: Record<string, unknown> | Record<string, unknown>[] } };
    };
    const authors = list(doc.comments.authors?.author).map(textOf);
    for (const c of list(doc.comments.commentList?.comment)) {
      const body = c.text as Record<string, unknown>;
      const runs = list(body.r as unknown[] | undefined);
      const text = runs.length > 0 ? runs.map((r) => textOf((r as Record<string, unknown>).t)).join('') : textOf(body.t);
      const ref = String(c['@ref']);
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const shape = new RegExp(`<x:Row>${Number(m[2]) - 1}</x:Row>\\s*<x:Column>${col - 1}</x:Column>`).test(vml);
      out.set(`${sheet['@name']}!${ref}`, { text, author: authors[Number(c['@authorId'])] ?? '', runs, hasShape: shape });
    }
  }
  return out;
}
