/**
 * The notes of an .xlsx file as its comments parts hold them. ExcelJS hangs a note only on a cell
 * it finds in `<sheetData>`, but Excel and LibreOffice leave an empty cell out of `<sheetData>`
 * even when it has a note, and ExcelJS drops a `<c>` with neither value nor style. The tool's notes
 * often sit on empty cells (a missing total, a missing bevilling), so the reader takes them from here.
 */
import { A1_CELL, fromA1, toA1 } from '../../engine/cells';
import { commentText } from '../../node/notesXml';
import { attr, NS, XlsxPackage } from '../../node/xlsxPackage';

/** Per sheet name, every note of the file: A1 address (`C5`) → text. Empty when the bytes are not a package. */
export async function notesInPackage(data: ArrayBuffer | Uint8Array): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const pkg = await XlsxPackage.load(data instanceof Uint8Array ? data : new Uint8Array(data));
  const main = pkg && ((await pkg.mainPart()) ?? 'xl/workbook.xml');
  if (!pkg || !main || !pkg.has(main)) return out;
  const rels = await pkg.relationships(main);
  for (const m of (await pkg.text(main)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const relId = /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const sheetPart = rels.find((r) => r.id === relId && r.type === NS.worksheet)?.target;
    if (!sheetPart || !pkg.has(sheetPart)) continue;
    const notes = new Map<string, string>();
    for (const rel of await pkg.relationships(sheetPart)) {
      if (rel.type !== NS.comments || rel.external || !pkg.has(rel.target)) continue;
      for (const comment of (await pkg.text(rel.target)).matchAll(/<(?:\w+:)?comment\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?comment>)/g)) {
        const ref = attr(comment[0], 'ref') ?? '';
        const cell = A1_CELL.test(ref) ? fromA1(ref) : undefined;
        if (cell && cell.row >= 0) notes.set(toA1(cell), commentText(comment[0]));
      }
    }
    if (notes.size > 0) out.set(attr(m[0], 'name') ?? '', notes);
  }
  return out;
}
