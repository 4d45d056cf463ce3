/**
 * Consistent tables made by computeProposal, laid out at random offsets with random Danish text
 * formatting, give no error or warning; a single corrupted value cell gives at least one error.
 */
import fc from 'fast-check';
import { checkWorkbook, computeProposal, formatDanish, STANDARD_KEYS, toCell as toCellValue, type ProposalInput, type ProposalResult } from '../../src/engine';

// Fewer runs under mutation testing (jest.stryker.config.js sets TB_PROPERTY_RUNS).
const PROPERTY_RUNS = process.env.TB_PROPERTY_RUNS ? Number(process.env.TB_PROPERTY_RUNS) : undefined;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029];
const unit = fc.constantFrom(...STANDARD_KEYS);
const amounts = fc.array(fc.integer({ min: -9000, max: 9000 }), { minLength: 6, maxLength: 6 });
const quarters = fc.tuple(unit, unit).filter(([a, b]) => a !== b).map(([a, b]) => ({ [a]: 0.25, [b]: 0.75 }));

const proposal: fc.Arbitrary<ProposalInput> = fc.record({
  title: fc.constant('Forslag'),
  priceLevel: fc.constant(2025),
  years: fc.constant(YEARS),
  effects: fc.array(fc.record({ label: fc.constant('Effektivisering'), unit, amounts: amounts.map((a) => a.map((x) => -Math.abs(x))), credit: fc.option(quarters, { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
  operatingCosts: fc.array(fc.record({ label: fc.constant('Drift'), unit, amounts: amounts.map((a) => a.map(Math.abs)), financing: fc.option(quarters, { nil: undefined }) }), { maxLength: 2 }),
  transfers: fc.array(fc.tuple(unit, unit, amounts).filter(([a, b]) => a !== b).map(([from, to, a]) => ({ label: 'Flyt', from, to, amounts: a })), { maxLength: 1 }),
  investments: fc.array(fc.record({ label: fc.constant('Investering'), kind: fc.constantFrom('anlæg' as const, 'service' as const), unit, amounts: amounts.map((a) => a.map(Math.abs)) }), { maxLength: 3 }),
});

type Style = { text: number; blankZero: number; allRows: boolean; row: number; col: number };
const style: fc.Arbitrary<Style> = fc.record({ text: fc.double({ min: 0, max: 1, noNaN: true }), blankZero: fc.double({ min: 0, max: 1, noNaN: true }), allRows: fc.boolean(), row: fc.nat(6), col: fc.nat(3) });

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
  line('Samlede implementeringsomkostninger', '', YEARS.map((_, i) => r.summary.investments.anlæg[i] + r.summary.investments.service[i]));
  line('Samlet økonomisk påvirkning', '', r.summary.economicImpact);
  const pb = r.summary.payback;
  if (pb) text('Tilbagebetalingstid baseret på totaløkonomi', `${pb.years} år (${pb.year})`);
  const titles = { A: 'Tabel A. Måltalseffekt', B: 'Tabel B. Bevillingsmæssig effekt - varig drift', C: 'Tabel C. Bevillingsmæssig effekt - hvis forslaget indarbejdes', D: 'Tabel D. Fordeling af anlægsinvesteringer mellem udvalg', E: 'Tabel E. Fordeling af serviceinvesteringer mellem udvalg' };
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
        if (!findings.some((f) => f.severity === 'error')) throw new Error(`no error after changing row ${r + 1} col ${c + 1} from ${String(old)} to ${String(rows[r][c])}`);
      }),
      { numRuns: PROPERTY_RUNS ?? 300, seed: 7 },
    );
  });
});

