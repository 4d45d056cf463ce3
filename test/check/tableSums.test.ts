/**
 * The rules that add up technical tables, on grid literals: totals (row, column and the corner
 * where they meet), Tabel B's balance, C = A + B, and the tables against the summary. Each rule
 * is shown once where it must speak and once where it must stay silent.
 */
import { brief, findingsOf as of, sheet, table, YEARS as Y } from '../support/grids';

describe('total-mismatch', () => {
  it('states the exact sum of decimals and the difference, with the year of a total row', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', 0.1, 0, 0],
        ['TMU', 'y', 0.2, 0, 0],
        ['Total', null, 2.3, 0, 0],
      ]),
    );
    const [f] = of(findings, 'total-mismatch');
    expect(brief(f)).toEqual(['C6', 'error', 0.3, 2.3]);
    expect(f.params).toMatchObject({ table: 'Tabel A', label: 'Total', year: 2025, expected: 0.3, actual: 2.3, diff: 2 });
  });

  it('a difference of exactly one is rounding in either direction', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, 5],
        ['Total', null, -9, -11, 7],
      ]),
    );
    expect(of(findings, 'total-mismatch').map(brief)).toEqual([
      ['C5', 'warning', -10, -9],
      ['D5', 'warning', -10, -11],
      ['E5', 'error', 5, 7],
    ]);
  });

  it('leaves a total alone when it or one of its parts cannot be read', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', 'abc', -10, -10],
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -99, 'x', -15],
      ]),
    );
    expect(of(findings, 'total-mismatch')).toEqual([]);
    expect(of(findings, 'unparseable-number').map((f) => f.cell)).toEqual(['C4', 'D6']);
  });

  it('checks a total column row by row, without a year', () => {
    const rows = [['Tabel 3. Sager pr. forvaltning'], [null, 'BIF', 'BUF', 'I alt'], ['Sager', 1, 2, 3], ['Timer', 4, 5, 11]];
    const { findings } = sheet(rows);
    expect(of(findings, 'total-mismatch').map(brief)).toEqual([['D4', 'error', 9, 11]]);
    expect(of(findings, 'total-mismatch')[0].params).toMatchObject({ label: 'Timer', year: null });
  });

  it('finds a wrong corner of a table with a total row and a total column', () => {
    const rows = [['Tabel 2. Effektiviseringer'], ['Forvaltning', 'Drift', 'Anlæg', 'I alt'], ['KFF', 1, 2, 3], ['SOF', 4, 5, 9], ['I alt', 5, 7, 13]];
    const { findings } = sheet(rows);
    expect(of(findings, 'total-mismatch').map(brief)).toEqual([['D5', 'warning', 12, 13]]);
    expect(of(findings, 'total-mismatch')[0].params).toMatchObject({ label: 'I alt', year: null });
  });

  it('checks the summary’s subtotals and its economic impact', () => {
    const rows = [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
      ['Varige ændringer'],
      ['Effektivisering', 'Service', 0, -3, -3],
      ['Samlet varig ændring', null, 0, -3, -4],
      ['Implementeringsomkostninger'],
      ['Projekt', 'Service', 10, 0, 0],
      ['Samlede implementeringsomkostninger', null, 10, 0, 0],
      ['Samlet økonomisk påvirkning', null, 10, -5, -4],
    ];
    const { findings } = sheet(rows);
    expect(of(findings, 'total-mismatch').map((f) => [f.cell, f.params.year])).toEqual([
      ['E5', 2027],
      ['D9', 2026],
    ]);
  });
});

describe('b-balances', () => {
  it('cites the header cell of a year when Tabel B has no total row, and states the sum', () => {
    const { findings } = sheet(
      table('Tabel B. Varig drift', [
        ['ØU', 'x', -5, -5, 0],
        ['TMU', 'y', 5, 4.5, 0],
      ]),
    );
    const b = of(findings, 'b-balances');
    expect(b.map(brief)).toEqual([['D3', 'error', 0, -0.5]]);
    expect(b[0].params).toMatchObject({ year: 2026, actual: -0.5 });
  });

  it('says nothing about a year with an unreadable cell', () => {
    const { findings } = sheet(
      table('Tabel B. Varig drift', [
        ['ØU', 'x', -5, 'fem', 0],
        ['TMU', 'y', 4, 5, 0],
        ['Total', null, -1, 0, 0],
      ]),
    );
    expect(of(findings, 'b-balances').map((f) => f.cell)).toEqual(['C6']);
  });
});

describe('c-equals-a-plus-b', () => {
  const A = (body: unknown[][]) => table('Tabel A. Måltalseffekt', body);
  const B = (body: unknown[][]) => table('Tabel B. Varig drift', body);
  const C = (body: unknown[][]) => table('Tabel C. Hvis forslaget indarbejdes', body);

  it('is an error outside ØU, cited from the first to the last wrong year, with the figures', () => {
    const rows = [
      ...A([
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -5, -5, -5],
      ]),
      ...C([
        ['TMU', 'y', -6, -5, -7],
        ['Total', null, -6, -5, -7],
      ]),
    ];
    const [f] = of(sheet(rows).findings, 'c-equals-a-plus-b');
    expect(brief(f)).toEqual(['C10:E10', 'error', '-5; -5', '-6; -7']);
    expect(f.params).toMatchObject({ unit: 'TMU', unitName: 'Teknik- og Miljøudvalget', years: [2025, 2027], missingRow: false, withinOeu: false });
  });

  it('is an error inside ØU when ØU as a committee does not add up either', () => {
    const rows = [
      ...A([
        ['ØU', 'x', -10, -10, -10],
        ['Total', null, -10, -10, -10],
      ]),
      ...C([
        ['ØU', 'x', -11, -10, -10],
        ['Total', null, -11, -10, -10],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b').map(brief)).toEqual([['C10', 'error', '-10', '-11']]);
  });

  it('is info inside ØU only when ØU as a committee adds up in every year', () => {
    // 2025: 3 moved from ØU to KIT, ØU adds up; 2026: ØU is 1 off as a committee.
    const rows = [
      ...A([
        ['ØU', 'x', -10, -10, -10],
        ['Total', null, -10, -10, -10],
      ]),
      ...C([
        ['ØU', 'x', -7, -11, -10],
        ['KIT', 'z', -3, 0, 0],
        ['Total', null, -10, -11, -10],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b').map(brief)).toEqual([
      ['C10:D10', 'error', '-10; -10', '-7; -11'],
      ['C11', 'error', '0', '-3'],
    ]);
  });

  it('states A + B as expected, and marks a difference that ØU as a committee absorbs', () => {
    const rows = [
      ...A([
        ['ØU', 'x', -10, -10, -10],
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -15, -15, -15],
      ]),
      ...B([
        ['TMU', 'y', 2, 2, 2],
        ['KIT', 'z', -2, -2, -2],
        ['Total', null, 0, 0, 0],
      ]),
      ...C([
        ['ØU', 'x', -12, -12, -12],
        ['TMU', 'y', -1, -3, -3],
        ['Total', null, -13, -15, -15],
      ]),
    ];
    const c = of(sheet(rows).findings, 'c-equals-a-plus-b');
    expect(c.map((f) => [f.params.unit, f.severity, f.expected, f.actual, f.params.withinOeu])).toEqual([
      ['KIT', 'info', '-2; -2; -2', '0; 0; 0', true],
      ['ØU', 'info', '-10; -10; -10', '-12; -12; -12', true],
      ['TMU', 'error', '-3', '-1', false],
    ]);
  });

  it('counts A as zero in a year only C has', () => {
    const rows = [
      ...table(
        'Tabel A. Måltalseffekt',
        [
          ['TMU', 'y', -5, -5],
          ['Total', null, -5, -5],
        ],
        [2025, 2026],
      ),
      ...C([
        ['TMU', 'y', -5, -5, 0],
        ['Total', null, -5, -5, 0],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b')).toEqual([]);
  });

  it('counts Tabel B, and says nothing where C = A + B', () => {
    const rows = [
      ...A([
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -5, -5, -5],
      ]),
      ...B([
        ['TMU', 'y', 2, 2, 2],
        ['KFU', 'z', -2, -2, -2],
        ['Total', null, 0, 0, 0],
      ]),
      ...C([
        ['TMU', 'y', -3, -3, -3],
        ['KFU', 'z', -2, -2, -2],
        ['Total', null, -5, -5, -5],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b')).toEqual([]);
  });

  it('skips a year where A, B or C cannot be read', () => {
    const rows = [
      ...A([
        ['TMU', 'y', 'x', -5, -5],
        ['Total', null, -5, -5, -5],
      ]),
      ...B([
        ['TMU', 'y', 0, 'x', 0],
        ['Total', null, 0, 0, 0],
      ]),
      ...C([
        ['TMU', 'y', -6, -6, 'x'],
        ['Total', null, -6, -6, -6],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b')).toEqual([]);
  });

  it('compares the years the tables share, whatever their column', () => {
    const rows = [
      ...table(
        'Tabel A. Måltalseffekt',
        [
          ['TMU', 'y', -1, -2, -3],
          ['Total', null, -1, -2, -3],
        ],
        [2027, 2026, 2025],
      ),
      ...C([
        ['TMU', 'y', -3, -2, -1],
        ['Total', null, -3, -2, -1],
      ]),
    ];
    expect(of(sheet(rows).findings, 'c-equals-a-plus-b')).toEqual([]);
  });
});

describe('a-matches-summary and investments-match', () => {
  const summary = (net: number[], anlaeg: number[], service: number[]) => [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
    ['Varige ændringer'],
    ['Effektivisering', 'Service', ...net],
    ['Samlet varig ændring', null, ...net],
    ['Implementeringsomkostninger'],
    ['Anlæg', 'Anlæg', ...anlaeg],
    ['Service', 'Service', ...service],
    [],
  ];

  it('compares Tabel A with the net permanent change, year by year', () => {
    const rows = [
      ...summary([-5, -5, -5], [0, 0, 0], [0, 0, 0]),
      ...table('Tabel A. Måltalseffekt', [
        ['TMU', 'y', -5, -6, -8],
        ['Total', null, -5, -6, -8],
      ]),
    ];
    const a = of(sheet(rows).findings, 'a-matches-summary');
    expect(a.map(brief)).toEqual([
      ['D14', 'warning', -5, -6],
      ['E14', 'error', -5, -8],
    ]);
    expect(a[1].params).toMatchObject({ year: 2027, expected: -5, actual: -8 });
  });

  it('compares Tabel D with anlæg and Tabel E with service', () => {
    const rows = [
      ...summary([0, 0, 0], [10, 0, 0], [0, 3, 0]),
      ...table('Tabel D. Anlæg', [
        ['TMU', 'y', 10, 0, 0],
        ['Total', null, 10, 0, 0],
      ]),
      ...table('Tabel E. Service', [
        ['TMU', 'y', 0, 3, 2],
        ['Total', null, 0, 3, 2],
      ]),
    ];
    const inv = of(sheet(rows).findings, 'investments-match');
    expect(inv.map(brief)).toEqual([['E20', 'error', 0, 2]]);
    expect(inv[0].params).toMatchObject({ table: 'E', kind: 'service', year: 2027 });
  });

  it('checks Tabel E on a sheet without Tabel D; one off is rounding', () => {
    const rows = [
      ...summary([0, 0, 0], [0, 0, 0], [10, 3, 0]),
      ...table('Tabel E. Service', [
        ['TMU', 'y', 11, 3, 5],
        ['Total', null, 11, 3, 5],
      ]),
    ];
    expect(of(sheet(rows).findings, 'investments-match').map(brief)).toEqual([
      ['C14', 'warning', 10, 11],
      ['E14', 'error', 0, 5],
    ]);
  });

  it('reads D with anlæg, not service', () => {
    const rows = [
      ...summary([0, 0, 0], [10, 0, 0], [0, 3, 0]),
      ...table('Tabel D. Anlæg', [
        ['TMU', 'y', 0, 3, 0],
        ['Total', null, 0, 3, 0],
      ]),
    ];
    expect(of(sheet(rows).findings, 'investments-match').map(brief)).toEqual([
      ['C14', 'error', 10, 0],
      ['D14', 'error', 0, 3],
    ]);
  });

  it('compares only the years the summary has', () => {
    const rows = [
      ...summary([-5, -5, -5], [1, 1, 1], [0, 0, 0]),
      ...table(
        'Tabel A. Måltalseffekt',
        [
          ['TMU', 'y', -5, -5, -9],
          ['Total', null, -5, -5, -9],
        ],
        [2025, 2026, 2030],
      ),
      ...table(
        'Tabel D. Anlæg',
        [
          ['TMU', 'y', 1, 1, 9],
          ['Total', null, 1, 1, 9],
        ],
        [2025, 2026, 2030],
      ),
    ];
    const { findings } = sheet(rows);
    expect(of(findings, 'a-matches-summary')).toEqual([]);
    expect(of(findings, 'investments-match')).toEqual([]);
  });

  it('skips a year whose net permanent change in the summary cannot be read', () => {
    const rows = [
      ...summary([-5, -5, -5], [0, 0, 0], [0, 0, 0]),
      ...table('Tabel A. Måltalseffekt', [
        ['TMU', 'y', -9, -9, -9],
        ['Total', null, -9, -9, -9],
      ]),
    ];
    rows[4] = ['Samlet varig ændring', null, -5, 'fem', -5];
    expect(of(sheet(rows).findings, 'a-matches-summary').map((f) => f.cell)).toEqual(['C14', 'E14']);
  });

  it('skips years the summary does not have and totals that cannot be read', () => {
    const rows = [
      ...summary([-5, -5, -5], [1, 1, 1], [0, 0, 0]),
      ...table(
        'Tabel A. Måltalseffekt',
        [
          ['TMU', 'y', -5, -5, -9],
          ['Total', null, -5, -5, 'x'],
        ],
        [2025, 2026, 2030],
      ),
      ...table(
        'Tabel D. Anlæg',
        [
          ['TMU', 'y', 1, 1, 9],
          ['Total', null, 'x', 1, 9],
        ],
        [2025, 2026, 2030],
      ),
    ];
    const { findings } = sheet(rows);
    expect(of(findings, 'a-matches-summary')).toEqual([]);
    expect(of(findings, 'investments-match')).toEqual([]);
  });
});
