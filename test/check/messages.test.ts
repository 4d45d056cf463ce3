/**
 * Wording of findings: every rule id has Danish and English text, hints reach the reader, and
 * addresses stay structured until they are shown.
 */
import { checkWorkbook, gridFromRows, RULE_IDS, wordFinding, type FindingDraft, type Locale } from '../../src/engine';

const Y = [2025, 2026];
const tableD = (cells: unknown[]) => [
  ['Tabel D. Anlæg'],
  ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
  [null, null, ...Y],
  ['TMU', 'x', ...cells],
  ['Total', null, 0, 0],
];
const check = (rows: unknown[][], locale: Locale = 'da') => checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] }, { locale }).findings;

describe('unparseable-number hints', () => {
  it.each([
    ['#DIV/0!', /Excel-fejlværdi/, /Excel error value/],
    ['#N/A', /Excel-fejlværdi/, /Excel error value/],
    ['--43', /dobbelt minus/, /double minus/],
    ['ca. 40', /bogstaver/, /contains letters/],
  ])('%s gets its hint in both languages', (text, da, en) => {
    const [dFinding] = check(tableD([text, null]), 'da').filter((f) => f.rule === 'unparseable-number');
    const [eFinding] = check(tableD([text, null]), 'en').filter((f) => f.rule === 'unparseable-number');
    expect(dFinding.cell).toBe('C4');
    expect(dFinding.message).toMatch(da);
    expect(eFinding.message).toMatch(en);
  });

  it('a stray character that is neither letter nor dash gets no hint', () => {
    const [f] = check(tableD(['12#', null])).filter((x) => x.rule === 'unparseable-number');
    expect(f.params.hint).toBe('');
    expect(f.message).toBe('Tabel D: cellen indeholder »12#«, som ikke er et tal. Skriv et tal, »-« eller lad cellen stå tom.');
  });
});

describe('catalogues', () => {
  const draft = (rule: (typeof RULE_IDS)[number]): FindingDraft => ({
    rule,
    severity: 'warning',
    sheet: 'Ark',
    range: { start: { row: 6, col: 2 }, end: { row: 6, col: 7 } },
    params: {
      table: 'Tabel A',
      label: 'x',
      year: 2026,
      years: [2026, 2027],
      expected: 1,
      actual: 2,
      diff: 1,
      text: 'x',
      unitName: 'ØU',
      unit: 'ØU',
      unitA: 'ØU',
      unitB: 'KS',
      kind: 'anlæg',
      previous: 2025,
      expectedYears: null,
      expectedYear: null,
      continuedFrom: null,
    },
  });

  it.each(RULE_IDS.map((id) => [id]))('%s is worded in Danish and English, with its address as A1 text', (id) => {
    const da = wordFinding(draft(id), 'da');
    const en = wordFinding(draft(id), 'en');
    expect(da.cell).toBe('C7:H7');
    expect(da.message).not.toMatch(/undefined|\[object/);
    expect(en.message).not.toMatch(/undefined|\[object/);
    expect(en.message).not.toBe(da.message);
  });

  it('payback wording, the expected value included, comes from the catalogue of the language', () => {
    const summary = (stated: string) => [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', 2025, 2026],
      ['Effektivisering', 'Service', 0, -3],
      ['Samlet varig ændring', null, 0, -3],
      ['Projekt', 'Service', 10, 0],
      ['Samlede implementeringsomkostninger', null, 10, 0],
      ['Samlet økonomisk påvirkning', null, 10, -3],
      ['Tilbagebetalingstid', stated],
    ];
    const [da] = check(summary('2 år'), 'da');
    const [en] = check(summary('2 år'), 'en');
    expect([da.expected, en.expected]).toEqual(['5 år (2029)', '5 years (2029)']);
    expect(da.message).toMatch(/beregnet tilbagebetalingstid er 5 år \(2029\), når den varige ændring fra 2026 fortsætter/);
    expect(en.message).toMatch(/computed payback is 5 years \(2029\), continuing the 2026 permanent change/);
  });
});
