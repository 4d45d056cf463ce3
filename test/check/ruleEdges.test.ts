/**
 * The smaller rules at their edges, on grid literals: what each finding says (cell, severity,
 * expected and actual, parameters, Danish wording) and where each rule must stay silent.
 */
import { formulaKey, gridFromRows, type Finding, type SheetGrid } from '../../src/engine';
import { brief, checkGrid as check, findingsOf as of, LEVEL, sheet, table, YEARS as Y } from '../support/grids';

/** A technical table without a bevilling column. */
function plainTable(title: string, body: unknown[][], years: unknown[] = Y, level = LEVEL): unknown[][] {
  return [[title], ['Udvalg', level], [null, ...years], ...body, []];
}

describe('year-sequence', () => {
  it('states the year before the break, the year expected and the year found', () => {
    const { findings } = sheet(
      table(
        'Tabel E. Service',
        [
          ['TMU', 'x', 1, 2, 3],
          ['Total', null, 1, 2, 3],
        ],
        [2027, 2029, 2030],
      ),
    );
    const [f, ...rest] = of(findings, 'year-sequence');
    expect(rest).toEqual([]);
    expect(brief(f)).toEqual(['D3', 'error', 2028, 2029]);
    expect(f.params).toEqual({ table: 'Tabel E', previous: 2027, expected: 2028, actual: 2029 });
    expect(f.message).toBe('Tabel E: årstallene følger ikke hinanden – efter 2027 står 2029, forventet 2028.');
  });

  it('cites only the first break of a header, and a year that goes back', () => {
    const { findings } = sheet(
      table(
        'Tabel D. Anlæg',
        [
          ['TMU', 'x', 1, 2, 3, 4],
          ['Total', null, 1, 2, 3, 4],
        ],
        [2025, 2026, 2025, 2030],
      ),
    );
    expect(of(findings, 'year-sequence').map(brief)).toEqual([['E3', 'error', 2027, 2025]]);
  });

  it('checks each table on its own and leaves consecutive years alone', () => {
    const rows = [
      ...table('Tabel A. Måltalseffekt', [
        ['TMU', 'x', -1, -1, -1],
        ['Total', null, -1, -1, -1],
      ]),
      ...table(
        'Tabel D. Anlæg',
        [
          ['TMU', 'x', 1, 1, 1],
          ['Total', null, 1, 1, 1],
        ],
        [2025, 2027, 2028],
      ),
    ];
    expect(of(sheet(rows).findings, 'year-sequence').map(brief)).toEqual([['D9', 'error', 2026, 2027]]);
  });

  it('a column that is not a year (an overview’s "Samlet investering") is no break', () => {
    const { findings } = sheet([
      ['Tabel 2. Øvrige forslag'],
      ['1.000 kr. 2025 p/l', null, 'Effektiviseringsbidrag', null, 'Samlet investering'],
      ['Udvalg', null, 2025, 2026, null],
      ['Forslag 1', 'Samling', 5, 5, 10],
      ['Forslag 2', 'Mobil', 1, 1, 2],
      ['I alt', null, 6, 6, 12],
    ]);
    expect(of(findings, 'year-sequence')).toEqual([]);
  });

  it('a year after a column that is not a year is no break either', () => {
    const { findings, tables } = sheet([
      ['Tabel 3. Investeringer'],
      ['Udvalg', 'Samlet', 2025, 2026],
      ['TMU', 10, 5, 5],
      ['BIU', 4, 2, 2],
      ['I alt', 14, 7, 7],
    ]);
    expect(tables.map((t) => [t.kind, t.range])).toEqual([['generic', 'A1:D5']]);
    expect(findings).toEqual([]);
  });
});

describe('missing-bevilling', () => {
  it('is an info at the empty bevilling cell of each row with amounts, naming the unit', () => {
    const { findings } = sheet(
      table('Tabel A. Måltalseffekt', [
        ['ØU', null, -10, 0, 0],
        ['KFU', 'Service', -1, -1, -1],
        ['SU', 3190, -2, 0, 0],
        ['TMU', null, 0, 0, 0],
        ['BIU', '  ', 0, 0, 5],
        ['Total', null, -13, -1, 4],
      ]),
    );
    const found = of(findings, 'missing-bevilling');
    expect(found.map(brief)).toEqual([
      ['B4', 'info', undefined, undefined],
      ['B8', 'info', undefined, undefined],
    ]);
    expect(found[0].params).toEqual({ table: 'Tabel A', unit: 'Økonomiudvalget' });
    expect(found[0].message).toBe('Tabel A: Økonomiudvalget har beløb, men ingen »Bevilling, profitcenter mv.« til Kvantum.');
  });

  it('asks nothing of a table without a bevilling column, while another table on the sheet has one', () => {
    const rows = [
      ...plainTable('Tabel B. Varig drift', [
        ['ØU', -5, -5, -5],
        ['TMU', 5, 5, 5],
        ['Total', 0, 0, 0],
      ]),
      ...table('Tabel D. Anlæg', [
        ['TMU', null, 7, 0, 0],
        ['Total', null, 7, 0, 0],
      ]),
    ];
    expect(of(sheet(rows).findings, 'missing-bevilling').map((f) => f.cell)).toEqual(['B11']);
  });

  it('reads every table A–E of a proposal that gives each its bevilling column', () => {
    const rows = ['A. Måltalseffekt', 'B. Varig drift', 'C. Hvis forslaget indarbejdes', 'D. Anlæg', 'E. Service'].flatMap((title, i) =>
      table(`Tabel ${title}`, [
        ['TMU', i === 3 ? null : 'Service', 0, 0, 0],
        ['Total', null, 0, 0, 0],
      ]),
    );
    rows[3 * 6 + 3][2] = 4;
    rows[3 * 6 + 4][2] = 4;
    expect(of(sheet(rows).findings, 'missing-bevilling').map((f) => [f.cell, f.params.table])).toEqual([['B22', 'Tabel D']]);
  });

  it('asks nothing of a sheet whose tables have no bevilling column', () => {
    const rows = plainTable('Tabel A. Måltalseffekt', [
      ['ØU', -5, -5, -5],
      ['Total', -5, -5, -5],
    ]);
    expect(sheet(rows).findings).toEqual([]);
  });
});

describe('unknown-unit', () => {
  it('is a warning at the label, quoting it, with what to write instead', () => {
    const { findings } = sheet(
      table('Tabel C. Hvis forslaget indarbejdes', [
        ['TMU', 'x', -1, 0, 0],
        ['Fælleskassen', 'x', -1, 0, 0],
        ['Total', null, -2, 0, 0],
      ]),
    );
    const [f, ...rest] = of(findings, 'unknown-unit');
    expect(rest).toEqual([]);
    expect(brief(f)).toEqual(['A5', 'warning', undefined, 'Fælleskassen']);
    expect(f.params).toEqual({ table: 'Tabel C', label: 'Fælleskassen' });
    expect(f.message).toBe('Tabel C: »Fælleskassen« er ikke et kendt udvalg. Brug udvalgets navn eller forkortelse (fx ØU, KFU, BUU, SUU, SU, TMU, BIU).');
  });

  it('a row with amounts and no label names no unit', () => {
    const { findings } = sheet(
      table('Tabel E. Service', [
        ['TMU', 'x', 1, 0, 0],
        [null, 'x', 2, 0, 0],
        ['Total', null, 3, 0, 0],
      ]),
    );
    const [f] = of(findings, 'unknown-unit');
    expect([f.cell, f.message]).toEqual(['A5', 'Tabel E: rækken har beløb, men intet udvalg.']);
  });

  it('only tables A–E name units: a generic table’s rows are left alone', () => {
    const { findings, tables } = sheet([
      ...table('Tabel A. Måltalseffekt', [
        ['TMU', 'x', -1, -1, -1],
        ['Total', null, -1, -1, -1],
      ]),
      ['Tabel 2. Effektiviseringer pr. forvaltning'],
      ['Forvaltning', 'Beløb'],
      ['Fælleskassen', 5],
      ['Puljen', 6],
      ['I alt', 11],
    ]);
    expect(tables.map((t) => t.kind)).toEqual(['A', 'generic']);
    expect(findings).toEqual([]);
  });
});

describe('unparseable-number', () => {
  /** The hint and wording for one unreadable cell in a Tabel D. */
  function unreadable(value: unknown): Finding {
    const { findings } = sheet(
      table('Tabel D. Anlæg', [
        ['TMU', 'x', 1, value, 1],
        ['Total', null, 1, 1, 1],
      ]),
    );
    const [f, ...rest] = of(findings, 'unparseable-number');
    expect(rest).toEqual([]);
    return f;
  }

  it('quotes the text at its cell and says what to write instead', () => {
    const f = unreadable('1,2,3');
    expect(brief(f)).toEqual(['D4', 'error', undefined, '1,2,3']);
    expect(f.params).toEqual({ table: 'Tabel D', label: 'TMU', text: '1,2,3', hint: '' });
    expect(f.message).toBe('Tabel D: cellen indeholder »1,2,3«, som ikke er et tal. Skriv et tal, »-« eller lad cellen stå tom.');
  });

  it.each([
    ['--43.142', 'double-minus'],
    ['- -5', 'double-minus'],
    ['–−5', 'double-minus'],
    ['5--3', ''],
    ['ca. 5', 'letters'],
    ['ABC', 'letters'],
    ['Øre', 'letters'],
    [true, 'letters'],
    ['#DIV/0!', 'excel-error'],
    ['#N/A', 'excel-error'],
  ])('%j gets the hint %j', (value, hint) => {
    expect(unreadable(value).params.hint).toBe(hint);
  });

  it('an Excel error that arrives as text, not as an error value, still gets its hint', () => {
    const grid = gridFromRows(
      'Forslag',
      table('Tabel D. Anlæg', [
        ['TMU', 'x', 1, 1, 1],
        ['Total', null, 1, 1, 1],
      ]),
    );
    grid.cells[3][3] = { kind: 'text', value: '#N/A' };
    const [f] = of(check(grid).findings, 'unparseable-number');
    expect([f.cell, f.params.hint]).toEqual(['D4', 'excel-error']);
    expect(f.message).toBe(
      'Tabel D: cellen indeholder »#N/A«, som ikke er et tal (en Excel-fejlværdi – ret formlen, den bygger på). Skriv et tal, »-« eller lad cellen stå tom.',
    );
  });

  it('any Excel error value gets the hint, also one the list of known error texts lacks', () => {
    const grid = gridFromRows(
      'Forslag',
      table('Tabel D. Anlæg', [
        ['TMU', 'x', 1, 1, 1],
        ['Total', null, 1, 1, 1],
      ]),
    );
    grid.cells[3][3] = { kind: 'error', value: '#PYTHON!' };
    const [f] = of(check(grid).findings, 'unparseable-number');
    expect([f.cell, f.params.text, f.params.hint]).toEqual(['D4', '#PYTHON!', 'excel-error']);
  });

  it('reads memo lines and totals as well as the lines summed', () => {
    const { findings } = sheet([
      ['Tabel 2. Effektiviseringer'],
      ['Effekt', 2025, 2026],
      ['Indkøb', 5, 5],
      ['heraf licenser', 'to', 2],
      ['Drift', 1, 1],
      ['I alt', 6, 6],
      [],
      ...table('Tabel E. Service', [
        ['TMU', 'x', 1, 1, 1],
        ['Total', null, 1, '--1', 1],
      ]),
    ]);
    expect(of(findings, 'unparseable-number').map((f) => [f.cell, f.params.label, f.params.text])).toEqual([
      ['B4', 'heraf licenser', 'to'],
      ['D12', 'Total', '--1'],
    ]);
  });
});

describe('price-level-mismatch', () => {
  const summary = (level: string) => [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    [level, 'Styringsområde', ...Y],
    ['Effekt', 'Service', -1, -1, -1],
    ['Samlet varig ændring', null, -1, -1, -1],
    [],
  ];
  const tableIn = (title: string, level: string) =>
    table(
      title,
      [
        ['TMU', 'x', -1, -1, -1],
        ['Total', null, -1, -1, -1],
      ],
      Y,
      level,
    );
  const levels = (rows: unknown[][]) => of(sheet(rows).findings, 'price-level-mismatch');

  it('measures the tables against the summary, cited at the stated level', () => {
    const [f, ...rest] = levels([...summary('1.000 kr. 2025 p/l'), ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2024 p/l')]);
    expect(rest).toEqual([]);
    expect(brief(f)).toEqual(['C7', 'warning', '2025 p/l', '2024 p/l']);
    expect(f.params).toEqual({ table: 'Tabel A', expected: 2025, actual: 2024, fromSummary: true });
    expect(f.message).toBe('Tabel A er opgjort i 2024 p/l, men forslagets økonomitabel er i 2025 p/l. Er beløbene omregnet?');
  });

  it('without a summary, the level most tables state wins, even when it is the older one', () => {
    const found = levels([
      ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2024 p/l'),
      ...tableIn('Tabel C. Hvis forslaget indarbejdes', '1.000 kr. 2025 p/l'),
      ...tableIn('Tabel D. Anlæg', '1.000 kr. 2024 p/l'),
    ]);
    expect(found.map(brief)).toEqual([['C8', 'warning', '2024 p/l', '2025 p/l']]);
    expect(found[0].params).toMatchObject({ fromSummary: false });
    expect(found[0].message).toBe('Tabel C er opgjort i 2025 p/l, men de øvrige tabeller er i 2024 p/l. Er beløbene omregnet?');
  });

  it('a tie goes to the later level', () => {
    const found = levels([...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2025 p/l'), ...tableIn('Tabel D. Anlæg', '1.000 kr. 2024 p/l')]);
    expect(found.map(brief)).toEqual([['C8', 'warning', '2025 p/l', '2024 p/l']]);
    const reversed = levels([...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2024 p/l'), ...tableIn('Tabel D. Anlæg', '1.000 kr. 2025 p/l')]);
    expect(reversed.map(brief)).toEqual([['C2', 'warning', '2025 p/l', '2024 p/l']]);
  });

  it('a summary in "løbende p/l" states no year: the tables are measured against each other', () => {
    const found = levels([
      ...summary('1.000 kr. løbende p/l'),
      ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2025 p/l'),
      ...tableIn('Tabel C. Hvis forslaget indarbejdes', '1.000 kr. 2025 p/l'),
      ...tableIn('Tabel D. Anlæg', '1.000 kr. 2024 p/l'),
    ]);
    expect(found.map((f) => [f.cell, f.params.expected, f.params.fromSummary])).toEqual([['C19', 2025, false]]);
  });

  it('a summary that states no level leaves the tables to be measured against each other', () => {
    const noLevel = summary('Beløb');
    const found = levels([
      ...noLevel,
      ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2025 p/l'),
      ...tableIn('Tabel C. Hvis forslaget indarbejdes', '1.000 kr. 2024 p/l'),
      ...tableIn('Tabel D. Anlæg', '1.000 kr. 2025 p/l'),
    ]);
    expect(found.map((f) => [f.cell, f.params.expected, f.params.actual, f.params.fromSummary])).toEqual([['C13', 2025, 2024, false]]);
  });

  it('tables that state no level, and generic tables, are left out', () => {
    const generic = [['Tabel 2. Effektiviseringer'], ['Forvaltning', 'Beløb'], ['KFF', 5], ['I alt', 5], []];
    const found = levels([...summary('1.000 kr. 2025 p/l'), ...generic, ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2024 p/l')]);
    expect(found.map((f) => f.cell)).toEqual(['C12']);
    expect(levels([...tableIn('Tabel A. Måltalseffekt', '1.000 kr. løbende p/l'), ...generic, ...tableIn('Tabel D. Anlæg', '1.000 kr. løbende p/l')])).toEqual(
      [],
    );
  });

  it('says nothing when one level is stated, or when the levels agree', () => {
    expect(levels([...summary('1.000 kr. løbende p/l'), ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2024 p/l')])).toEqual([]);
    expect(levels([...summary('1.000 kr. 2025 p/l'), ...tableIn('Tabel A. Måltalseffekt', '1.000 kr. 2025 p/l')])).toEqual([]);
  });
});

describe('uncalculated-formula', () => {
  /** A grid whose cells at `formulas` ("row,col", 0-based) hold formulas saved without a result. */
  function uncalculated(rows: unknown[][], formulas: [number, number][]): SheetGrid {
    const grid = gridFromRows('Forslag', rows);
    grid.uncalculated = new Set(formulas.map(([r, c]) => formulaKey(r, c)));
    return grid;
  }
  // TMU's 2025 and 2026 and the 2026 total are formulas; read as blanks, 2025 would not add up.
  const tableA = table('Tabel A. Måltalseffekt', [
    ['ØU', 'x', -10, -10, -10],
    ['TMU', 'x', null, null, -5],
    ['Total', null, -15, null, -15],
  ]);

  it('one error per table at its first empty formula cell, counting them; the sheet’s other rules are skipped', () => {
    const { findings } = check(
      uncalculated(tableA, [
        [5, 3],
        [4, 3],
        [4, 2],
      ]),
    );
    expect(findings.map(brief)).toEqual([['C5', 'error', undefined, undefined]]);
    expect(findings[0].rule).toBe('uncalculated-formula');
    expect(findings[0].params).toEqual({ table: 'Tabel A', count: 3 });
    expect(findings[0].message).toBe(
      'Tabel A: 3 formelceller har intet beregnet resultat – projektmappen er gemt uden at være beregnet (fx af et program, der ikke regner formler ud). Åbn den i Excel, gem den, og tjek igen; arkets øvrige tjek er sprunget over.',
    );
  });

  it('one cell is worded as one', () => {
    const [f] = check(uncalculated(tableA, [[4, 2]])).findings;
    expect([f.cell, f.params.count]).toEqual(['C5', 1]);
    expect(f.message).toMatch(/^Tabel A: en formelcelle har intet beregnet resultat/);
  });

  it('a formula with a result is read as its result, and the other rules run', () => {
    const { findings } = check(uncalculated(tableA, [[3, 2]]));
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ['total-mismatch', 'C6'],
      ['total-mismatch', 'D6'],
    ]);
  });

  it('cites the first cell by row and then column, memo lines included', () => {
    const rows = [['Tabel 2. Effektiviseringer'], ['Effekt', 2025, 2026], ['Indkøb', 5, 5], ['heraf licenser', 2, null], ['Drift', null, 1], ['I alt', 5, 6]];
    expect(
      check(
        uncalculated(rows, [
          [4, 1],
          [3, 2],
        ]),
      ).findings.map((f) => [f.cell, f.params.count]),
    ).toEqual([['C4', 2]]);
  });

  it('each table gets its own finding', () => {
    const rows = [
      ...tableA,
      ...table('Tabel D. Anlæg', [
        ['TMU', 'x', 1, 1, 1],
        ['Total', null, 1, null, 1],
      ]),
    ];
    expect(
      check(
        uncalculated(rows, [
          [4, 2],
          [11, 3],
        ]),
      ).findings.map((f) => [f.cell, f.params.table]),
    ).toEqual([
      ['C5', 'Tabel A'],
      ['D12', 'Tabel D'],
    ]);
  });

  it('formulas outside any table do not stop the check', () => {
    expect(check(uncalculated([['Note'], ['Beregnet:', null]], [[1, 1]])).findings).toEqual([]);
    const rows = [['Beregnet:', null], ...tableA];
    expect(check(uncalculated(rows, [[0, 1]])).findings.map((f) => [f.rule, f.cell])).toEqual([
      ['total-mismatch', 'C7'],
      ['total-mismatch', 'D7'],
    ]);
  });
});
