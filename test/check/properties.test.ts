/**
 * Consistent tables made by computeProposal, laid out at random offsets with random Danish text
 * formatting, give no error or warning; a single corrupted value cell gives at least one error.
 */
import fc from 'fast-check';
import {
  checkWorkbook,
  computeProposal,
  formatDanish,
  STANDARD_KEYS,
  toA1,
  toCell as toCellValue,
  type ProposalInput,
  type ProposalResult,
} from '../../src/engine';

// Fewer runs under mutation testing (jest.stryker.config.js sets TB_PROPERTY_RUNS).
const PROPERTY_RUNS = process.env.TB_PROPERTY_RUNS ? Number(process.env.TB_PROPERTY_RUNS) : undefined;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];
const unit = fc.constantFrom(...STANDARD_KEYS);
const amounts = fc.array(fc.integer({ min: -9000, max: 9000 }), { minLength: 6, maxLength: 6 });
const quarters = fc
  .tuple(unit, unit)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ [a]: 0.25, [b]: 0.75 }));

const proposal: fc.Arbitrary<ProposalInput> = fc.record({
  title: fc.constant('Forslag'),
  priceLevel: fc.constant(2025),
  years: fc.constant(YEARS),
  effects: fc.array(
    fc.record({
      label: fc.constant('Effektivisering'),
      unit,
      amounts: amounts.map((a) => a.map((x) => -Math.abs(x))),
      credit: fc.option(quarters, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  operatingCosts: fc.array(
    fc.record({ label: fc.constant('Drift'), unit, amounts: amounts.map((a) => a.map(Math.abs)), financing: fc.option(quarters, { nil: undefined }) }),
    { maxLength: 2 },
  ),
  transfers: fc.array(
    fc
      .tuple(unit, unit, amounts)
      .filter(([a, b]) => a !== b)
      .map(([from, to, a]) => ({ label: 'Flyt', from, to, amounts: a })),
    { maxLength: 1 },
  ),
  investments: fc.array(
    fc.record({
      label: fc.constant('Investering'),
      kind: fc.constantFrom('anlæg' as const, 'service' as const),
      unit,
      amounts: amounts.map((a) => a.map(Math.abs)),
    }),
    { maxLength: 3 },
  ),
});

type Style = { text: number; blankZero: number; allRows: boolean; row: number; col: number };
const style: fc.Arbitrary<Style> = fc.record({
  text: fc.double({ min: 0, max: 1, noNaN: true }),
  blankZero: fc.double({ min: 0, max: 1, noNaN: true }),
  allRows: fc.boolean(),
  row: fc.nat(6),
  col: fc.nat(3),
});

function layout(p: ProposalInput, r: ProposalResult, s: Style, pick: () => number): { rows: unknown[][]; values: [number, number][] } {
  const rows: unknown[][] = [];
  const values: [number, number][] = [];
  const fmt = (v: number): unknown => {
    if (v === 0 && pick() < s.blankZero) return pick() < 0.5 ? null : '-';
    return pick() < s.text ? formatDanish(v) : v;
  };
  const line = (label: string, extra: unknown, vals: number[]) => {
    const row: unknown[] = [...new Array(s.col).fill(null), label, extra, ...vals.map(fmt)];
    vals.forEach((_, i) => values.push([rows.length, s.col + 2 + i]));
    rows.push(row);
  };
  const text = (...cells: unknown[]) => rows.push([...new Array(s.col).fill(null), ...cells]);
  for (let i = 0; i < s.row; i++) rows.push([]);
  text('Tabel 1. Forslagets samlede økonomiske konsekvenser');
  text('1.000 kr. 2025 p/l', 'Styringsområde', ...YEARS);
  text('Varige ændringer (effektiviseringer og drift)');
  for (const e of [...(p.effects ?? []), ...(p.operatingCosts ?? [])]) line(e.label, 'Service', e.amounts);
  line('Samlet varig ændring', '', r.summary.netPermanent);
  text('Implementeringsomkostninger (midler fra investeringspuljen)');
  for (const v of p.investments ?? []) line(v.label, v.kind === 'anlæg' ? 'Anlæg' : 'Service', v.amounts);
  line(
    'Samlede implementeringsomkostninger',
    '',
    YEARS.map((_, i) => r.summary.investments.anlæg[i] + r.summary.investments.service[i]),
  );
  line('Samlet økonomisk påvirkning', '', r.summary.economicImpact);
  const pb = r.summary.payback;
  if (pb) text('Tilbagebetalingstid baseret på totaløkonomi', `${pb.years} år (${pb.year})`);
  const titles = {
    A: 'Tabel A. Måltalseffekt',
    B: 'Tabel B. Bevillingsmæssig effekt - varig drift',
    C: 'Tabel C. Bevillingsmæssig effekt - hvis forslaget indarbejdes',
    D: 'Tabel D. Fordeling af anlægsinvesteringer mellem udvalg',
    E: 'Tabel E. Fordeling af serviceinvesteringer mellem udvalg',
  };
  for (const k of ['A', 'B', 'C', 'D', 'E'] as const) {
    rows.push([], []);
    text(titles[k]);
    text('Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l');
    text(null, null, ...YEARS);
    for (const row of r.tables[k].rows) if (s.allRows || row.values.some((v) => v !== 0)) line(row.name, 'Kvantum 1', row.values);
    line('Total', null, r.tables[k].total);
  }
  return { rows, values };
}

function seq(seed: number) {
  let x = seed || 1;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('checker on tables computeProposal made', () => {
  it('raises no error or warning, wherever and however the tables are laid out', () => {
    fc.assert(
      fc.property(proposal, style, fc.integer(), (p, s, seed) => {
        const { rows } = layout(p, computeProposal(p), s, seq(seed));
        const { findings, tables } = checkWorkbook({ sheets: [{ name: 'Forslag', cells: rows.map((r) => r.map(toCellValue)) }], names: [] });
        const kinds = tables.map((t) => t.kind).join(',');
        if (kinds !== 'summary,A,B,C,D,E') throw new Error(`found tables ${kinds}`);
        const loud = findings.filter((f) => f.severity !== 'info');
        if (loud.length > 0) throw new Error(loud.map((f) => `${f.rule} ${f.cell}: ${f.message}`).join('\n'));
      }),
      { numRuns: PROPERTY_RUNS ?? 300, seed: 42 },
    );
  });

  it('reports an error when any single value cell is changed', () => {
    fc.assert(
      fc.property(proposal, style, fc.integer(), fc.nat(), fc.integer({ min: 2, max: 500 }), fc.boolean(), (p, s, seed, which, delta, negative) => {
        const { rows, values } = layout(p, computeProposal(p), { ...s, allRows: true }, seq(seed));
        const [r, c] = values[which % values.length];
        const old = rows[r][c];
        const before = typeof old === 'number' ? old : old === null || old === '-' ? 0 : Number((old as string).replace(/\./g, ''));
        rows[r][c] = before + (negative ? -delta : delta);
        const { findings } = checkWorkbook({ sheets: [{ name: 'Forslag', cells: rows.map((row) => row.map(toCellValue)) }], names: [] });
        if (!findings.some((f) => f.severity === 'error'))
          throw new Error(`no error after changing row ${r + 1} col ${c + 1} from ${String(old)} to ${String(rows[r][c])}`);
      }),
      { numRuns: PROPERTY_RUNS ?? 300, seed: 7 },
    );
  });
});

/**
 * A catalogue: computed proposals, each on its own sheet as above, and an overview built from
 * them (each row −Tabel A's total per year and Tabel D + E over all years, an "I alt" row), at
 * random offsets, with random Danish number text, committee headings between rows and the three
 * ways a row names its proposal: the sheet's name ("Forslag 3"), the number the sheet starts with
 * ("BC03 …") or only the title the sheet starts with (a running number and the title).
 */
describe('a catalogue overview built from its proposals', () => {
  const TITLES = [
    'Samlet ferieløsning i Serviceportalen',
    'Digitalisering af høringer',
    'Administrative lettelser i mobilhåndteringen',
    'Indregning af energibesparelser',
  ];
  type Naming = 'sheet name' | 'number' | 'title';
  const catalogue = fc.record({
    proposals: fc.array(fc.tuple(proposal, fc.constantFrom<Naming>('sheet name', 'number', 'title')), { minLength: 1, maxLength: 4 }),
    style,
    firstYear: fc.nat(3),
    years: fc.integer({ min: 2, max: 6 }),
    headerRows: fc.boolean(),
    headings: fc.boolean(),
    seed: fc.integer(),
  });
  type Catalogue = typeof catalogue extends fc.Arbitrary<infer T> ? T : never;

  /** The workbook, and the overview's value cells: [row, col, is the "I alt" row]. */
  function build(c: Catalogue): { sheets: { name: string; rows: unknown[][] }[]; values: [number, number, boolean][] } {
    const pick = seq(c.seed);
    const fmt = (v: number): unknown => (v === 0 && pick() < c.style.blankZero ? (pick() < 0.5 ? null : '-') : pick() < c.style.text ? formatDanish(v) : v);
    const years = YEARS.slice(c.firstYear, Math.min(YEARS.length, c.firstYear + c.years));
    const pad = (cells: unknown[]) => [...new Array(c.style.col).fill(null), ...cells];
    const rows: unknown[][] = Array.from({ length: c.style.row }, () => []);
    const values: [number, number, boolean][] = [];
    rows.push(pad(['Tabel 1. Tværgående investeringsforslag']));
    if (c.headerRows) {
      rows.push(pad(['1.000 kr. 2025 p/l', null, 'Effektiviseringsbidrag', ...years.slice(1).map(() => null), 'Samlet investering', 'Godkendt med']));
      rows.push(pad(['Udvalg', null, ...years, null, null]));
    } else {
      rows.push(pad(['Udvalg', null, ...years, 'Samlet investering']));
    }
    const sums = new Array<number>(years.length + 1).fill(0);
    const sheets = c.proposals.map(([p, naming], i) => {
      const r = computeProposal(p);
      const effect = years.map((y) => -r.tables.A.total[YEARS.indexOf(y)]);
      const investment = [...r.tables.D.total, ...r.tables.E.total].reduce((a, b) => a + b, 0);
      const title = TITLES[i];
      if (c.headings && pick() < 0.5) rows.push(pad(['Økonomiudvalget']));
      const label = naming === 'sheet name' ? `Forslag ${i + 1}` : naming === 'number' ? `BC0${i + 1}` : i + 1;
      const row = rows.length;
      rows.push(pad([label, title, ...[...effect, investment].map(fmt), 'OFS 23-24']));
      [...effect, investment].forEach((v, j) => {
        sums[j] += v;
        values.push([row, c.style.col + 2 + j, false]);
      });
      const sheet = layout(p, r, c.style, pick).rows;
      if (naming === 'sheet name') return { name: `Forslag ${i + 1}`, rows: sheet };
      return { name: `Ark ${i + 1}`, rows: [[naming === 'number' ? `BC0${i + 1} ${title}` : title], ...sheet] };
    });
    const total = rows.length;
    rows.push(pad(['I alt', null, ...sums.map(fmt)]));
    sums.forEach((_, j) => values.push([total, c.style.col + 2 + j, true]));
    return { sheets: [{ name: 'Oversigt', rows }, ...sheets], values };
  }

  const run = (sheets: { name: string; rows: unknown[][] }[]) =>
    checkWorkbook({ sheets: sheets.map((s) => ({ name: s.name, cells: s.rows.map((r) => r.map(toCellValue)) })), names: [] }).findings;

  it('gives no finding from overview-matches-proposal, and no error or warning anywhere', () => {
    fc.assert(
      fc.property(catalogue, (c) => {
        const findings = run(build(c).sheets);
        const bad = findings.filter((f) => f.rule === 'overview-matches-proposal' || f.severity !== 'info');
        if (bad.length > 0) throw new Error(bad.map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message}`).join('\n'));
      }),
      { numRuns: PROPERTY_RUNS ?? 150, seed: 11 },
    );
  });

  it('reports a changed overview number at its cell: the row against its proposal, the "I alt" row as a total', () => {
    fc.assert(
      fc.property(catalogue, fc.nat(), fc.integer({ min: 2, max: 500 }), fc.boolean(), (c, which, delta, negative) => {
        const { sheets, values } = build(c);
        const [r, col, isTotal] = values[which % values.length];
        const rows = sheets[0].rows;
        const old = rows[r][col];
        const before = typeof old === 'number' ? old : old === null || old === '-' ? 0 : Number((old as string).replace(/\./g, ''));
        rows[r][col] = before + (negative ? -delta : delta);
        const findings = run(sheets);
        const at = toA1({ row: r, col });
        const own = findings.filter((f) => f.rule === 'overview-matches-proposal').map((f) => `${f.severity} ${f.cell}`);
        const expected = isTotal ? [] : [`error ${at}`];
        if (own.join() !== expected.join())
          throw new Error(`changed ${at} from ${String(old)} to ${String(rows[r][col])}: overview findings ${own.join(', ') || 'none'}`);
        if (isTotal && !findings.some((f) => f.rule === 'total-mismatch' && f.sheet === 'Oversigt' && f.cell === at))
          throw new Error(`changed I alt ${at}: no total-mismatch there`);
      }),
      { numRuns: PROPERTY_RUNS ?? 150, seed: 12 },
    );
  });
});
