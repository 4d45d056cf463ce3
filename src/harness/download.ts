/**
 * The harness's "Download": the in-memory workbook as an .xlsx file.
 *
 * ExcelJS writes a note on an empty cell into the comments part but leaves the cell out of
 * `<sheetData>`. Excel shows such a note; ExcelJS, reading the file back (as `tb` and the harness
 * itself do), hangs notes only on the cells it finds, and takes a `<c>` with neither value nor
 * style for part of a merge, so the note is lost. The tool's notes often sit on empty cells (a
 * missing total, a missing bevilling): each such cell is written as an empty `<c>` with a style
 * that is a copy of the default one, which changes nothing Excel shows.
 */
import JSZip from 'jszip';
import { rangeFromA1, splitSheetAddress } from '../engine/cells';
import { cellKey, xlsxFromModel, type WorkbookModel } from '../excel/fake';
import { a1, patchCells, type CellPatch } from '../node/sheetXml';

const EMPTY = { kind: 'empty' } as const;
const STYLES = 'xl/styles.xml';

/** Adds a copy of the default cell format (`cellXfs`' first `xf`); returns its index. */
function addDefaultFormat(xml: string): { xml: string; index: number } {
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  const first = xfs && /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/.exec(xfs[1]);
  if (!xfs || !first) throw new Error(`${STYLES} har ingen cellXfs`);
  const index = (xfs[1].match(/<xf\b/g) ?? []).length;
  const open = xfs[0].slice(0, xfs[0].indexOf('>') + 1).replace(/\scount="\d+"/, ` count="${index + 1}"`);
  const replaced = `${open}${xfs[1]}${first[0]}</cellXfs>`;
  return { xml: xml.slice(0, xfs.index) + replaced + xml.slice(xfs.index + xfs[0].length), index };
}

/** Per sheet (in workbook order, as ExcelJS numbers its parts), the noted cells that hold no value. */
function emptyNotedCells(model: WorkbookModel): CellPatch[][] {
  return model.sheets.map((sheet) => {
    const cells: CellPatch[] = [];
    for (const address of [...sheet.notes.keys(), ...sheet.comments.keys()]) {
      const { start } = rangeFromA1(splitSheetAddress(address).address.replace(/\$/g, ''));
      const cell = sheet.cells.get(cellKey(start.row, start.col));
      if (cell?.value === undefined && cell?.formula === undefined) cells.push({ row: start.row, col: start.col, value: EMPTY });
    }
    return cells;
  });
}

export async function workbookFile(model: WorkbookModel): Promise<Uint8Array> {
  const bytes = await xlsxFromModel(model);
  const empty = emptyNotedCells(model);
  if (empty.every((cells) => cells.length === 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  // Only the cells ExcelJS left out: an empty cell with a format of its own is written, and keeps it.
  const missing: { part: string; xml: string; cells: CellPatch[] }[] = [];
  for (const [index, cells] of empty.entries()) {
    if (cells.length === 0) continue;
    const part = `xl/worksheets/sheet${index + 1}.xml`;
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) throw new Error(`${part} mangler i den gemte projektmappe`);
    const absent = cells.filter((c) => !new RegExp(`<c\\b[^>]*\\sr="${a1(c.row, c.col)}"`).test(xml));
    if (absent.length > 0) missing.push({ part, xml, cells: absent });
  }
  if (missing.length === 0) return bytes;
  const styles = addDefaultFormat((await zip.file(STYLES)?.async('string')) ?? '');
  zip.file(STYLES, styles.xml);
  for (const { part, xml, cells } of missing) {
    zip.file(
      part,
      patchCells(
        xml,
        cells.map((c) => ({ ...c, styleIndex: styles.index })),
      ).xml,
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
