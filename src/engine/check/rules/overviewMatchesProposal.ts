import type { FindingDraft, ParamValue } from '../../findings';
import { isInvalid, valueOf, type FoundTable, type SheetTables, type TableLine } from '../model';
import { isOverview, proposalRef, titleKey, type OverviewRow, type OverviewTable } from '../overview';
import { finding, roundingSeverity, same, tableName, type WorkbookRule } from '../rule';
import { tableTotal, tableTotalInvalid, totalCellOf } from '../unitRows';

const ID = 'overview-matches-proposal';
/** Shorter titles match too much ("Effektivisering"); they are matched by number only. */
const MIN_TITLE = 8;

/** A sheet that holds a proposal's own tables, with what an overview row may name it by. */
interface ProposalSheet {
  tables: SheetTables;
  refs: string[];
  /** Title keys: the text the sheet starts with (its number taken off), and the sheet's name. */
  titles: string[];
}

const TABLE_TITLE = /^\s*(?:tabel|table|tablet|tabell)\b/i;

/**
 * The first text of a sheet, read row by row: the proposal's heading when the sheet starts with
 * one ('' when it starts with a table's title: "Tabel 1. …" names no proposal).
 */
function heading(s: SheetTables): string {
  for (const row of s.sheet.cells) {
    for (const cell of row) {
      if (!cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '')) continue;
      return cell.kind === 'text' && !TABLE_TITLE.test(cell.value) ? cell.value : '';
    }
  }
  return '';
}

function proposalSheet(s: SheetTables): ProposalSheet {
  const byName = proposalRef(s.sheet.name);
  const byHeading = proposalRef(heading(s));
  const refs = [byName.ref, byHeading.ref].filter((r): r is string => r !== null);
  const titles = [byHeading.title, s.sheet.name].map(titleKey).filter((t) => t.length >= MIN_TITLE);
  return { tables: s, refs, titles };
}

function isProposal(s: SheetTables): boolean {
  return s.summary !== null || Object.keys(s.technical).length > 0;
}

/** The proposals' sheets an overview may name, indexed by number (a catalogue has hundreds). */
class Proposals {
  private readonly byRef = new Map<string, ProposalSheet[]>();

  constructor(private readonly sheets: readonly ProposalSheet[]) {
    for (const p of sheets) for (const ref of new Set(p.refs)) this.byRef.set(ref, [...(this.byRef.get(ref) ?? []), p]);
  }

  /** The sheets a row names: by number first, else by the title a sheet starts with. */
  match(row: OverviewRow): ProposalSheet[] {
    const byRef = row.ref === null ? undefined : this.byRef.get(row.ref);
    if (byRef) return byRef;
    const title = titleKey(row.title);
    if (title.length < MIN_TITLE) return [];
    return this.sheets.filter((p) => p.titles.some((t) => t === title || t.startsWith(`${title} `)));
  }
}

/** A row of value cells as a range, for citing it in a message: [row, first col, row, last col]. */
function lineCells(line: TableLine): number[] {
  const cells = line.values;
  return [cells[0].row, cells[0].col, cells[cells.length - 1].row, cells[cells.length - 1].col];
}

interface Investments {
  amount: number;
  source: 'D' | 'E' | 'D+E' | 'summary';
  /** The cells summed, as ranges [row, col, row, col, …]. */
  cells: number[];
}

/** Sum of a table's total row over every column (its lines when it has none); null when a cell is unreadable. */
function allYears(t: FoundTable): { amount: number; cells: number[] } | null {
  const lines = t.total ? [t.total] : t.lines;
  const values = lines.flatMap((l) => l.values);
  if (values.some(isInvalid) || values.length === 0) return null;
  return { amount: values.reduce((acc, v) => acc + valueOf(v), 0), cells: lines.flatMap(lineCells) };
}

/**
 * A proposal's total investment: Tabel D + E; without either, the implementation costs of its
 * summary table (some proposals have no D or E). Undefined when the sheet states none; null
 * when a cell it needs cannot be read (that cell is reported by its own rule).
 */
function investments(s: SheetTables): Investments | null | undefined {
  const { D, E } = s.technical;
  if (D || E) {
    const parts = [D, E].filter((t): t is FoundTable => t !== undefined).map(allYears);
    if (parts.some((p) => p === null)) return null;
    const sums = parts as { amount: number; cells: number[] }[];
    return { amount: sums.reduce((acc, p) => acc + p.amount, 0), source: D && E ? 'D+E' : D ? 'D' : 'E', cells: sums.flatMap((p) => p.cells) };
  }
  if (!s.summary) return undefined;
  const total = s.summary.lines.find((l) => l.role === 'implementation-total');
  const lines = total ? [total] : s.summary.lines.filter((l) => l.role === 'implementation-line');
  if (lines.length === 0) return undefined;
  const values = lines.flatMap((l) => l.values);
  if (values.some(isInvalid)) return null;
  return { amount: values.reduce((acc, v) => acc + valueOf(v), 0), source: 'summary', cells: lines.flatMap(lineCells) };
}

function compareRow(overview: OverviewTable, row: OverviewRow, p: ProposalSheet, out: FindingDraft[]): void {
  const sheet = overview.sheet;
  const base: Record<string, ParamValue> = { table: tableName(overview.kind, overview.title), label: row.line.label, proposal: p.tables.sheet.name };
  const A = p.tables.technical.A;
  const missing: string[] = [];
  if (A) {
    overview.header.years.forEach((year, i) => {
      if (i === overview.investment) return;
      const cell = row.line.values[i];
      if (isInvalid(cell) || tableTotalInvalid(A, year)) return;
      const inA = A.header.years.includes(year);
      // The overview shows savings as positive numbers; Tabel A as negative.
      const a = inA ? tableTotal(A, year) : 0;
      const expected = a === 0 ? 0 : -a;
      const actual = valueOf(cell);
      if (same(actual, expected)) return;
      const source = inA ? totalCellOf(A, year) : A.titleCell;
      out.push(
        finding(
          ID,
          roundingSeverity(actual - expected),
          sheet,
          cell,
          { ...base, kind: 'effect', year, tabelA: a, inA, sourceRow: source.row, sourceCol: source.col, expected, actual },
          expected,
          actual,
        ),
      );
    });
  } else {
    missing.push('A');
  }
  const cell = row.line.values[overview.investment];
  const stated = valueOf(cell);
  const inv = isInvalid(cell) ? null : investments(p.tables);
  if (inv === undefined) {
    if (stated !== 0) missing.push('investments');
  } else if (inv !== null && !same(stated, inv.amount)) {
    out.push(
      finding(
        ID,
        roundingSeverity(stated - inv.amount),
        sheet,
        cell,
        { ...base, kind: 'investment', source: inv.source, sourceCells: inv.cells, expected: inv.amount, actual: stated },
        inv.amount,
        stated,
      ),
    );
  }
  if (missing.length > 0) out.push(finding(ID, 'info', sheet, row.labelCell, { ...base, kind: 'not-compared', missing }));
}

/**
 * A catalogue's overview (`overview.ts`) against its proposals' own sheets: each row's effect
 * per year equals its proposal's Tabel A total with the sign turned (the overview lists savings
 * as positive numbers), and its "Samlet investering" the proposal's Tabel D + E. Rows are matched
 * to sheets by number ("Forslag 4", "BC01": the sheet's name or the text it starts with) or by
 * the title the sheet starts with. A row that names no sheet, or several, is an info: it was not
 * compared. The "I alt" row is a total like any other (`total-mismatch`).
 */
export const overviewMatchesProposal: WorkbookRule = {
  id: ID,
  appliesTo: (sheets) => sheets.some((s) => s.tables.some(isOverview)) && sheets.some(isProposal),
  check(sheets) {
    const all = sheets.filter(isProposal).map(proposalSheet);
    const out: FindingDraft[] = [];
    for (const s of sheets) {
      const overviews = s.tables.filter(isOverview);
      if (overviews.length === 0) continue;
      const proposals = new Proposals(all.filter((p) => p.tables !== s));
      for (const overview of overviews) {
        const table = tableName(overview.kind, overview.title);
        for (const row of overview.rows) {
          const candidates = proposals.match(row);
          if (candidates.length === 1) compareRow(overview, row, candidates[0], out);
          else {
            // A number with a word ("Forslag 1") can name a sheet; a bare running number cannot.
            const ref = row.ref !== null && !row.ref.startsWith(' ') ? proposalNumber(row) : null;
            const params: Record<string, ParamValue> = { table, label: row.line.label, kind: candidates.length === 0 ? 'no-sheet' : 'several-sheets', ref };
            if (candidates.length > 1) params.sheets = candidates.map((p) => p.tables.sheet.name);
            out.push(finding(ID, 'info', s.sheet.name, row.labelCell, params));
          }
        }
      }
    }
    return out;
  },
};

/** The number as the row writes it ("Forslag 1"), for naming a sheet after it. */
function proposalNumber(row: OverviewRow): string {
  const label = row.line.label;
  const title = row.title;
  return title && label.endsWith(title) ? label.slice(0, label.length - title.length).trim() : label;
}
