/**
 * Applies a batch of `WorkbookChanges` to an opened workbook by patching its package: the cells
 * the tool owns in their sheet parts, the tool's notes in the comments and VML parts, the report
 * sheet as parts of its own, and the entries those need in [Content_Types].xml, workbook.xml and
 * the relationships. The workbook asks Excel to recalculate on open (`fullCalcOnLoad`), so
 * formulas that depend on written cells do not show stale results. Every other part is left
 * exactly as it was.
 */
import { type CellStyle, type DefinedName, type CellWrite, type NoteWrite, type SheetSpec, type WorkbookChanges } from '../engine';
import { absoluteRange } from './definedNames';
import { ProtectedSheetError, WorkbookChangeError } from './errors';
import { addToolNotes, clearToolNotes, editVml, EMPTY_COMMENTS, emptyVml, vmlIdBlock, type NotesEdit } from './notesXml';
import { addCellFormats, sheetPartXml } from './sheetPart';
import { insertLegacyDrawing, isSheetProtected, legacyDrawingId, patchCells, rootPrefix, type CellPatch } from './sheetXml';
import { attr, CONTENT_TYPE, escapeXml, insertBeforeClose, NS, relsPartOf, setAttr, unescapeXml, type SheetEntry, type XlsxPackage } from './xlsxPackage';

/** Elements of a workbook part that follow `calcPr`, in schema order. */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

export class PackageWriter {
  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly workbookPart: string,
    private sheetList: SheetEntry[],
  ) {}

  static async open(pkg: XlsxPackage): Promise<PackageWriter> {
    const workbookPart = (await pkg.mainPart()) ?? 'xl/workbook.xml';
    const writer = new PackageWriter(pkg, workbookPart, []);
    writer.sheetList = await writer.readSheets();
    return writer;
  }

  get sheets(): readonly SheetEntry[] {
    return this.sheetList;
  }

  private async readSheets(): Promise<SheetEntry[]> {
    const xml = await this.pkg.text(this.workbookPart);
    const rels = await this.pkg.relationships(this.workbookPart);
    const out: SheetEntry[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const relId = /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
      const rel = rels.find((r) => r.id === relId);
      if (!rel || rel.type !== NS.worksheet) continue;
      out.push({ name: attr(m[0], 'name') ?? '', sheetId: Number(attr(m[0], 'sheetId') ?? 0), relId, part: rel.target });
    }
    return out;
  }

  private sheet(name: string): SheetEntry {
    const found = this.sheetList.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new WorkbookChangeError(`Arket »${name}« findes ikke i projektmappen.`);
    return found;
  }

  /** Names of the sheets among `names` whose protection is on. */
  async protectedSheets(names: Iterable<string>): Promise<string[]> {
    const out: string[] = [];
    for (const name of new Set([...names].map((n) => this.sheet(n).name))) {
      if (isSheetProtected(await this.pkg.text(this.sheet(name).part))) out.push(name);
    }
    return out;
  }

  /**
   * Applies `changes`. Refused before anything changes: a cell write into a protected sheet (as
   * the add-in refuses), a sheet added over one that `replaceSheets` does not list, a change on a
   * sheet that does not exist.
   */
  async apply(changes: WorkbookChanges, file: string): Promise<void> {
    const removed = new Set((changes.removeSheets ?? []).map((n) => n.toLowerCase()));
    const replace = new Set((changes.replaceSheets ?? []).map((n) => n.toLowerCase()));
    for (const spec of changes.addSheets ?? []) {
      const exists = this.sheetList.some((s) => s.name.toLowerCase() === spec.name.toLowerCase());
      if (exists && !replace.has(spec.name.toLowerCase()) && !removed.has(spec.name.toLowerCase()))
        throw new WorkbookChangeError(`Arket »${spec.name}« findes allerede i projektmappen og overskrives ikke.`);
    }
    const added = new Set((changes.addSheets ?? []).map((s) => s.name.toLowerCase()));
    const targets = [...(changes.cells ?? []), ...(changes.notes ?? []), ...(changes.names ?? [])].filter((t) => !added.has(t.sheet.toLowerCase()));
    for (const t of targets) {
      if (removed.has(t.sheet.toLowerCase())) throw new WorkbookChangeError(`Arket »${t.sheet}« findes ikke i projektmappen.`);
      this.sheet(t.sheet);
    }
    const locked = await this.protectedSheets((changes.cells ?? []).filter((c) => !added.has(c.sheet.toLowerCase())).map((c) => c.sheet));
    if (locked.length > 0) throw new ProtectedSheetError(file, locked);

    for (const name of changes.removeSheets ?? []) await this.removeSheet(name);
    for (const spec of changes.addSheets ?? []) await this.putSheet(spec);
    if ((changes.names ?? []).length > 0) await this.setNames(changes.names ?? []);
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of changes.cells ?? []) {
      if (added.has(w.sheet.toLowerCase())) continue;
      const name = this.sheet(w.sheet).name;
      bySheet.set(name, [...(bySheet.get(name) ?? []), w]);
    }
    for (const [name, writes] of bySheet) await this.writeCells(this.sheet(name), writes);
    if (changes.clearToolNotes) await this.clearToolNotes(added);
    await this.addNotes(changes.notes ?? []);
    await this.requestRecalculation();
  }

  private async writeCells(sheet: SheetEntry, writes: readonly CellWrite[]): Promise<void> {
    const patches: CellPatch[] = writes.map((w) => ({ row: w.row, col: w.col, value: w.value, ...(w.formula ? { formula: w.formula } : {}) }));
    const result = patchCells(await this.pkg.text(sheet.part), patches);
    this.pkg.set(sheet.part, result.xml);
    // A cell whose formula became a value must leave the calculation chain, or Excel repairs the
    // file; Excel rebuilds the chain when it is missing.
    if (result.removedFormulas > 0) await this.dropCalcChain();
  }

  private async dropCalcChain(): Promise<void> {
    const rel = (await this.pkg.relationships(this.workbookPart)).find((r) => r.type === NS.calcChain);
    if (!rel) return;
    this.pkg.remove(rel.target);
    await this.pkg.removeRelationship(this.workbookPart, rel.id);
    await this.pkg.removeOverride(rel.target);
  }

  /** Sets `fullCalcOnLoad="1"` on the workbook's `<calcPr>` (adding the element where the schema puts it). */
  private async requestRecalculation(): Promise<void> {
    const xml = await this.pkg.text(this.workbookPart);
    const p = rootPrefix(xml, 'workbook');
    const calcPr = new RegExp(`<${p}calcPr\\b[^>]*?/?>`).exec(xml);
    if (calcPr) {
      if (attr(calcPr[0], 'fullCalcOnLoad') === '1' || attr(calcPr[0], 'fullCalcOnLoad') === 'true') return;
      this.pkg.set(this.workbookPart, `${xml.slice(0, calcPr.index)}${setAttr(calcPr[0], 'fullCalcOnLoad', '1')}${xml.slice(calcPr.index + calcPr[0].length)}`);
      return;
    }
    const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
    for (const name of AFTER_CALC_PR) {
      const m = new RegExp(`<${p}${name}\\b`).exec(xml);
      if (m) {
        this.pkg.set(this.workbookPart, `${xml.slice(0, m.index)}${element}${xml.slice(m.index)}`);
        return;
      }
    }
    this.pkg.set(this.workbookPart, insertBeforeClose(xml, 'workbook', element));
  }

  // -------------------------------------------------------------------------------------------
  // Notes

  /** The comments part and VML drawing of a sheet, if it has them. */
  private async noteParts(sheet: SheetEntry): Promise<{ comments?: string; vml?: string; vmlRelId?: string }> {
    const rels = await this.pkg.relationships(sheet.part);
    const comments = rels.find((r) => r.type === NS.comments && !r.external)?.target;
    const drawingId = legacyDrawingId(await this.pkg.text(sheet.part));
    const vmlRel = rels.find((r) => r.type === NS.vmlDrawing && !r.external && (drawingId === undefined || r.id === drawingId));
    return { comments, vml: vmlRel?.target, vmlRelId: vmlRel?.id };
  }

  private async clearToolNotes(skip: ReadonlySet<string>): Promise<void> {
    for (const sheet of this.sheetList) {
      if (skip.has(sheet.name.toLowerCase())) continue;
      const parts = await this.noteParts(sheet);
      if (!parts.comments || !this.pkg.has(parts.comments)) continue;
      const xml = await this.pkg.text(parts.comments);
      const edit = clearToolNotes(xml);
      if (edit.xml === xml) continue;
      this.pkg.set(parts.comments, edit.xml);
      if (parts.vml && this.pkg.has(parts.vml) && edit.removed.length > 0) await this.editVml(parts.vml, edit);
    }
  }

  private async addNotes(notes: readonly NoteWrite[]): Promise<void> {
    const bySheet = new Map<string, Map<string, { row: number; col: number; texts: string[] }>>();
    for (const n of notes) {
      const name = this.sheet(n.sheet).name;
      const cells = bySheet.get(name) ?? new Map<string, { row: number; col: number; texts: string[] }>();
      const key = `${n.row},${n.col}`;
      const entry = cells.get(key) ?? { row: n.row, col: n.col, texts: [] };
      entry.texts.push(n.text);
      cells.set(key, entry);
      bySheet.set(name, cells);
    }
    for (const [name, cells] of bySheet) {
      const sheet = this.sheet(name);
      const parts = await this.ensureNoteParts(sheet);
      const edit = addToolNotes(
        await this.pkg.text(parts.comments),
        [...cells.values()].map((c) => ({ row: c.row, col: c.col, text: c.texts.join('\n') })),
      );
      this.pkg.set(parts.comments, edit.xml);
      await this.editVml(parts.vml, edit);
    }
  }

  private async editVml(part: string, edit: Pick<NotesEdit, 'removed' | 'added'>): Promise<void> {
    const vml = await this.pkg.text(part);
    const next = editVml(vml, edit, vmlIdBlock(vml) ?? (await this.freeVmlBlock()));
    if (next !== vml) this.pkg.set(part, next);
  }

  private async freeVmlBlock(): Promise<number> {
    let max = 0;
    for (const part of this.pkg.parts()) {
      if (!part.toLowerCase().endsWith('.vml')) continue;
      const vml = await this.pkg.text(part);
      max = Math.max(max, vmlIdBlock(vml) ?? 0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Math.floor(Number(m[1]) / 1024)));
    }
    return max + 1;
  }

  /** The sheet's comments part and VML drawing, created (with their relationships) when missing. */
  private async ensureNoteParts(sheet: SheetEntry): Promise<{ comments: string; vml: string }> {
    let { comments, vml } = await this.noteParts(sheet);
    if (!comments) {
      comments = this.pkg.freePart('xl/comments', '.xml');
      this.pkg.set(comments, EMPTY_COMMENTS);
      await this.pkg.setOverride(comments, CONTENT_TYPE.comments);
      await this.pkg.addRelationship(sheet.part, NS.comments, comments);
    }
    if (!vml) {
      vml = this.pkg.freePart('xl/drawings/vmlDrawing', '.vml');
      this.pkg.set(vml, emptyVml(await this.freeVmlBlock()));
      await this.pkg.ensureDefault('vml', CONTENT_TYPE.vml);
      const relId = await this.pkg.addRelationship(sheet.part, NS.vmlDrawing, vml);
      this.pkg.set(sheet.part, insertLegacyDrawing(await this.pkg.text(sheet.part), relId));
    }
    return { comments, vml };
  }

  // -------------------------------------------------------------------------------------------
  // The report sheet

  /** Writes a sheet the tool owns: a new part, or the old part of the same sheet replaced. */
  private async putSheet(spec: SheetSpec): Promise<void> {
    const styles = new Set<CellStyle>();
    const formats = new Set<string>();
    for (const w of spec.cells) {
      if (w.style) styles.add(w.style);
      if (w.numberFormat) formats.add(w.numberFormat);
    }
    const stylesRel = (await this.pkg.relationships(this.workbookPart)).find((r) => r.type === NS.styles);
    let index = new Map<string, number>();
    if (stylesRel && this.pkg.has(stylesRel.target)) {
      const xml = await this.pkg.text(stylesRel.target);
      const result = addCellFormats(xml, styles, formats);
      if (result.xml !== xml) this.pkg.set(stylesRel.target, result.xml);
      index = result.index;
    }
    const xml = sheetPartXml(spec, index);
    const existing = this.sheetList.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    if (existing) {
      // Only a sheet listed in `replaceSheets` gets here (checked in `apply`); it keeps its tab position.
      await this.dropSheetRelations(existing);
      this.pkg.set(existing.part, xml);
      return;
    }
    const part = this.pkg.freePart('xl/worksheets/sheet', '.xml');
    this.pkg.set(part, xml);
    await this.pkg.setOverride(part, CONTENT_TYPE.worksheet);
    const relId = await this.pkg.addRelationship(this.workbookPart, NS.worksheet, part);
    const wb = await this.pkg.text(this.workbookPart);
    const p = rootPrefix(wb, 'workbook');
    const r = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wb)?.[1] ?? 'r';
    const sheetId = Math.max(0, ...this.sheetList.map((s) => s.sheetId)) + 1;
    const element = `<${p}sheet name="${escapeXml(spec.name)}" sheetId="${sheetId}" ${r}:id="${relId}"/>`;
    const close = wb.indexOf(`</${p}sheets>`);
    this.pkg.set(this.workbookPart, `${wb.slice(0, close)}${element}${wb.slice(close)}`);
    this.sheetList = [...this.sheetList, { name: spec.name, sheetId, relId, part }];
  }

  /** Adds workbook-scoped names, or moves them when they exist; other names keep their text. */
  private async setNames(names: readonly DefinedName[]): Promise<void> {
    let xml = await this.pkg.text(this.workbookPart);
    const p = rootPrefix(xml, 'workbook');
    for (const n of names) {
      const text = escapeXml(absoluteRange(n));
      const existing = [...xml.matchAll(new RegExp(`<${p}definedName\\b[^>]*>[\\s\\S]*?</${p}definedName>`, 'g'))].find(
        (m) => (attr(m[0], 'name') ?? '').toLowerCase() === n.name.toLowerCase() && attr(m[0], 'localSheetId') === undefined,
      );
      if (existing) {
        const open = /^<[^>]*>/.exec(existing[0])![0];
        xml = `${xml.slice(0, existing.index)}${open}${text}</${p}definedName>${xml.slice(existing.index + existing[0].length)}`;
        continue;
      }
      const element = `<${p}definedName name="${escapeXml(n.name)}">${text}</${p}definedName>`;
      const close = xml.indexOf(`</${p}definedNames>`);
      if (close >= 0) {
        xml = `${xml.slice(0, close)}${element}${xml.slice(close)}`;
        continue;
      }
      const at = ['calcPr', ...AFTER_CALC_PR].map((name) => new RegExp(`<${p}${name}\\b`).exec(xml)?.index).find((i) => i !== undefined);
      const block = `<${p}definedNames>${element}</${p}definedNames>`;
      xml = at === undefined ? insertBeforeClose(xml, 'workbook', block) : `${xml.slice(0, at)}${block}${xml.slice(at)}`;
    }
    this.pkg.set(this.workbookPart, xml);
  }

  /**
   * Removes a sheet with its part and relationships, the names that belong to it or point at it
   * (Excel would show #REF!), and shifts the scope of names on sheets after it.
   */
  private async removeSheet(name: string): Promise<void> {
    const sheet = this.sheetList.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return;
    const position = this.sheetList.indexOf(sheet);
    await this.dropSheetRelations(sheet);
    this.pkg.remove(sheet.part);
    await this.pkg.removeOverride(sheet.part);
    await this.pkg.removeRelationship(this.workbookPart, sheet.relId);
    let xml = await this.pkg.text(this.workbookPart);
    const p = rootPrefix(xml, 'workbook');
    xml = xml.replace(new RegExp(`<${p}sheet\\b[^>]*\\s\\w+:id\\s*=\\s*"${sheet.relId}"[^>]*/>`), '');
    const quoted = sheet.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const ref = new RegExp(`(^|[^A-Za-z0-9_.'])('${quoted.replace(/'/g, "''")}'|${quoted})!`, 'i');
    xml = xml.replace(new RegExp(`<${p}definedName\\b[^>]*>([\\s\\S]*?)</${p}definedName>`, 'g'), (element: string, text: string) => {
      const local = attr(element, 'localSheetId');
      if (local !== undefined && Number(local) === position) return '';
      if (ref.test(unescapeXml(text))) return '';
      if (local !== undefined && Number(local) > position) return element.replace(/localSheetId\s*=\s*"\d+"/, `localSheetId="${Number(local) - 1}"`);
      return element;
    });
    xml = xml.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), '');
    // Views that point past the last sheet would make Excel repair the file.
    const count = this.sheetList.length - 1;
    xml = xml.replace(/(\s(?:activeTab|firstSheet)\s*=\s*")(\d+)"/g, (m, head: string, n: string) => (Number(n) >= count ? `${head}0"` : m));
    this.pkg.set(this.workbookPart, xml);
    this.sheetList = this.sheetList.filter((s) => s !== sheet);
  }

  /** Removes a tool-owned sheet's relationships and the comments and drawings only it used. */
  private async dropSheetRelations(sheet: SheetEntry): Promise<void> {
    for (const rel of await this.pkg.relationships(sheet.part)) {
      if (rel.external || (rel.type !== NS.comments && rel.type !== NS.vmlDrawing)) continue;
      this.pkg.remove(rel.target);
      await this.pkg.removeOverride(rel.target);
    }
    const relsPart = relsPartOf(sheet.part);
    if (this.pkg.has(relsPart)) this.pkg.remove(relsPart);
  }
}
