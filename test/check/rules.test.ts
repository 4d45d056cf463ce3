import { annotationChanges, checkWorkbook, gridFromRows, REPORT_SHEET, type CheckReport } from '../../src/engine';

const Y = [2025, 2026, 2027];
function sheet(rows: unknown[][]): CheckReport {
  return checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] });
}
function table(title: string, body: unknown[][], years: unknown[] = Y, level = '1.000 kr. 2025 p/l'): unknown[][] {
  return [[title], ['Udvalg', 'Bevilling, profitcenter mv.', level], [null, null, ...years], ...body, []];
}

describe('rules on grid literals', () => {
  it('total-mismatch: a difference of 1 is a warning, more is an error', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10],
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -15, -16, -25],
      ]),
    );
    expect(findings).not.toContainFinding('total-mismatch', 'C6');
    expect(findings).toContainFinding('total-mismatch', 'D6', 'warning');
    expect(findings).toContainFinding('total-mismatch', 'E6', 'error');
  });

  it('unparseable-number: "--43.142" is an error; Danish text numbers, "-" and blanks are fine', () => {
    const { findings } = sheet(
      table('Tabel D. Anlæg', [
        ['TMU', 'x', '1.144', '-', '--43.142'],
        ['Total', null, '1.144', null, '0'],
      ]),
    );
    expect(findings.filter((f) => f.rule === 'unparseable-number').map((f) => f.cell)).toEqual(['E4']);
    expect(findings.find((f) => f.rule === 'unparseable-number')?.message).toMatch(/dobbelt minus/);
  });

  it('year-sequence: names the first header cell that breaks the sequence', () => {
    const { findings } = sheet(
      table(
        'Tabel E. Service',
        [
          ['TMU', 'x', 1, 2, 3],
          ['Total', null, 1, 2, 3],
        ],
        [2027, 2028, 2028],
      ),
    );
    expect(findings).toContainFinding('year-sequence', 'E3', 'error');
  });

  it('b-balances: Tabel B must sum to zero, cited at its Total cell', () => {
    const { findings } = sheet(
      table('Tabel B. Varig drift', [
        ['ØU', 'x', -5, -5, 0],
        ['TMU', 'y', 5, 10, 0],
        ['Total', null, 0, 5, 0],
      ]),
    );
    expect(findings.filter((f) => f.rule === 'b-balances').map((f) => f.cell)).toEqual(['D6']);
  });

  it('c-equals-a-plus-b: a split that differs only inside ØU is info, not an error', () => {
    const rows = [
      ...table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10],
        ['TMU', 'y', -5, -5, -5],
        ['Total', null, -15, -15, -15],
      ]),
      ...table('Tabel B. Varig drift', [
        ['KIT', 'x', -3, -3, -3],
        ['TMU', 'y', 3, 3, 3],
        ['Total', null, 0, 0, 0],
      ]),
      ...table('Tabel C. Hvis forslaget indarbejdes', [
        ['ØU', 'x', -13, -13, -13],
        ['TMU', 'y', -2, -2, -2],
        ['Total', null, -15, -15, -15],
      ]),
    ];
    const { findings } = sheet(rows);
    const c = findings.filter((f) => f.rule === 'c-equals-a-plus-b');
    expect(c.map((f) => [f.cell, f.severity])).toEqual([
      ['A15', 'info'], // KIT has no row in Tabel C: cited at C's title
      ['C18:E18', 'info'],
    ]);
  });

  it('c-equals-a-plus-b: an empty Tabel C where A + B is not zero is an error', () => {
    const rows = [
      ...table('Tabel A. Måltalseffekt', [
        ['SU', 'x', -10, -10, -10],
        ['Total', null, -10, -10, -10],
      ]),
      ...table('Tabel C. Hvis forslaget indarbejdes', [
        ['Socialudvalget', 'x', null, null, null],
        ['Total', null, null, null, null],
      ]),
    ];
    const { findings } = sheet(rows);
    expect(findings).toContainFinding('c-equals-a-plus-b', 'C10:E10', 'error');
  });

  it('unknown-unit: a row that names no committee; PDF hyphenation and abbreviations are known', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['Sundheds- og Om-sorgsudvalget', 'x', -1, 0, 0],
        ['SOF', 'x', -1, 0, 0],
        ['Fælleskassen', 'x', -1, 0, 0],
        ['Total', null, -3, 0, 0],
      ]),
    );
    expect(findings.filter((f) => f.rule === 'unknown-unit').map((f) => f.cell)).toEqual(['A6']);
  });

  it('price-level-mismatch: tables in another p/l than the summary ("p/1" is a typo for p/l)', () => {
    const rows = [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2024 p/l', 'Styringsområde', ...Y],
      ['Effekt', 'Service', -1, -1, -1],
      ['Samlet varig ændring', null, -1, -1, -1],
      [],
      ...table(
        'Tabel A. Måltalseffekt',
        [
          ['TMU', 'x', -1, -1, -1],
          ['Total', null, -1, -1, -1],
        ],
        Y,
        '1.000 kr. 2025 p/1',
      ),
    ];
    const { findings } = sheet(rows);
    expect(findings).toContainFinding('price-level-mismatch', 'C7', 'warning');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('generic tables: "… i alt" rows and "I alt" columns are summed', () => {
    const { findings } = sheet([
      ['Tabel 2. Effektiviseringer pr. forvaltning'],
      ['Forvaltning', 'Beløb'],
      ['KFF', '-306.376 kr.'],
      ['SOF', '-76.220 kr.'],
      ['Forvaltninger i alt', '-382.590 kr.'],
      [],
      [],
      [null, 'BIF', 'BUF', 'I alt'],
      ['Sager', '11.100', '7.200', '18.300'],
      ['Timer', 235, 155, 391],
    ]);
    expect(findings).toContainFinding('total-mismatch', 'B5', 'error');
    expect(findings).toContainFinding('total-mismatch', 'D10', 'warning');
    expect(findings).not.toContainFinding('total-mismatch', 'D9');
  });
});

it('generic tables: group labels between rows do not cut the body short', () => {
  // The catalogue's overview table: committees as group labels, proposals as rows, "I alt" below.
  const { findings, tables } = sheet([
    ['Tabel 2. Øvrige tværgående investerings- og effektiviseringsforslag'],
    ['1.000 kr. 2025 p/l', null, 'Effektiviseringsbidrag', null, 'Samlet investering'],
    ['Udvalg', null, 2025, 2026, null],
    ['Beskæftigelses- og Integrationsudvalget'],
    ['Forslag 1', 'Samling', '6.419', '6.419', '3.630'],
    [],
    ['Økonomiudvalget'],
    ['Forslag 5', 'Mobil', '1.895', '3.791', '8.100'],
    ['Forslag 6', 'Energi', 475, 475, '-'],
    ['I alt', null, '8.789', '10.685', '11.730'],
  ]);
  expect(tables.map((t) => t.range)).toEqual(['A1:E10']);
  expect(findings).toEqual([]);
});

describe('payback-mismatch', () => {
  // Investment 10 in 2025, then savings of 3 a year: cumulative 10, 7, 4 by 2027, ≤ 0 in 2029.
  const summary = (stated: string) => [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
    ['Varige ændringer'],
    ['Effektivisering', 'Service', 0, -3, -3],
    ['Samlet varig ændring', null, 0, -3, -3],
    ['Implementeringsomkostninger'],
    ['Projekt', 'Service', 10, 0, 0],
    ['Samlede implementeringsomkostninger', null, 10, 0, 0],
    ['Samlet økonomisk påvirkning', null, 10, -3, -3],
    ['Tilbagebetalingstid baseret på totaløkonomi', stated],
  ];

  it('confirms a payback after the last year by continuing the permanent change', () => {
    expect(sheet(summary('5 år (2029)')).findings).toEqual([]);
  });

  it('says when the computed payback lies beyond the proposal, and from which year it continues', () => {
    const { findings } = sheet(summary('4 år'));
    expect(findings).toContainFinding('payback-mismatch', 'B10', 'warning');
    expect(findings[0].params).toMatchObject({ expectedYears: 5, expectedYear: 2029, continuedFrom: 2027 });
    expect(findings[0].message).toMatch(/5 år \(2029\), når den varige ændring fra 2027 fortsætter/);
  });
});

describe('annotationChanges', () => {
  const snapshot = {
    sheets: [
      gridFromRows(
        'Forslag',
        table('Tabel A. Måltalseffekt', [
          ['ØU', 'x', -10, -10, -10],
          ['Total', null, -10, -11, '--1'],
        ]),
      ),
    ],
    names: [],
  };
  const report = () => checkWorkbook(snapshot);

  it('puts one note on every cited cell and replaces the report sheet', () => {
    const changes = annotationChanges(snapshot, report());
    expect(changes.notes?.map((n) => `${n.row},${n.col}`)).toEqual(['4,4', '4,3']);
    expect(changes.clearToolNotes).toBe(true);
    expect(changes.replaceSheets).toEqual([REPORT_SHEET]);
    const reportSheet = changes.addSheets?.find((s) => s.name === REPORT_SHEET);
    expect(reportSheet?.cells.filter((c) => c.link).map((c) => c.link)).toEqual(['Forslag!E5', 'Forslag!D5']);
  });

  it('is the same when the annotated workbook is annotated again (the report sheet is not checked)', () => {
    const first = annotationChanges(snapshot, report());
    // The report sheet as the first run wrote it, with a table below that would give findings of
    // its own if the checker read the sheet.
    const written = first.addSheets?.find((s) => s.name === REPORT_SHEET)?.cells ?? [];
    const rows: unknown[][] = [];
    for (const c of written) {
      rows[c.row] ??= [];
      rows[c.row][c.col] = c.value.kind === 'empty' ? null : c.value.value;
    }
    const planted = table('Tabel A. Måltalseffekt', [
      ['ØU', 'x', -10, -10, -10],
      ['Total', null, -99, -99, -99],
    ]);
    const reportGrid = gridFromRows(REPORT_SHEET, [...Array.from(rows, (r) => r ?? []), [], ...planted]);
    expect(checkWorkbook({ sheets: [gridFromRows('Andet ark', planted)], names: [] }).findings).toContainFinding('total-mismatch', 'C5');

    const again = { sheets: [...snapshot.sheets, reportGrid], names: [] };
    const second = checkWorkbook(again);
    expect(second.findings.filter((f) => f.sheet === REPORT_SHEET)).toEqual([]);
    expect(second.tables.filter((t) => t.sheet === REPORT_SHEET)).toEqual([]);
    expect(annotationChanges(again, second)).toEqual(first);
  });
});
