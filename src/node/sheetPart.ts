/**
 * A sheet the tool creates in full (the validation report), written as a worksheet part of its
 * own, and the few cell formats it needs, appended to the styles part without changing any
 * format already there (existing style indexes keep their meaning).
 */
import { BORDER_COLOR, CELL_FORMATS, type CellFormat, type CellStyle, type SheetSpec } from '../engine';
import { a1, cellElement, type CellPatch } from './sheetXml';
import { attr, escapeXml } from './xlsxPackage';

interface Look {
  font?: string;
  fill?: string;
  border?: string;
  protection?: string;
}

/** One side of a border: `<left/>`, or `<top style="thin"><color rgb="…"/></top>`. */
function side(name: string, style?: 'thin' | 'double', argb?: string): string {
  if (!style) return `<${name}/>`;
  return argb ? `<${name} style="${style}"><color rgb="${argb}"/></${name}>` : `<${name} style="${style}"/>`;
}

/** A `CellStyle`'s format from the shared palette (`CELL_FORMATS`) as SpreadsheetML font, fill and border elements. */
function lookOf(format: CellFormat): Look {
  const look: Look = {};
  if (format.bold || format.italic || format.underline || format.size !== undefined || format.fontColor !== undefined) {
    const color = format.fontColor !== undefined ? `<color rgb="FF${format.fontColor}"/>` : '';
    const marks = `${format.bold ? '<b/>' : ''}${format.italic ? '<i/>' : ''}${format.underline ? '<u/>' : ''}`;
    look.font = `<font>${marks}<sz val="${format.size ?? 11}"/>${color}<name val="Calibri"/><family val="2"/></font>`;
  }
  if (format.fill !== undefined) {
    look.fill = `<fill><patternFill patternType="solid"><fgColor rgb="FF${format.fill}"/><bgColor indexed="64"/></patternFill></fill>`;
  }
  const line = `FF${BORDER_COLOR}`;
  let sides: string | undefined;
  if (format.borderBottom) sides = side('left') + side('right') + side('top') + side('bottom', 'thin', line);
  if (format.totalLines) sides = side('left') + side('right') + side('top', 'thin') + side('bottom', 'double');
  if (format.inputBox) {
    sides = ['left', 'right', 'top', 'bottom'].map((name) => side(name, 'thin', line)).join('');
    look.protection = '<protection locked="0"/>';
  }
  if (sides !== undefined) look.border = `<border>${sides}<diagonal/></border>`;
  return look;
}

const LOOKS = Object.fromEntries(Object.entries(CELL_FORMATS).map(([style, format]) => [style, lookOf(format)])) as Record<CellStyle, Look>;

interface Collection {
  /** The child elements as written, in order. */
  items: string[];
  /** Where the collection's element starts and ends in the part. */
  start: number;
  end: number;
  local: string;
}

function collection(xml: string, p: string, local: string, child: string): Collection | null {
  const open = new RegExp(`<${p}${local}\\b[^>]*?(/>|>)`).exec(xml);
  if (!open) return null;
  if (open[1] === '/>') return { items: [], start: open.index, end: open.index + open[0].length, local };
  const close = xml.indexOf(`</${p}${local}>`, open.index);
  const inner = xml.slice(open.index + open[0].length, close);
  const items = [...inner.matchAll(new RegExp(`<${p}${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g'))].map((m) => m[0]);
  return { items, start: open.index, end: close + `</${p}${local}>`.length, local };
}

function render(p: string, c: Collection, openTag: string): string {
  const tag =
    attr(openTag, 'count') !== undefined
      ? openTag.replace(/\scount\s*=\s*"\d+"/, ` count="${c.items.length}"`)
      : openTag.replace(/\s*\/?>$/, ` count="${c.items.length}">`);
  return `${tag.replace(/\s*\/>$/, '>')}${c.items.join('')}</${p}${c.local}>`;
}

/**
 * Adds the cell formats `styles` need to a styles part and returns it with the index of each
 * (`s` attribute). A format already present in the same words is reused.
 */
export function addCellFormats(xml: string, styles: ReadonlySet<CellStyle>, numberFormats: ReadonlySet<string>): { xml: string; index: Map<string, number> } {
  const p = /<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? '';
  let doc = xml;
  const index = new Map<string, number>();
  if (styles.size === 0 && numberFormats.size === 0) return { xml, index };

  // Number formats first (they come first in the part): custom ids from 164 on.
  const numFmtIds = new Map<string, number>();
  if (numberFormats.size > 0) {
    let fmts = collection(doc, p, 'numFmts', 'numFmt');
    if (!fmts) {
      const at = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(doc)!;
      const pos = at.index + at[0].length;
      doc = `${doc.slice(0, pos)}<${p}numFmts count="0"></${p}numFmts>${doc.slice(pos)}`;
      fmts = collection(doc, p, 'numFmts', 'numFmt')!;
    }
    const used = fmts.items.map((f) => Number(attr(f, 'numFmtId')));
    let next = Math.max(163, ...used) + 1;
    for (const code of numberFormats) {
      const found = fmts.items.find((f) => attr(f, 'formatCode') === code);
      if (found) numFmtIds.set(code, Number(attr(found, 'numFmtId')));
      else {
        fmts.items.push(`<${p}numFmt numFmtId="${next}" formatCode="${escapeXml(code)}"/>`);
        numFmtIds.set(code, next++);
      }
    }
    const openTag = new RegExp(`<${p}numFmts\\b[^>]*>`).exec(doc.slice(fmts.start))![0];
    doc = `${doc.slice(0, fmts.start)}${render(p, fmts, openTag)}${doc.slice(fmts.end)}`;
  }

  const ids = { font: new Map<string, number>(), fill: new Map<string, number>(), border: new Map<string, number>() };
  for (const [kind, local] of [
    ['font', 'fonts'],
    ['fill', 'fills'],
    ['border', 'borders'],
  ] as const) {
    const c = collection(doc, p, local, kind);
    if (!c) continue;
    for (const style of styles) {
      const look = LOOKS[style][kind];
      if (!look) continue;
      const el = p === '' ? look : look.replace(/<(\/?)(\w)/g, `<$1${p}$2`);
      const at = c.items.indexOf(el);
      ids[kind].set(style, at >= 0 ? at : c.items.push(el) - 1);
    }
    const openTag = new RegExp(`<${p}${local}\\b[^>]*>`).exec(doc.slice(c.start))![0];
    doc = `${doc.slice(0, c.start)}${render(p, c, openTag)}${doc.slice(c.end)}`;
  }

  const xfs = collection(doc, p, 'cellXfs', 'xf');
  if (!xfs) return { xml, index };
  const combos = new Set<string>();
  for (const style of [...styles, undefined]) for (const fmt of [...numberFormats, undefined]) if (style || fmt) combos.add(`${style ?? ''}\u0000${fmt ?? ''}`);
  for (const combo of combos) {
    const [style, fmt] = combo.split('\u0000') as [CellStyle | '', string];
    const font = style ? (ids.font.get(style) ?? 0) : 0;
    const fill = style ? (ids.fill.get(style) ?? 0) : 0;
    const border = style ? (ids.border.get(style) ?? 0) : 0;
    const numFmt = fmt ? numFmtIds.get(fmt)! : 0;
    const protection = style ? LOOKS[style].protection : undefined;
    const flags: [unknown, string][] = [
      [numFmt, 'applyNumberFormat'],
      [font, 'applyFont'],
      [fill, 'applyFill'],
      [border, 'applyBorder'],
      [protection, 'applyProtection'],
    ];
    const applies = flags.map(([on, flag]) => (on ? ` ${flag}="1"` : '')).join('');
    const body = protection ? `>${protection.replace(/<(\w)/, `<${p}$1`)}</${p}xf>` : '/>';
    const xf = `<${p}xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${body}`;
    const at = xfs.items.indexOf(xf);
    index.set(combo, at >= 0 ? at : xfs.items.push(xf) - 1);
  }
  const openTag = new RegExp(`<${p}cellXfs\\b[^>]*>`).exec(doc.slice(xfs.start))![0];
  doc = `${doc.slice(0, xfs.start)}${render(p, xfs, openTag)}${doc.slice(xfs.end)}`;
  return { xml: doc, index };
}

/** The key of a cell's format in `addCellFormats`'s index. */
function formatKey(style: CellStyle | undefined, numberFormat: string | undefined): string {
  return `${style ?? ''}\u0000${numberFormat ?? ''}`;
}

/** A complete worksheet part for a sheet the tool creates. */
export function sheetPartXml(spec: SheetSpec, styleIndex: ReadonlyMap<string, number>): string {
  const rows = new Map<number, CellPatch[]>();
  for (const w of spec.cells) {
    const key = formatKey(w.style, w.numberFormat);
    const patch: CellPatch = { row: w.row, col: w.col, value: w.value };
    if (styleIndex.has(key)) patch.styleIndex = styleIndex.get(key);
    if (w.formula) patch.formula = w.formula;
    else if (w.link) {
      const label = w.value.kind === 'text' ? w.value.value : '';
      patch.formula = `HYPERLINK("${`#${w.link}`.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`;
    }
    rows.set(w.row, [...(rows.get(w.row) ?? []).filter((c) => c.col !== w.col), patch]);
  }
  const sheetData = [...rows.keys()]
    .sort((a, b) => a - b)
    .map(
      (r) =>
        `<row r="${r + 1}">${rows
          .get(r)!
          .sort((a, b) => a.col - b.col)
          .map((c) => cellElement('', c, null))
          .join('')}</row>`,
    )
    .join('');
  const frozen = spec.frozenRows ?? 0;
  const views =
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const widths = (spec.columnWidths ?? []).map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  const merges = (spec.merges ?? []).map((m) => `<mergeCell ref="${a1(m.start.row, m.start.col)}:${a1(m.end.row, m.end.col)}"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${views}<sheetFormatPr defaultRowHeight="15"/>${widths ? `<cols>${widths}</cols>` : ''}<sheetData>${sheetData}</sheetData>` +
    `${merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
