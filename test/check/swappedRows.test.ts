/**
 * swapped-rows: two units' rows that each hold what the other should have, against Tabel A + B
 * (for Tabel C) and against summary lines that name one unit. Each case where it must speak is
 * paired with a near miss where it must stay silent.
 */
import { checkWorkbook, gridFromRows, type Finding } from '../../src/engine';

const Y = [2025, 2026, 2027];
type Row = [string, ...number[]];

function table(title: string, body: Row[], years: number[] = Y): unknown[][] {
  const total = years.map((_, i) => body.reduce((acc, r) => acc + (r[i + 1] as number), 0));
  return [
    [title],
    ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
    [null, null, ...years],
    ...body.map(([u, ...v]) => [u, 'x', ...v]),
    ['Total', null, ...total],
    [],
  ];
}
const A = (...body: Row[]) => table('Tabel A. Måltalseffekt', body);
const B = (...body: Row[]) => table('Tabel B. Varig drift', body);
const C = (...body: Row[]) => table('Tabel C. Hvis forslaget indarbejdes', body);
const D = (...body: Row[]) => table('Tabel D. Anlæg', body);

/** A summary with permanent lines and implementation lines: [label, styringsområde, ...amounts]. */
function summary(permanent: [string, string, ...number[]][], implementation: [string, string, ...number[]][] = [], years: number[] = Y): unknown[][] {
  const sum = (lines: unknown[][]) => years.map((_, i) => lines.reduce((acc, l) => acc + (l[i + 2] as number), 0));
  return [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    ['1.000 kr. 2025 p/l', 'Styringsområde', ...years],
    ['Varige ændringer'],
    ...permanent,
    ['Samlet varig ændring', null, ...sum(permanent)],
    ['Implementeringsomkostninger'],
    ...implementation,
    ['Samlede implementeringsomkostninger', null, ...sum(implementation)],
    [],
  ];
}

function swaps(rows: unknown[][]): Finding[] {
  return checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] }).findings.filter((f) => f.rule === 'swapped-rows');
}
const where = (f: Finding) => [f.cell, f.params.table, f.params.keyA, f.params.keyB];

describe('Tabel C against A + B', () => {
  it('is an error at the first of the two rows, naming both units', () => {
    const [f, ...rest] = swaps([...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5]), ...C(['SU', -5, -5, -5], ['BUU', -10, -10, -10])]);
    expect(rest).toEqual([]);
    expect([f.cell, f.severity]).toEqual(['A11', 'error']);
    expect(f.params).toEqual({ table: 'Tabel C', unitA: 'Socialudvalget', unitB: 'Børne- og Ungdomsudvalget', keyA: 'SU', keyB: 'BUU' });
    expect(f.message).toBe(
      'Tabel C: rækkerne for Socialudvalget og Børne- og Ungdomsudvalget ser ud til at være byttet om – hver række indeholder det, der forventes for det andet udvalg.',
    );
  });

  it('adds Tabel B to Tabel A, and reads Tabel B alone when there is no Tabel A', () => {
    const withB = [...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5]), ...B(['SU', 2, 2, 2], ['BUU', -2, -2, -2])];
    expect(swaps([...withB, ...C(['SU', -7, -7, -7], ['BUU', -8, -8, -8])]).map(where)).toEqual([['A18', 'Tabel C', 'SU', 'BUU']]);
    expect(swaps([...withB, ...C(['SU', -8, -8, -8], ['BUU', -7, -7, -7])])).toEqual([]);
    expect(swaps([...B(['SU', 3, 3, 3], ['BUU', -3, -3, -3]), ...C(['SU', -3, -3, -3], ['BUU', 3, 3, 3])]).map(where)).toEqual([
      ['A11', 'Tabel C', 'SU', 'BUU'],
    ]);
  });

  it('a Tabel B that moves exactly the difference does not make Tabel A look swapped', () => {
    const rows = [
      ...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5]),
      ...B(['SU', 5, 5, 5], ['BUU', -5, -5, -5]),
      ...C(['SU', -5, -5, -5], ['BUU', -10, -10, -10]),
    ];
    expect(swaps(rows)).toEqual([]);
  });

  it('ØU’s own lines trade amounts among themselves without a swap', () => {
    expect(swaps([...A(['ØU', -10, -10, -10], ['KIT', -5, -5, -5]), ...C(['ØU', -5, -5, -5], ['KIT', -10, -10, -10])])).toEqual([]);
  });

  it('an amount written on the wrong row, leaving its own row blank, is no swap', () => {
    expect(swaps([...A(['SU', -10, -10, -10], ['BUU', 0, 0, 0]), ...C(['SU', 0, 0, 0], ['BUU', -10, -10, -10])])).toEqual([]);
  });

  it('three rows turned round are no swap of two', () => {
    const rows = [...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5], ['TMU', -3, -3, -3]), ...C(['SU', -5, -5, -5], ['BUU', -3, -3, -3], ['TMU', -10, -10, -10])];
    expect(swaps(rows)).toEqual([]);
  });

  it('a row with no known unit, or a unit nothing is expected for, is passed over', () => {
    const rows = [
      ...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5]),
      ...C(['SU', -5, -5, -5], ['Puljen', -1, -1, -1], ['TMU', -2, -2, -2], ['BUU', -10, -10, -10]),
    ];
    expect(swaps(rows).map(where)).toEqual([['A11', 'Tabel C', 'SU', 'BUU']]);
  });
});

describe('tables against the summary lines that name a unit', () => {
  it('Tabel A against permanent lines, a two- and a four-letter abbreviation', () => {
    const rows = [
      ...summary([
        ['Effektivisering SU', 'Service', -10, -10, -10],
        ['Huslejeindtægt KEJD', 'Service', -4, -4, -4],
      ]),
      ...A(['SU', -4, -4, -4], ['KEJD', -10, -10, -10]),
    ];
    expect(swaps(rows).map(where)).toEqual([['A13', 'Tabel A', 'SU', 'KEJD']]);
  });

  it('Tabel D against implementation lines, not against the permanent ones', () => {
    const implementation: [string, string, ...number[]][] = [
      ['Projekt TMF', 'Anlæg', 10, 0, 0],
      ['Projekt BIF', 'Anlæg', 4, 0, 0],
    ];
    const rows = [...summary([['Effektivisering TMF', 'Service', -4, -4, -4]], implementation), ...D(['TMU', 4, 0, 0], ['BIU', 10, 0, 0])];
    expect(swaps(rows).map(where)).toEqual([['A14', 'Tabel D', 'TMU', 'BIU']]);
    const asPermanent = [
      ...summary([
        ['Effektivisering TMF', 'Service', 10, 0, 0],
        ['Effektivisering BIF', 'Service', 4, 0, 0],
      ]),
      ...D(['TMU', 4, 0, 0], ['BIU', 10, 0, 0]),
    ];
    expect(swaps(asPermanent)).toEqual([]);
  });

  it('a line names a unit only by a capitalised abbreviation of two to four letters, and only one', () => {
    const tabelA = A(['SU', -3, -3, -3], ['TMU', -15, -15, -15]);
    const named = (label: string) =>
      swaps([
        ...summary([
          [label, 'Service', -15, -15, -15],
          ['Effektivisering TMF', 'Service', -3, -3, -3],
        ]),
        ...tabelA,
      ]);
    expect(named('Effektivisering SOF').map(where)).toEqual([['A13', 'Tabel A', 'SU', 'TMU']]);
    expect(named('IT-effektivisering SOF').map(where)).toEqual([['A13', 'Tabel A', 'SU', 'TMU']]);
    expect(named('Effektivisering sof')).toEqual([]);
    expect(named('Effektivisering SOCIALUDVALGET')).toEqual([]);
    expect(named('Effektivisering SOF og BUF')).toEqual([]);
  });

  it('compares the years both state, and at least one', () => {
    const rows = (years: number[]) => [
      ...summary(
        [
          ['Effektivisering SOF', 'Service', -10, -10, -10],
          ['Effektivisering BUF', 'Service', -5, -5, -5],
        ],
        [],
        years,
      ),
      ...A(['SU', -5, -5, -5], ['BUU', -10, -10, -10]),
    ];
    expect(swaps(rows([2026, 2027, 2028])).map(where)).toEqual([['A13', 'Tabel A', 'SU', 'BUU']]);
    expect(swaps(rows([2022, 2023, 2024]))).toEqual([]);
  });

  it('subtotals that name a unit count as its lines', () => {
    const rows = [
      ...summary([
        ['Effektivisering', 'Service', -15, -15, -15],
        ['Samlet varig ændring, service SOF', 'Service', -10, -10, -10],
        ['Samlet varig ændring, service BUF', 'Service', -5, -5, -5],
      ]),
      ...A(['SU', -5, -5, -5], ['BUU', -10, -10, -10]),
    ];
    expect(swaps(rows).map(where)).toEqual([['A14', 'Tabel A', 'SU', 'BUU']]);
    const implementation: [string, string, ...number[]][] = [
      ['Projekt', 'Anlæg', 14, 0, 0],
      ['Samlede implementeringsomkostninger, anlæg TMF', 'Anlæg', 10, 0, 0],
      ['Samlede implementeringsomkostninger, anlæg BIF', 'Anlæg', 4, 0, 0],
    ];
    expect(swaps([...summary([], implementation), ...D(['TMU', 4, 0, 0], ['BIU', 10, 0, 0])]).map(where)).toEqual([['A14', 'Tabel D', 'TMU', 'BIU']]);
  });

  it('Tabel E against implementation lines too', () => {
    const implementation: [string, string, ...number[]][] = [
      ['Projektleder SOF', 'Service', 6, 6, 0],
      ['Projektleder BUF', 'Service', 2, 2, 0],
    ];
    const E = table('Tabel E. Service', [
      ['SU', 2, 2, 0],
      ['BUU', 6, 6, 0],
    ]);
    expect(swaps([...summary([], implementation), ...E]).map(where)).toEqual([['A13', 'Tabel E', 'SU', 'BUU']]);
  });

  it('a summary line over other years neither confirms nor clears a row of Tabel C', () => {
    const rows = [
      ...summary(
        [
          ['Effektivisering SOF', 'Service', -5, -5, -5],
          ['Effektivisering BUF', 'Service', -10, -10, -10],
        ],
        [],
        [2020, 2021, 2022],
      ),
      ...A(['SU', -10, -10, -10], ['BUU', -5, -5, -5]),
      ...C(['SU', -5, -5, -5], ['BUU', -10, -10, -10]),
    ];
    expect(swaps(rows).map(where)).toEqual([['A20', 'Tabel C', 'SU', 'BUU']]);
  });

  it('a memo line under the permanent total names no expectation, even when it names a unit', () => {
    const rows = [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
      ['Varige ændringer'],
      ['Effektivisering', 'Service', -5, -5, -5],
      ['Samlet varig ændring', null, -5, -5, -5],
      ['heraf licenser SOF', null, 3, 0, 0],
      ['Implementeringsomkostninger'],
      ['Projekt TMF', 'Anlæg', 10, 0, 0],
      ['Samlede implementeringsomkostninger', null, 10, 0, 0],
      [],
      ...D(['TMU', 3, 0, 0], ['SU', 10, 0, 0]),
    ];
    expect(swaps(rows)).toEqual([]);
  });
});
