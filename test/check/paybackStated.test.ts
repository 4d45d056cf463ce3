/**
 * payback-mismatch: how a stated payback ("4 år (2028)", "5", "9,5 år") is read and compared with
 * the payback computed from the summary's own figures, within the years and after them.
 */
import { checkWorkbook, gridFromRows, type Finding } from '../../src/engine';

const Y = [2025, 2026, 2027];

/** A summary with one service effect, one implementation cost (service unless told) and a stated payback. */
function payback(stated: string, effect: number[], cost: number[], area = 'Service'): Finding[] {
  const impact = effect.map((v, i) => v + cost[i]);
  const rows = [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
    ['Varige ændringer'],
    ['Effektivisering', 'Service', ...effect],
    ['Samlet varig ændring', null, ...effect],
    ['Implementeringsomkostninger'],
    ['Projekt', area, ...cost],
    ['Samlede implementeringsomkostninger', null, ...cost],
    ['Samlet økonomisk påvirkning', null, ...impact],
    ['Tilbagebetalingstid baseret på totaløkonomi', stated],
  ];
  return checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] }).findings.filter((f) => f.rule === 'payback-mismatch');
}

// Cost 4 in 2025, savings of 3 from 2026: cumulative 4, 1, -2: paid back in year 3, 2027.
const within = (stated: string) => payback(stated, [0, -3, -3], [4, 0, 0]);

describe('a payback within the years', () => {
  it.each(['3 år (2027)', '3 år', '3', ' 3 år', '3år(2027)', '3,0 år', '3.5 år', '3 ÅR (2027)'])('%j agrees', (stated) => {
    expect(within(stated)).toEqual([]);
  });

  it.each([
    ['2 år (2027)', 'the number of years'],
    ['3 år (2028)', 'the year'],
    ['13 år', 'two digits'],
    ['4', 'a bare number'],
  ])('%j is a warning at the stated cell (%s differs)', (stated) => {
    const [f] = within(stated);
    expect([f.cell, f.severity, f.actual]).toEqual(['B10', 'warning', stated]);
    expect(f.params).toMatchObject({
      label: 'Tilbagebetalingstid baseret på totaløkonomi',
      expectedYears: 3,
      expectedYear: 2027,
      continuedFrom: null,
      actual: stated,
    });
  });

  it('reads the year after a decimal number of years', () => {
    expect(within('3,5 år (2028)')[0].params).toMatchObject({ expectedYear: 2027 });
    expect(within('3,55 år (2028)')[0].params).toMatchObject({ expectedYear: 2027, actual: '3,55 år (2028)' });
    expect(within('3.25 år (2027)')).toEqual([]);
  });

  it('counts an anlæg implementation cost as a service one', () => {
    expect(payback('3 år (2027)', [0, -3, -3], [4, 0, 0], 'Anlæg')).toEqual([]);
    expect(payback('1 år (2025)', [0, -3, -3], [4, 0, 0], 'Anlæg')[0].params).toMatchObject({ expectedYears: 3, expectedYear: 2027 });
  });

  it('text that states no number of years is left alone', () => {
    for (const stated of ['Ikke relevant', 'ca. 4 år', '(2027)']) expect(within(stated)).toEqual([]);
  });
});

describe('a payback after the years', () => {
  it('continues the last year’s permanent change, counting from the first year with an amount', () => {
    // Nothing in 2025; cost 10 in 2026, saving 1 in 2027 and on: cumulative 9 at 2027, 0 in 2036.
    const [f] = payback('3 år', [0, 0, -1], [0, 10, 0]);
    expect(f.params).toMatchObject({ expectedYears: 11, expectedYear: 2036, continuedFrom: 2027 });
    expect(payback('11 år (2036)', [0, 0, -1], [0, 10, 0])).toEqual([]);
  });

  it('looks up to a hundred years beyond the last year', () => {
    // Cumulative 100 at 2027 and a saving of 1 a year: paid back in 2127, 100 years on.
    expect(payback('5 år', [0, 0, -1], [101, 0, 0])[0].params).toMatchObject({ expectedYears: 103, expectedYear: 2127, continuedFrom: 2027 });
    expect(payback('5 år', [0, 0, -1], [102, 0, 0])[0].params).toMatchObject({ expectedYears: null, expectedYear: null, continuedFrom: null });
  });

  it('finds none when the last year saves nothing, or when there are no amounts', () => {
    expect(payback('5 år', [-1, -1, 0], [10, 0, 0])[0].params).toMatchObject({ expectedYears: null });
    expect(payback('5 år', [0, 0, 2], [10, 0, 0])[0].params).toMatchObject({ expectedYears: null });
    expect(payback('1 år', [0, 0, 0], [0, 0, 0])[0].params).toMatchObject({ expectedYears: null, expectedYear: null });
  });
});
