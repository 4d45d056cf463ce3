/**
 * The consistency checker: finds technical tables anywhere in a workbook and reports what does
 * not add up, as findings with cell addresses.
 */
import { rangeToA1, sheetRef, text, toA1, num, EMPTY, type CellValue, type WorkbookSnapshot } from '../cells';
import { REPORT_SHEET, type CellWrite, type NoteWrite, type WorkbookChanges } from '../changes';
import { compareFindings, countBySeverity, type Finding, type Severity } from '../findings';
import { wordFinding, type Locale } from '../messages';
import { ruleName, severityCount, severityLabel } from '../messages/words';
import { discoverSheet } from './discover';
import type { TableKind } from './model';
import { RULES } from './registry';

export type { TableKind } from './model';
export { RULES } from './registry';
export type { Rule } from './rule';
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

export interface CheckOptions {
  locale?: Locale;
}

/**
 * Checks every sheet of a workbook (one sheet is one proposal). Never throws on content: what it
 * cannot read becomes a finding. The tool's own report sheet is not checked.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckReport {
  const locale = options.locale ?? 'da';
  const findings: Finding[] = [];
  const tables: TableInfo[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.name === REPORT_SHEET) continue;
    const found = discoverSheet(sheet);
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
  return { findings, tables };
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
  const locale = options.locale ?? 'da';
  const label = (severity: Severity) => severityLabel(severity, locale);
  const byCell = new Map<string, { sheet: string; row: number; col: number; lines: string[] }>();
  for (const f of report.findings) {
    if (!f.sheet || !f.range) continue;
    const { row, col } = f.range.start;
    const key = `${f.sheet}\u0000${row},${col}`;
    const entry = byCell.get(key) ?? { sheet: f.sheet, row, col, lines: [] };
    entry.lines.push(`${label(f.severity)} (${ruleName(f.rule, locale)}): ${f.message}`);
    byCell.set(key, entry);
  }
  const notes: NoteWrite[] = [...byCell.values()].map((e) => ({ sheet: e.sheet, row: e.row, col: e.col, text: e.lines.join('\n') }));

  const counts = countBySeverity(report.findings);
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}) => cells.push({ sheet: REPORT_SHEET, row, col, value, ...extra });
  put(0, 0, text(locale === 'da' ? 'Valideringsrapport – tekniske tabeller' : 'Validation report – technical tables'), { style: 'title' });
  const sheets = snapshot.sheets.filter((s) => s.name !== REPORT_SHEET).length;
  const tally = (['error', 'warning', 'info'] as const).map((s) => severityCount(s, counts[s], locale)).join(', ');
  put(1, 0, text(locale === 'da' ? `${tally} i ${sheets} ark` : `${tally} in ${sheets} sheets`), { style: 'subtitle' });
  REPORT_HEADINGS[locale].forEach((h, c) => put(3, c, text(h), { style: 'header' }));
  report.findings.forEach((f, i) => {
    const row = 4 + i;
    put(row, 0, text(f.sheet));
    put(row, 1, text(f.cell), f.sheet && f.range ? { link: sheetRef(f.sheet, toA1(f.range.start)), style: 'link' } : {});
    put(row, 2, text(label(f.severity)));
    put(row, 3, text(ruleName(f.rule, locale)));
    put(row, 4, text(f.message));
    put(row, 5, plain(f.expected));
    put(row, 6, plain(f.actual));
  });
  if (report.findings.length === 0) put(4, 0, text(locale === 'da' ? 'Ingen fejl fundet' : 'No problems found'));
  return {
    clearToolNotes: true,
    notes,
    replaceSheets: [REPORT_SHEET],
    addSheets: [{ name: REPORT_SHEET, cells, columnWidths: [18, 10, 10, 22, 90, 14, 14], frozenRows: 4 }],
  };
}
