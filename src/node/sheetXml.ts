/**
 * Patching a worksheet part's XML in place: the `<c>` elements of the cells the tool writes are
 * replaced (keeping their style), missing cells and rows are inserted in order, and every other
 * byte of the part stays as it was.
 */
import { columnLetters, dateToSerial, type CellValue } from '../engine';
import { DamagedPackageError } from './errors';
import { attr, escapeXml } from './xlsxPackage';

/** One cell to write: 0-based address, the value, and an optional formula (value = its result). */
export interface CellPatch {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  /** A style index to set (`s`); when absent the cell keeps the style it has. */
  styleIndex?: number;
}

interface Span {
  start: number;
  end: number;
}

interface CellSpan extends Span {
  col: number;
  tag: string;
}

interface RowSpan extends Span {
  row: number;
  tag: string;
  /** Where the row's content starts and ends (after the start tag, before `</row>`); null for `<row/>`. */
  inner: Span | null;
  cells: CellSpan[];
}

/** 0-based column of letters `AB`. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `C7` of a 0-based address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The number as the shortest text that reads back to the same double, as Excel writes it. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

/** The `<c>` element for a patch, with the attributes it keeps (`s`) from the old element. */
export function cellElement(prefix: string, patch: CellPatch, oldTag: string | null): string {
  const ref = a1(patch.row, patch.col);
  const s = patch.styleIndex !== undefined ? String(patch.styleIndex) : oldTag ? attr(oldTag, 's') : undefined;
  const style = s !== undefined && s !== '0' ? ` s="${s}"` : '';
  const c = `${prefix}c`;
  const v = patch.value;
  const f = patch.formula ? `<${prefix}f>${escapeXml(patch.formula.replace(/^=/, ''))}</${prefix}f>` : '';
  const el = (type: string, inner: string) => `<${c} r="${ref}"${style}${type}>${inner}</${c}>`;
  switch (v.kind) {
    case 'number':
      return el('', `${f}<${prefix}v>${numberText(v.value)}</${prefix}v>`);
    case 'text':
      if (f) return el(' t="str"', `${f}<${prefix}v>${escapeXml(v.value)}</${prefix}v>`);
      return el(' t="inlineStr"', `<${prefix}is><${prefix}t xml:space="preserve">${escapeXml(v.value)}</${prefix}t></${prefix}is>`);
    case 'boolean':
      return el(' t="b"', `${f}<${prefix}v>${v.value ? 1 : 0}</${prefix}v>`);
    case 'error':
      return el(' t="e"', `${f}<${prefix}v>${escapeXml(v.value)}</${prefix}v>`);
    case 'date':
      return el('', `${f}<${prefix}v>${numberText(dateToSerial(v.value))}</${prefix}v>`);
    case 'empty':
      return f ? el('', f) : `<${c} r="${ref}"${style}/>`;
  }
}

/** The namespace prefix of a part's root element (`x:` in `<x:worksheet>`, '' usually). */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

function parseRows(xml: string, prefix: string, from: number, to: number): RowSpan[] {
  const rows: RowSpan[] = [];
  const rowRe = new RegExp(`<${prefix}row\\b[^>]*?(/>|>)`, 'g');
  rowRe.lastIndex = from;
  let previous = -1;
  for (let m = rowRe.exec(xml); m && m.index < to; m = rowRe.exec(xml)) {
    const tag = m[0];
    const r = attr(tag, 'r');
    const row = r !== undefined ? Number(r) - 1 : previous + 1;
    previous = row;
    if (m[1] === '/>') {
      rows.push({ start: m.index, end: m.index + tag.length, row, tag, inner: null, cells: [] });
      continue;
    }
    const close = xml.indexOf(`</${prefix}row>`, m.index + tag.length);
    const inner = { start: m.index + tag.length, end: close };
    rows.push({ start: m.index, end: close + `</${prefix}row>`.length, row, tag, inner, cells: parseCells(xml, prefix, inner) });
    rowRe.lastIndex = close;
  }
  return rows;
}

function parseCells(xml: string, prefix: string, inner: Span): CellSpan[] {
  const cells: CellSpan[] = [];
  const cellRe = new RegExp(`<${prefix}c\\b[^>]*?(/>|>)`, 'g');
  cellRe.lastIndex = inner.start;
  let previous = -1;
  for (let m = cellRe.exec(xml); m && m.index < inner.end; m = cellRe.exec(xml)) {
    const tag = m[0];
    const r = attr(tag, 'r');
    const rm = r ? /^\$?([A-Z]+)\$?(\d+)$/.exec(r) : null;
    const col = rm ? columnIndex(rm[1]) : previous + 1;
    previous = col;
    if (m[1] === '/>') {
      cells.push({ start: m.index, end: m.index + tag.length, col, tag });
      continue;
    }
    const close = xml.indexOf(`</${prefix}c>`, m.index + tag.length);
    cells.push({ start: m.index, end: close + `</${prefix}c>`.length, col, tag });
    cellRe.lastIndex = close;
  }
  return cells;
}

/** What patching a sheet did besides writing values: formulas it replaced by values. */
export interface PatchResult {
  xml: string;
  /** Cells that held a formula before and hold none now (the calculation chain must forget them). */
  removedFormulas: number;
}

/**
 * Writes `patches` into a worksheet part. Each `<c>` element named is replaced; a missing cell
 * is inserted into its row in column order, a missing row into `<sheetData>` in row order.
 */
export function patchCells(xml: string, patches: readonly CellPatch[]): PatchResult {
  const p = rootPrefix(xml, 'worksheet');
  let removedFormulas = 0;
  const sheetData = new RegExp(`<${p}sheetData\\b[^>]*?(/>|>)`).exec(xml);
  if (!sheetData) throw new DamagedPackageError('et ark uden <sheetData>');
  let dataStart: number;
  let dataEnd: number;
  let doc = xml;
  if (sheetData[1] === '/>') {
    doc = `${xml.slice(0, sheetData.index)}<${p}sheetData></${p}sheetData>${xml.slice(sheetData.index + sheetData[0].length)}`;
    dataStart = sheetData.index + `<${p}sheetData>`.length;
    dataEnd = dataStart;
  } else {
    dataStart = sheetData.index + sheetData[0].length;
    dataEnd = doc.indexOf(`</${p}sheetData>`, dataStart);
  }
  const rows = parseRows(doc, p, dataStart, dataEnd);
  const byRow = new Map<number, CellPatch[]>();
  for (const patch of patches) byRow.set(patch.row, [...(byRow.get(patch.row) ?? []), patch]);

  // Edits as (position, length to cut, text to insert), applied from the end backwards.
  const edits: { at: number; cut: number; text: string }[] = [];
  for (const [rowIndex, rowPatches] of byRow) {
    const existing = rows.find((r) => r.row === rowIndex);
    const byCol = new Map(rowPatches.map((c) => [c.col, c]));
    if (!existing) {
      const cells = [...byCol.values()].sort((a, b) => a.col - b.col).map((c) => cellElement(p, c, null));
      const after = rows.find((r) => r.row > rowIndex);
      edits.push({ at: after ? after.start : dataEnd, cut: 0, text: `<${p}row r="${rowIndex + 1}">${cells.join('')}</${p}row>` });
      continue;
    }
    const inserts: CellPatch[] = [];
    for (const [col, patch] of byCol) {
      const cell = existing.cells.find((c) => c.col === col);
      if (!cell) {
        inserts.push(patch);
        continue;
      }
      const old = doc.slice(cell.start, cell.end);
      if (new RegExp(`<${p}f\\b`).test(old) && !patch.formula) removedFormulas++;
      edits.push({ at: cell.start, cut: cell.end - cell.start, text: cellElement(p, patch, cell.tag) });
    }
    if (inserts.length === 0) continue;
    if (!existing.inner) {
      const open = existing.tag.replace(/\s*\/>$/, '>');
      const cells = inserts.sort((a, b) => a.col - b.col).map((c) => cellElement(p, c, null));
      edits.push({ at: existing.start, cut: existing.end - existing.start, text: `${withoutSpans(open)}${cells.join('')}</${p}row>` });
      continue;
    }
    // Spans are a hint for readers; a cell outside them would contradict it.
    if (/\sspans\s*=/.test(existing.tag)) edits.push({ at: existing.start, cut: existing.tag.length, text: withoutSpans(existing.tag) });
    for (const patch of inserts) {
      const after = existing.cells.find((c) => c.col > patch.col);
      edits.push({ at: after ? after.start : existing.inner.end, cut: 0, text: cellElement(p, patch, null) });
    }
  }
  edits.sort((a, b) => b.at - a.at || b.cut - a.cut);
  for (const e of edits) doc = `${doc.slice(0, e.at)}${e.text}${doc.slice(e.at + e.cut)}`;
  return { xml: doc, removedFormulas };
}

function withoutSpans(tag: string): string {
  return tag.replace(/\sspans\s*=\s*"[^"]*"/, '');
}

/** True when the sheet's protection is on (`sheet="1"`, or `sheet="true"` as LibreOffice writes it). */
export function isSheetProtected(xml: string): boolean {
  const m = new RegExp(`<${rootPrefix(xml, 'worksheet')}sheetProtection\\b[^>]*>`).exec(xml);
  if (!m) return false;
  const sheet = attr(m[0], 'sheet');
  return sheet === '1' || sheet === 'true';
}

/** Child elements of a worksheet in schema order, from `legacyDrawing` on (where notes hook in). */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Inserts `<legacyDrawing r:id="…"/>` where the schema puts it. */
export function insertLegacyDrawing(xml: string, relId: string): string {
  const p = rootPrefix(xml, 'worksheet');
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml)?.[1];
  let doc = xml;
  let r = rPrefix;
  if (!r) {
    r = 'r';
    doc = doc.replace(new RegExp(`<${p}worksheet\\b`), `<${p}worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
  }
  const element = `<${p}legacyDrawing ${r}:id="${relId}"/>`;
  for (const name of AFTER_LEGACY_DRAWING) {
    const m = new RegExp(`<${p}${name}\\b`).exec(doc);
    if (m) return `${doc.slice(0, m.index)}${element}${doc.slice(m.index)}`;
  }
  const close = doc.lastIndexOf(`</${p}worksheet>`);
  return `${doc.slice(0, close)}${element}${doc.slice(close)}`;
}

/** The relationship id of the sheet's `<legacyDrawing>`, if it has one. */
export function legacyDrawingId(xml: string): string | undefined {
  const m = new RegExp(`<${rootPrefix(xml, 'worksheet')}legacyDrawing\\b[^>]*>`).exec(xml);
  if (!m) return undefined;
  const id = /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0]);
  return id?.[1];
}
