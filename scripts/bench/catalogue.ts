/**
 * Catalogue sheets for the bench: one sheet per proposal, laid out as the budget catalogue prints
 * them (Tabel 1 "Forslagets samlede økonomiske konsekvenser", then Tables A–E), from
 * `computeProposal` results of random proposals. Layouts vary the way pasted tables vary: offsets,
 * header shapes, unit names, Danish number text ("-1.474"), "-" for nothing, "p/1" for "p/l",
 * prose and footnotes between tables. About one sheet in five carries one known defect.
 *
 * The layout follows the one in test/check/properties.test.ts, extended with these variations.
 */
import { computeProposal, formatDanish, type ProposalInput, type ProposalResult, type TableKey } from '../../src/engine';
import { randomProposal, WRITTEN } from './proposals';
import type { Rng } from './random';

/** A sheet as rows of plain values (null for empty); numbers stay numbers, text stays text. */
export interface BenchSheet {
  name: string;
  rows: unknown[][];
  /** Title rows to merge across the table width: [row, firstCol, lastCol], 0-based. */
  merges: [number, number, number][];
  /** The defect planted in the sheet, if any. */
  defect: Defect | null;
}

export type Defect = 'total-off-by-one' | 'double-minus' | 'swapped-rows' | 'price-level' | 'b-holds-costs';
const DEFECTS: readonly Defect[] = ['total-off-by-one', 'double-minus', 'swapped-rows', 'price-level', 'b-holds-costs'];

const TITLES: Record<TableKey, string[]> = {
  A: ['Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)', 'Tabel A. Måltalseffekt', 'Table A. Måltalseffekt'],
  B: ['Tabel B. Bevillingsmæssig effekt - varig drift', 'Tabel B. Bevillingsmæssig effekt – varig drift (finansiering af driftsomkostninger)'],
  C: ['Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes (bruttoeffektivisering)', 'Tabel C. Bevillingsmæssig effekt - hvis forslaget indarbejdes'],
  D: ['Tabel D. Fordeling af anlægsinvesteringer mellem udvalg', 'Tabel D. Anlægsinvesteringer'],
  E: ['Tabel E. Fordeling af serviceinvesteringer mellem udvalg', 'Tabel E. Serviceinvesteringer'],
};
const SUMMARY_TITLES = [
  'Tabel 1. Forslagets samlede økonomiske konsekvenser',
  'Tabel 2. Forslagets samlede økonomiske konsekvenser',
  'Tablet 1. Forslagets samlede økonomiske konsekvenser',
];
const PROSE = [
  'Forslaget indebærer en effektivisering af de administrative processer på tværs af forvaltningerne. Gevinsterne hentes fra og med budgetåret, når løsningen er implementeret.',
  'De varige driftsomkostninger finansieres af de udvalg, der har effektiviseringen, efter deres andel af gevinsten.',
];
const FOOTNOTES = ['* I forbindelse med vedtagelsen af budgettet indarbejdes forslaget i Kvantum.', '* Beløbene er afrundede.'];

interface Table {
  rows: { unit: string; name: string; values: number[] }[];
  total: number[];
}

interface Style {
  row: number;
  col: number;
  text: number;
  blankZero: number;
  allRows: boolean;
  header: 'bevilling-first' | 'bevilling-under' | 'no-bevilling';
  unitNames: number;
  typo: boolean;
}

function randomStyle(rng: Rng): Style {
  return {
    row: rng.chance(0.5) ? 0 : rng.int(1, 4),
    col: rng.chance(0.7) ? 0 : rng.int(1, 2),
    text: rng.pick([0, 0.3, 0.8, 1]),
    blankZero: rng.pick([0, 0.5, 1]),
    allRows: rng.chance(0.6),
    header: rng.pick(['bevilling-first', 'bevilling-under', 'no-bevilling'] as const),
    unitNames: rng.pick([0, 0.1, 0.3]),
    typo: rng.chance(0.2),
  };
}

function copyTables(r: ProposalResult): Record<TableKey, Table> {
  const out = {} as Record<TableKey, Table>;
  for (const k of ['A', 'B', 'C', 'D', 'E'] as const) {
    out[k] = { rows: r.tables[k].rows.map((row) => ({ ...row, values: row.values.slice() })), total: r.tables[k].total.slice() };
  }
  return out;
}

const nonZero = (values: number[]) => values.some((v) => v !== 0);

/** Numeric defects change the tables before layout; textual ones change a cell after it. */
function plantNumeric(defect: Defect, tables: Record<TableKey, Table>, p: ProposalInput, rng: Rng): boolean {
  switch (defect) {
    case 'total-off-by-one': {
      const t = tables.A;
      t.total[rng.int(0, t.total.length - 1)] += rng.pick([-1, 1]);
      return true;
    }
    case 'swapped-rows': {
      const rows = tables.C.rows.filter((r) => nonZero(r.values));
      if (rows.length < 2) return false;
      const [x, y] = [rows[0], rows[rows.length - 1]];
      [x.values, y.values] = [y.values, x.values];
      return true;
    }
    case 'b-holds-costs': {
      // Forslag 2's defect: Tabel B lists the operating costs themselves, so it does not balance.
      const costs = p.operatingCosts ?? [];
      if (costs.length === 0) return false;
      const row = tables.B.rows.find((r) => r.unit === 'TMU') ?? tables.B.rows[0];
      row.values = row.values.map((v, i) => v + costs.reduce((acc, c) => acc + c.amounts[i], 0));
      return true;
    }
    default:
      return true;
  }
}

/** Lays out one proposal's summary and tables A–E as catalogue rows. */
export function proposalSheet(name: string, p: ProposalInput, r: ProposalResult, rng: Rng, defect: Defect | null): BenchSheet {
  const s = randomStyle(rng);
  const tables = copyTables(r);
  let planted: Defect | null = defect && plantNumeric(defect, tables, p, rng) ? defect : null;
  const years = r.years;
  const rows: unknown[][] = [];
  const merges: [number, number, number][] = [];
  const valueCells: [number, number][] = [];
  const pad = () => new Array<unknown>(s.col).fill(null);
  const fmt = (v: number): unknown => {
    if (v === 0 && rng.next() < s.blankZero) return rng.chance(0.5) ? null : '-';
    return rng.next() < s.text ? formatDanish(v) : v;
  };
  const text = (...cells: unknown[]) => rows.push([...pad(), ...cells]);
  const title = (t: string) => {
    if (rng.chance(0.3)) merges.push([rows.length, s.col, s.col + 1 + years.length]);
    text(t);
  };
  const line = (label: string, extra: unknown, values: number[], first: number) => {
    const row = [...pad(), label, ...(first === 2 ? [extra] : []), ...values.map(fmt)];
    values.forEach((_, i) => valueCells.push([rows.length, s.col + first + i]));
    rows.push(row);
  };
  const level = (year: number) => `1.000 kr. ${year} ${s.typo ? 'p/1' : 'p/l'}`;
  const unitLabel = (unit: string, name: string) => (rng.next() < s.unitNames ? rng.pick(WRITTEN[unit] ?? [name]) : name);

  for (let i = 0; i < s.row; i++) rows.push([]);
  title(rng.pick(SUMMARY_TITLES));
  rows.push([]);
  text(level(planted === 'price-level' ? 2024 : 2025), 'Styringsområde', ...years);
  text('Varige ændringer (effektiviseringer og drift)');
  for (const e of [...(p.effects ?? []), ...(p.operatingCosts ?? [])]) line(`${e.label} (${e.unit})`, 'Service', e.amounts, 2);
  line('Samlet varig ændring', 'Service', r.summary.netPermanent, 2);
  const investments = p.investments ?? [];
  if (investments.length > 0) {
    text('Implementeringsomkostninger (midler fra investeringspuljen)');
    for (const v of investments) line(v.label, v.kind === 'anlæg' ? 'Anlæg' : 'Service', v.amounts, 2);
    const kinds = new Set(investments.map((v) => v.kind));
    if (kinds.size === 2) {
      line('Samlede implementeringsomkostninger, anlæg', 'Anlæg', r.summary.investments.anlæg, 2);
      line('Samlede implementeringsomkostninger, service', 'Service', r.summary.investments.service, 2);
    }
    line(
      'Samlede implementeringsomkostninger',
      '',
      years.map((_, i) => r.summary.investments.anlæg[i] + r.summary.investments.service[i]),
      2,
    );
  }
  line('Samlet økonomisk påvirkning', '', r.summary.economicImpact, 2);
  const pb = r.summary.payback;
  if (pb) text('Tilbagebetalingstid baseret på totaløkonomi', `${pb.years} år (${pb.year})`);
  rows.push([], []);
  if (rng.chance(0.5)) {
    text(rng.pick(PROSE));
    rows.push([], []);
  }

  const keys: TableKey[] = ['A'];
  const hasFlows = (p.operatingCosts ?? []).length > 0 || (p.transfers ?? []).length > 0;
  if (hasFlows || rng.chance(0.5)) keys.push('B', 'C');
  if (nonZero(tables.D.total)) keys.push('D');
  if (nonZero(tables.E.total)) keys.push('E');
  if (planted === 'swapped-rows' && !keys.includes('C')) planted = null;
  if (planted === 'b-holds-costs' && !keys.includes('B')) planted = null;
  for (const k of keys) {
    title(rng.pick(TITLES[k]));
    rows.push([]);
    const first = s.header === 'no-bevilling' ? 1 : 2;
    if (s.header === 'bevilling-first') {
      text('Udvalg', 'Bevilling, profitcenter mv.*', level(2025));
      text(null, null, ...years);
    } else if (s.header === 'bevilling-under') {
      text('Udvalg', level(2025));
      text(null, 'Bevilling, profit-center mv.*', ...years);
    } else {
      text('Udvalg', level(2025));
      text(null, ...years);
    }
    for (const row of tables[k].rows) if (s.allRows || nonZero(row.values)) line(unitLabel(row.unit, row.name), null, row.values, first);
    line('Total', null, tables[k].total, first);
    if (rng.chance(0.2)) text(rng.pick(FOOTNOTES));
    rows.push([], []);
  }

  if (planted === 'double-minus') {
    const candidates = valueCells.filter(([row, col]) => typeof rows[row][col] === 'number' && rows[row][col] !== 0);
    if (candidates.length > 0) {
      const [row, col] = rng.pick(candidates);
      rows[row][col] = `--${formatDanish(Math.abs(rows[row][col] as number))}`;
    } else planted = null;
  }
  return { name, rows, merges, defect: planted };
}

export interface Catalogue {
  sheets: BenchSheet[];
  proposals: ProposalInput[];
}

/** `count` proposal sheets from a fixed seed; about one in five has a defect. */
export function makeCatalogue(count: number, rng: Rng): Catalogue {
  const sheets: BenchSheet[] = [];
  const proposals: ProposalInput[] = [];
  for (let i = 0; i < count; i++) {
    const p = randomProposal(rng, i);
    proposals.push(p);
    const defect = rng.chance(0.2) ? rng.pick(DEFECTS) : null;
    sheets.push(proposalSheet(`Forslag ${i + 1}`, p, computeProposal(p), rng, defect));
  }
  return { sheets, proposals };
}
