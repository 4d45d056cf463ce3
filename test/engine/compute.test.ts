import forslag4 from '../../examples/forslag4.json';
import { computeProposal } from '../../src/engine';
import { emptyProposal, validationProblems } from '../support/proposals';

function nonZeroRows(table: { rows: { unit: string; values: number[] }[] }) {
  return Object.fromEntries(table.rows.filter((r) => r.values.some((v) => v !== 0)).map((r) => [r.unit, r.values]));
}

describe('computeProposal on the seed', () => {
  // The seed's "Forslag 4" technical tables, 2024–2029.
  let result: ReturnType<typeof computeProposal>;
  beforeEach(() => {
    result = computeProposal(forslag4);
  });

  it('gives Tabel A (måltalseffekt) exactly', () => {
    expect(nonZeroRows(result.tables.A)).toEqual({
      ØU: [0, -369, -369, -369, -369, -369],
      TMU: [0, -196, -1491, -1491, -1491, -1491],
    });
    expect(result.tables.A.total).toEqual([0, -565, -1860, -1860, -1860, -1860]);
  });

  it('gives Tabel B (varig drift) exactly, balancing every year', () => {
    expect(nonZeroRows(result.tables.B)).toEqual({
      ØU: [0, -86, -86, -86, -86, -86],
      KIT: [0, -300, -300, -300, -300, -300],
      TMU: [0, 386, 386, 386, 386, 386],
    });
    expect(result.tables.B.total).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives Tabel C (hvis forslaget indarbejdes) exactly', () => {
    expect(nonZeroRows(result.tables.C)).toEqual({
      ØU: [0, -455, -455, -455, -455, -455],
      KIT: [0, -300, -300, -300, -300, -300],
      TMU: [0, 190, -1105, -1105, -1105, -1105],
    });
    expect(result.tables.C.total).toEqual([0, -565, -1860, -1860, -1860, -1860]);
  });

  it('gives Tabel D and E (investments) exactly', () => {
    expect(nonZeroRows(result.tables.D)).toEqual({ TMU: [2745, 2195, 0, 0, 0, 0] });
    expect(nonZeroRows(result.tables.E)).toEqual({ TMU: [1380, 1380, 0, 0, 0, 0] });
  });

  it('lists the eleven standard units in Kvantum order with their names', () => {
    expect(result.tables.A.rows.map((r) => r.unit)).toEqual(['ØU', 'KS', 'KIT', 'KEJD', 'BYK', 'KFU', 'BUU', 'SUU', 'SU', 'TMU', 'BIU']);
    expect(result.tables.A.rows[10].name).toBe('Beskæftigelses- og Integrationsudvalget');
  });

  it('summarises net change, investments, impact and payback', () => {
    expect(result.summary.netPermanent).toEqual([0, -565, -1860, -1860, -1860, -1860]);
    expect(result.summary.economicImpact).toEqual([4125, 3010, -1860, -1860, -1860, -1860]);
    // Cumulative: 4125, 7135, 5275, 3415, 1555, -305 → year 6 (2029).
    expect(result.summary.payback).toEqual({ years: 6, year: 2029 });
  });
});

describe('units as people write them', () => {
  it('accepts full names, PDF hyphenation, administration abbreviations and KEID', () => {
    const r = computeProposal({
      ...emptyProposal(),
      effects: [
        { label: 'a', unit: 'Sundheds- og Om-sorgsudvalget', amounts: [-1, -1, -1] },
        { label: 'b', unit: 'SOF', amounts: [-2, -2, -2] },
        { label: 'c', unit: 'KEID', amounts: [-3, -3, -3] },
        { label: 'd', unit: 'Teknik- og Miljøud- valget', amounts: [-4, -4, -4] },
      ],
    });
    expect(nonZeroRows(r.tables.A)).toEqual({ KEJD: [-3, -3, -3], SUU: [-1, -1, -1], SU: [-2, -2, -2], TMU: [-4, -4, -4] });
  });

  it('puts other named units after the standard rows', () => {
    const r = computeProposal({ ...emptyProposal(), effects: [{ label: 'a', unit: 'Borgerrådgiveren', amounts: [-1, -1, -1] }] });
    expect(r.tables.A.rows.map((x) => x.unit).slice(11)).toEqual(['Borgerrådgiveren']);
    const declared = computeProposal({ ...emptyProposal(), otherUnits: ['Tilsynet'], effects: [{ label: 'a', unit: 'Tilsynet', amounts: [-1, 0, 0] }] });
    expect(declared.tables.A.rows[11]).toEqual({ unit: 'Tilsynet', name: 'Tilsynet', bevilling: 'Service', styringsomraade: 'Service', values: [-1, 0, 0] });
  });
});

describe('rounding', () => {
  it('makes rows add up to the rounded exact total (largest remainder)', () => {
    // Three committees share -1 000 equally: -333.33 each; cell rounding would give -999.
    const r = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'ØU', amounts: [-1000, -1000, -1000], credit: { KFU: 1 / 3, BUU: 1 / 3, SU: 1 / 3 } }],
    });
    expect(r.tables.A.total).toEqual([-1000, -1000, -1000]);
    const sum = r.tables.A.rows.reduce((acc, row) => acc + row.values[0], 0);
    expect(sum).toBe(-1000);
  });

  it('rounds totals half away from zero', () => {
    const r = computeProposal({ ...emptyProposal(), effects: [{ label: 'a', unit: 'TMU', amounts: [-0.5, 0.5, -2.5] }] });
    expect(r.tables.A.total).toEqual([-1, 1, -3]);
  });

  it('offers per-cell rounding and says where rows then miss the total', () => {
    const input = {
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'ØU', amounts: [-1000, 0, 0], credit: { KFU: 1 / 3, BUU: 1 / 3, SU: 1 / 3 } }],
    };
    const r = computeProposal(input, { rounding: 'cell' });
    expect(r.tables.A.rows.filter((x) => x.values[0] !== 0).map((x) => x.values[0])).toEqual([-333, -333, -333]);
    expect(r.tables.A.total[0]).toBe(-1000);
    expect(r.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'cell-rounding-imbalance', severity: 'info', params: expect.objectContaining({ table: 'A', year: 2025 }) }),
      ]),
    );
  });
});

describe('payback', () => {
  it('counts from the first year with any amount (BC01: 4 years, 2028)', () => {
    const r = computeProposal({
      title: 'BC01',
      priceLevel: 2025,
      years: [2024, 2025, 2026, 2027, 2028, 2029],
      effects: [{ label: 'KS', unit: 'KS', amounts: [0, -297, -1144, -1474, -1474, -1474] }],
      investments: [{ label: 'Udvikling', kind: 'anlæg', unit: 'KS', amounts: [0, 2000, 2250, 0, 0, 0] }],
    });
    expect(r.summary.payback).toEqual({ years: 4, year: 2028 });
  });

  it('is null when not reached within the years, or when there is nothing', () => {
    const late = computeProposal({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [-1, -1, -1] }],
      investments: [{ label: 'i', kind: 'service', unit: 'TMU', amounts: [10, 0, 0] }],
    });
    expect(late.summary.payback).toBeNull();
    expect(computeProposal(emptyProposal()).summary.payback).toBeNull();
  });
});

describe('invalid input', () => {
  it('lists every problem with its path', () => {
    const list = validationProblems({
      ...emptyProposal(),
      years: [2025, 2027, 2028],
      effects: [{ label: 'a', unit: 'Ukendtudvalget', amounts: [1, 2] }],
      operatingCosts: [{ label: 'd', unit: 'TMU', amounts: [1, 1, 1], financing: { ØU: 0.3, TMU: 0.6 } }],
    });
    expect(list).toEqual([
      'years[1]: årene skal følge hinanden uden huller: 2025 efterfølges af 2027',
      expect.stringMatching(/^effects\[0\]\.unit: ukendt udvalg "Ukendtudvalget"/),
      'effects[0].amounts: har 2 beløb, men forslaget har 3 år (2025–2028)',
      'operatingCosts[0].financing: andelene summerer til 0,9, men skal summere til 1',
    ]);
  });

  it('rejects non-finite numbers and wrong kinds', () => {
    const list = validationProblems({
      ...emptyProposal(),
      effects: [{ label: 'a', unit: 'TMU', amounts: [1, Infinity, NaN] }],
      investments: [{ label: 'i', kind: 'drift', unit: 'TMU', amounts: [0, 0, 0] }],
    });
    expect(list.some((p) => p.startsWith('effects[0].amounts[1]'))).toBe(true);
    expect(list.some((p) => p.startsWith('effects[0].amounts[2]'))).toBe(true);
    expect(list).toContain('investments[0].kind: skal være "anlæg" eller "service"');
  });

  it('says so in the error message, one line per problem', () => {
    expect(() => computeProposal({ ...emptyProposal(), years: [] })).toThrow(/Forslaget er ugyldigt:\n {2}years: skal have mindst ét år/);
  });
});

describe('bevilling and styringsområde', () => {
  // Forslag 7's shape: BIU has a Service row and an Efterspørgselsstyret row.
  const r = computeProposal({
    ...emptyProposal(),
    effects: [
      { label: 'Indkøb, service', unit: 'BIU', amounts: [-10, -10, -10] },
      { label: 'Indkøb, overførsler', unit: 'BIU', bevilling: 'Efterspørgselsstyret indsats', styringsomraade: 'Efterspørgselsstyret', amounts: [-5, -5, -5] },
    ],
    investments: [{ label: 'Anlæg', kind: 'anlæg', unit: 'KS', amounts: [100, 0, 0] }],
  });

  it('prints one row per unit and bevilling, the eleven standard rows staying', () => {
    expect(r.tables.A.rows.map((row) => `${row.unit}/${row.bevilling}`)).toEqual([
      'ØU/Service',
      'KS/Service',
      'KIT/Service',
      'KEJD/Service',
      'BYK/Service',
      'KFU/Service',
      'BUU/Service',
      'SUU/Service',
      'SU/Service',
      'TMU/Service',
      'BIU/Service',
      'BIU/Efterspørgselsstyret indsats',
    ]);
    expect(r.tables.A.rows.slice(10).map((row) => [row.styringsomraade, row.values])).toEqual([
      ['Service', [-10, -10, -10]],
      ['Efterspørgselsstyret', [-5, -5, -5]],
    ]);
    expect(r.tables.B.rows.map((row) => row.bevilling)).toEqual(r.tables.A.rows.map((row) => row.bevilling));
  });

  it('defaults to "Anlæg" for anlæg investments and "Service" for the rest', () => {
    expect(r.tables.D.rows.find((row) => row.unit === 'KS')).toMatchObject({ bevilling: 'Anlæg', styringsomraade: 'Anlæg', values: [100, 0, 0] });
    expect(r.tables.E.rows.every((row) => row.bevilling === 'Service')).toBe(true);
  });

  it('lists the Kvantum lines row by row, apart per bevilling', () => {
    expect(r.kvantum.filter((l) => l.table === 'A')).toEqual([
      ...[2025, 2026, 2027].map((year) => ({ table: 'A', unit: 'BIU', bevilling: 'Service', styringsomraade: 'Service', year, amount: -10 })),
      ...[2025, 2026, 2027].map((year) => ({
        table: 'A',
        unit: 'BIU',
        bevilling: 'Efterspørgselsstyret indsats',
        styringsomraade: 'Efterspørgselsstyret',
        year,
        amount: -5,
      })),
    ]);
    expect(r.kvantum.filter((l) => l.table === 'B')).toEqual([]);
    expect(r.kvantum.filter((l) => l.table === 'D')).toEqual([
      { table: 'D', unit: 'KS', bevilling: 'Anlæg', styringsomraade: 'Anlæg', year: 2025, amount: 100 },
    ]);
  });
});
