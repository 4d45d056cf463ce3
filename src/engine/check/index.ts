/**
 * The consistency checker: finds technical tables anywhere in a workbook and reports what does
 * not add up, as findings with cell addresses.
 */
import { rangeToA1, sheetRef, text, toA1, num, EMPTY, type CellValue, type WorkbookSnapshot } from '../cells';
import { REPORT_SHEET, type CellWrite, type NoteWrite, type WorkbookChanges } from '../changes';
import { compareFindings, countBySeverity, type Finding, type Severity } from '../findings';
import { wordFinding, type Locale } from '../messages';
import { ruleName, severityCount, severityLabel } from '../messages/words';
import { condenseFindings, type CondensedFinding } from './condense';
import { discoverSheet } from './discover';
import type { SheetTables, TableKind } from './model';
import { RULES, WORKBOOK_RULES } from './registry';

export type { SheetTables, TableKind } from './model';
export { RULES, WORKBOOK_RULES } from './registry';
export type { Rule, WorkbookRule } from './rule';
export { discoverSheet } from './discover';
export { condenseFindings, type CondensedFinding } from './condense';

/** A table the checker found. */
export interface TableInfo {
  sheet: string;
  kind: TableKind;
  /** A1 range of the whole table, title included. */
  range: string;
  title: string;
}

export interface CheckReport {
  findings: Finding[];
  tables: TableInfo[];
}

/** What the per-sheet stage found: its report, and each sheet as discovered, for the workbook stage. */
export interface SheetsReport extends CheckReport {
  /** Every checked sheet in tab order (the report sheet left out), as `checkAcrossSheets` takes them. */
  discovered: SheetTables[];
}

export interface CheckOptions {
  locale?: Locale;
}

/**
 * Checks every sheet of a workbook (one sheet is one proposal), then the workbook as a whole (a
 * catalogue's overview against its proposals). Never throws on content: what it cannot read
 * becomes a finding. The tool's own report sheet is not checked. Findings come in tab order.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckReport {
  const sheets = checkSheets(snapshot, options);
  const across = checkAcrossSheets(sheets.discovered, options);
  return { findings: inTabOrder(sheets.findings, across, sheets.discovered), tables: sheets.tables };
}

/**
 * The per-sheet stage of `checkWorkbook`: each sheet on its own. A host that checks a large
 * workbook a few sheets at a time calls it per slice and `withWorkbookFindings` once at the end.
 */
export function checkSheets(snapshot: WorkbookSnapshot, options: CheckOptions = {}): SheetsReport {
  const locale = options.locale ?? 'da';
  const findings: Finding[] = [];
  const tables: TableInfo[] = [];
  const discovered: SheetTables[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.name === REPORT_SHEET) continue;
    const found = discoverSheet(sheet);
    discovered.push(found);
    for (const t of found.tables) tables.push({ sheet: sheet.name, kind: t.kind, range: rangeToA1(t.range), title: t.title });
    const own: Finding[] = [];
    for (const rule of RULES) {
      if (!rule.appliesTo(found)) continue;
      const drafts = rule.check(found);
      for (const draft of drafts) own.push(wordFinding(draft, locale));
      if (rule.gatesSheet && drafts.length > 0) break;
    }
    // Sheets come in tab order, so sorting each sheet's findings on its own gives the workbook
    // order; one sort over all of them looked every sheet name up in the tab list per comparison.
    own.sort(compareFindings([sheet.name]));
    for (const f of own) findings.push(f);
  }
  return { findings, tables, discovered };
}

/**
 * The workbook stage of `checkWorkbook`: rules that compare sheets with each other, on the sheets
 * as `checkSheets` discovered them (in tab order). Its findings are sorted as `checkWorkbook`
 * sorts, each sheet's on their own.
 */
export function checkAcrossSheets(discovered: readonly SheetTables[], options: CheckOptions = {}): Finding[] {
  const locale = options.locale ?? 'da';
  const findings: Finding[] = [];
  for (const rule of WORKBOOK_RULES) {
    if (!rule.appliesTo(discovered)) continue;
    for (const draft of rule.check(discovered)) findings.push(wordFinding(draft, locale));
  }
  // Only the sheets cited: the comparison looks each finding's sheet up in this list.
  const cited = new Set(findings.map((f) => f.sheet));
  return findings.sort(compareFindings(discovered.map((s) => s.sheet.name).filter((name) => cited.has(name))));
}

/**
 * Completes a check made sheet by sheet (`checkSheets` per slice) with the workbook stage: its
 * findings, and their condensed list, are what `checkWorkbook` and `condenseFindings` give on
 * the whole workbook. `discovered` holds every slice's sheets in tab order.
 */
export function withWorkbookFindings(
  sliced: { findings: Finding[]; condensed: CondensedFinding[] },
  discovered: readonly SheetTables[],
  options: CheckOptions = {},
): { findings: Finding[]; condensed: CondensedFinding[] } {
  const across = checkAcrossSheets(discovered, options);
  if (across.length === 0) return sliced;
  const findings = inTabOrder(sliced.findings, across, discovered);
  // Every fold of condenseFindings stays within a sheet: only the sheets the workbook stage adds
  // to are condensed again.
  const touched = new Set(across.map((f) => f.sheet));
  const recondensed = condenseFindings(
    findings.filter((f) => touched.has(f.sheet)),
    options.locale ?? 'da',
  );
  return {
    findings,
    condensed: inTabOrder(
      sliced.condensed.filter((f) => !touched.has(f.sheet)),
      recondensed,
      discovered,
      false,
    ),
  };
}

/**
 * Adds `added` to findings that are grouped by sheet in tab order, keeping that order; within a
 * sheet that gets new findings, all of them are sorted again (unless `sort` is false: `added` is
 * already in order and only placed).
 */
function inTabOrder<T extends Finding>(list: readonly T[], added: readonly T[], sheets: readonly SheetTables[], sort = true): T[] {
  if (added.length === 0) return [...list];
  const bySheet = new Map<string, T[]>(sheets.map((s) => [s.sheet.name, []]));
  for (const f of [...list, ...added]) {
    const group = bySheet.get(f.sheet);
    if (group) group.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const touched = new Set(added.map((f) => f.sheet));
  const out: T[] = [];
  for (const [sheet, group] of bySheet) {
    if (sort && touched.has(sheet)) group.sort(compareFindings([sheet]));
    for (const f of group) out.push(f);
  }
  return out;
}

const REPORT_HEADINGS: Record<Locale, string[]> = {
  da: ['Ark', 'Celle', 'Alvor', 'Regel', 'Besked', 'Forventet', 'Fundet'],
  en: ['Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Expected', 'Found'],
};

function plain(value: number | string | undefined): CellValue {
  if (value === undefined) return EMPTY;
  return typeof value === 'number' ? num(value) : text(value);
}

/**
 * The changes that annotate a workbook with a report: a tool note on the first cell of every
 * cited range (several findings on one cell share a note; a person's note is kept by the
 * adapter), and the sheet `Valideringsrapport` listing every finding with a link to its cell.
 * Deterministic: annotating an annotated workbook gives the same notes and the same report.
 */
export function annotationChanges(snapshot: WorkbookSnapshot, report: CheckReport, options: CheckOptions = {}): WorkbookChanges {
  const builder = annotationBuilder(snapshot, report, options);
  builder.add(report.findings.length);
  return builder.changes();
}

/**
 * {@link annotationChanges} made in parts, for a caller that takes turns with other work (the
 * pane, between paints): `add(n)` takes the report's next `n` findings, `changes()` adds any
 * left and gives exactly what `annotationChanges` gives.
 */
export function annotationBuilder(
  snapshot: WorkbookSnapshot,
  report: CheckReport,
  options: CheckOptions = {},
): { readonly added: number; add(count: number): void; changes(): WorkbookChanges } {
  const locale = options.locale ?? 'da';
  const label = (severity: Severity) => severityLabel(severity, locale);
  const byCell = new Map<string, { sheet: string; row: number; col: number; lines: string[] }>();
  const counts = countBySeverity(report.findings);
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}) => cells.push({ sheet: REPORT_SHEET, row, col, value, ...extra });
  put(0, 0, text(locale === 'da' ? 'Valideringsrapport – tekniske tabeller' : 'Validation report – technical tables'), { style: 'title' });
  const sheets = snapshot.sheets.filter((s) => s.name !== REPORT_SHEET).length;
  const tally = (['error', 'warning', 'info'] as const).map((s) => severityCount(s, counts[s], locale)).join(', ');
  put(1, 0, text(locale === 'da' ? `${tally} i ${sheets} ark` : `${tally} in ${sheets} sheets`), { style: 'subtitle' });
  REPORT_HEADINGS[locale].forEach((h, c) => put(3, c, text(h), { style: 'header' }));

  let added = 0;
  const add = (count: number) => {
    const end = Math.min(added + count, report.findings.length);
    for (let i = added; i < end; i++) {
      const f = report.findings[i];
      if (f.sheet && f.range) {
        const { row, col } = f.range.start;
        const key = `${f.sheet}\u0000${row},${col}`;
        const entry = byCell.get(key) ?? { sheet: f.sheet, row, col, lines: [] };
        entry.lines.push(`${label(f.severity)} (${ruleName(f.rule, locale)}): ${f.message}`);
        byCell.set(key, entry);
      }
      const row = 4 + i;
      put(row, 0, text(f.sheet));
      put(row, 1, text(f.cell), f.sheet && f.range ? { link: sheetRef(f.sheet, toA1(f.range.start)), style: 'link' } : {});
      put(row, 2, text(label(f.severity)));
      put(row, 3, text(ruleName(f.rule, locale)));
      put(row, 4, text(f.message));
      put(row, 5, plain(f.expected));
      put(row, 6, plain(f.actual));
    }
    added = end;
  };
  return {
    get added() {
      return added;
    },
    add,
    changes() {
      add(report.findings.length);
      const notes: NoteWrite[] = [...byCell.values()].map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, text: e.lines.join('\n') }));
      const all =
        report.findings.length === 0
          ? [...cells, { sheet: REPORT_SHEET, row: 4, col: 0, value: text(locale === 'da' ? 'Ingen fejl fundet' : 'No problems found') }]
          : cells;
      return {
        clearToolNotes: true,
        notes,
        replaceSheets: [REPORT_SHEET],
        addSheets: [{ name: REPORT_SHEET, cells: all, columnWidths: [18, 10, 10, 22, 90, 14, 14], frozenRows: 4 }],
      };
    },
  };
}
