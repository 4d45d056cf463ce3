import forslag4Json from '../examples/forslag4.json';
import {
  cellText,
  computeProposal,
  parseShareKey,
  ProposalValidationError,
  readTemplate,
  resolveUnit,
  tableWrites,
  TEMPLATE_NAMES,
  TEMPLATE_SECTIONS,
  TEMPLATE_TABLES,
  TemplateError,
  templateChanges,
  type InputProblem,
  type ProposalInput,
  type WorkbookSnapshot,
} from '../src/engine';
import { cellMap, insertRows, sheetOf, snapshotFromChanges, type, valueAt } from './support/xlsx';

// JSON imports widen "anlæg" to string; the example is a valid proposal.
const forslag4 = forslag4Json as ProposalInput & typeof forslag4Json;

// Empty template rows (1-based, as Excel shows them): Effekter A10:I17, Varig drift A21:I26,
// Bevillingsflyt A30:I33, Investeringer A37:I44; years in D6:I6 (2024–2029).
const empty = (): WorkbookSnapshot => snapshotFromChanges(templateChanges());

function problemsOf(fn: () => unknown): InputProblem[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

function rowTexts(s: WorkbookSnapshot, sheet: string, row: number): string[] {
  return (sheetOf(s, sheet).cells[row] ?? []).map(cellText);
}

describe('templateChanges', () => {
  const s = empty();

  it('adds Vejledning first, then Input, Tabeller and Kvantum', () => {
    expect(templateChanges().addSheets!.map((sheet) => sheet.name)).toEqual(['Vejledning', 'Input', 'Tabeller', 'Kvantum']);
  });

  it('names every input section and every output table', () => {
    const names = s.names.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'TB_Titel',
        'TB_Prisniveau',
        'TB_Aar',
        'TB_Effekter',
        'TB_Drift',
        'TB_Flyt',
        'TB_Investeringer',
        'TB_TabelA',
        'TB_TabelB',
        'TB_TabelC',
        'TB_TabelD',
        'TB_TabelE',
      ]),
    );
    expect(s.names.find((n) => n.name === TEMPLATE_NAMES.years)).toMatchObject({
      sheet: 'Input',
      range: { start: { row: 5, col: 3 }, end: { row: 5, col: 8 } },
    });
  });

  it('guides in Danish: sections, negative savings, units, shares summing to 1, 1.000 kr., Beregn tabeller', () => {
    const guide = sheetOf(s, 'Vejledning')
      .cells.map((r) => r.map(cellText).join(' '))
      .join('\n');
    for (const phrase of [
      'Effekter',
      'Varig drift',
      'Bevillingsflyt',
      'Investeringer',
      'minus',
      'ØU 25 %; TMU 75 %',
      'summere til 1',
      '1.000 kr.',
      'Beregn tabeller',
    ]) {
      expect(guide).toContain(phrase);
    }
  });

  it('explains Fordelingsnøgler with BC01’s hours and ØKF counting for ØU, the bevilling column, heraf-lines and the Kvantum sheet', () => {
    const guide = sheetOf(s, 'Vejledning')
      .cells.map((r) => r.map(cellText).join(' '))
      .join('\n');
    for (const phrase of [
      'Fordelingsnøgler',
      'grundlag',
      'ØU 288, KFU 142, BUU 155, SUU 73, SU 262, TMU 187, BIU 235',
      'Økonomiforvaltningens (ØKF) andel tæller for ØU, medmindre den deles på ØU, KS, KIT, KEJD og BYK',
      '»Bevilling, profitcenter mv.«',
      '»heraf …«',
      'fanen Kvantum',
    ]) {
      expect(guide).toContain(phrase);
    }
  });

  it('speaks to Excel users only: no command-line words and no defined names on any sheet', () => {
    for (const sheet of s.sheets) {
      const words = sheet.cells.map((r) => r.map(cellText).join(' ')).join('\n');
      expect([sheet.name, words]).not.toEqual([sheet.name, expect.stringMatching(/\btb\b|TB_|--\w/)]);
    }
  });

  it('lays out Tables A–E as the catalogue does', () => {
    const tables = sheetOf(s, 'Tabeller');
    const titleRow = tables.cells.findIndex((r) => cellText(r[0] ?? { kind: 'empty' }).startsWith('Tabel A.'));
    expect(rowTexts(s, 'Tabeller', titleRow)[0]).toBe('Tabel A. Måltalseffekt - hvis forslaget indarbejdes (nettoeffektivisering)');
    expect(rowTexts(s, 'Tabeller', titleRow + 1).slice(0, 2)).toEqual(['Udvalg', '1.000 kr. 2025 p/l']);
    expect(rowTexts(s, 'Tabeller', titleRow + 2)).toEqual(['', 'Bevilling, profitcenter mv.', '2024', '2025', '2026', '2027', '2028', '2029']);
    const names = Array.from({ length: 12 }, (_, i) => rowTexts(s, 'Tabeller', titleRow + 3 + i)[0]);
    expect(names).toEqual([
      'Økonomiudvalget',
      'Koncernservice',
      'Koncern IT',
      'Københavns Ejendomme',
      'Byggeri København',
      'Kultur- og Fritidsudvalget',
      'Børne- og Ungdomsudvalget',
      'Sundheds- og Omsorgsudvalget',
      'Socialudvalget',
      'Teknik- og Miljøudvalget',
      'Beskæftigelses- og Integrationsudvalget',
      'Total',
    ]);
    const titles = tables.cells.map((r) => cellText(r[0] ?? { kind: 'empty' })).filter((t) => t.startsWith('Tabel '));
    expect(titles).toEqual([...TEMPLATE_TABLES.map((t) => t.title), 'Tabel 1. Forslagets samlede økonomiske konsekvenser']);
    expect(titles[1]).toBe('Tabel B. Bevillingsmæssig effekt - varig drift');
    expect(titles[4]).toBe('Tabel E. Fordeling af serviceinvesteringer mellem udvalg');
  });

  it('fills the Input sheet from a proposal, keys as text', () => {
    const filled = snapshotFromChanges(templateChanges(forslag4));
    expect(cellText(valueAt(filled, 'Input!B3'))).toBe(forslag4.title);
    expect(rowTexts(filled, 'Input', 20).slice(0, 4)).toEqual(['Drift af system', 'TMU', 'ØU 25 %; TMU 75 %', '0']);
    expect(cellText(valueAt(filled, 'Input!A22'))).toBe('Tilpasning til arbejdsgange');
    expect(cellText(valueAt(filled, 'Input!C22'))).toBe('');
  });

  it('refuses an invalid proposal with ProposalValidationError', () => {
    expect(() => templateChanges({ ...forslag4, years: [2024, 2025] })).toThrow(ProposalValidationError);
  });

  it('takes years and price level for an empty template', () => {
    const other = snapshotFromChanges(templateChanges(undefined, { years: [2025, 2026, 2027], priceLevel: 2026 }));
    expect(readTemplate(other)).toMatchObject({ priceLevel: 2026, years: [2025, 2026, 2027] });
  });
});

describe('readTemplate', () => {
  it('reads back the proposal a template was filled with (Forslag 4)', () => {
    const input = readTemplate(snapshotFromChanges(templateChanges(forslag4)));
    expect(computeProposal(input)).toEqual(computeProposal(forslag4));
    expect(input.title).toBe(forslag4.title);
  });

  it('accepts what people type: Danish number text, hyphenated names, abbreviations, blank rows', () => {
    const s = type(empty(), {
      'Input!B3': 'Prøve',
      'Input!B4': '2025',
      // Effekter: row 10, then a blank row 11, then row 12.
      'Input!A10': 'Effektivisering',
      'Input!B10': 'Teknik- og Miljøud-valget',
      'Input!C10': 'ØU 0,5; TMU 0,5',
      'Input!D10': '-',
      'Input!E10': '-1.144',
      'Input!F10': '-1.144,5',
      'Input!G10': '-0',
      'Input!H10': 0,
      'Input!A12': 'Lejeindtægt',
      'Input!B12': 'KEID',
      'Input!C12': 'KFU 50 %, BUU 50 %',
      'Input!E12': -100,
      // Varig drift
      'Input!A21': 'Drift',
      'Input!B21': 'TMF',
      'Input!C21': 'ØU 25 %; TMU 75 %',
      'Input!E21': '0,5',
      'Input!F21': '1.000',
      // Bevillingsflyt
      'Input!A30': 'Flyt',
      'Input!B30': 'Koncern IT',
      'Input!C30': 'TMU',
      'Input!E30': '300',
      // Investeringer
      'Input!A37': 'It-system',
      'Input!B37': 'Anlæg',
      'Input!C37': 'Sundheds- og Om-sorgsudvalget',
      'Input!D37': '1.500',
      'Input!A38': 'Kursus',
      'Input!B38': 'service',
      'Input!C38': 'SUF',
      'Input!D38': '  345 ',
    });
    expect(readTemplate(s)).toEqual<ProposalInput>({
      title: 'Prøve',
      priceLevel: 2025,
      years: [2024, 2025, 2026, 2027, 2028, 2029],
      effects: [
        { label: 'Effektivisering', unit: 'TMU', credit: { ØU: 0.5, TMU: 0.5 }, amounts: [0, -1144, -1144.5, 0, 0, 0] },
        { label: 'Lejeindtægt', unit: 'KEJD', credit: { KFU: 0.5, BUU: 0.5 }, amounts: [0, -100, 0, 0, 0, 0] },
      ],
      operatingCosts: [{ label: 'Drift', unit: 'TMU', financing: { ØU: 0.25, TMU: 0.75 }, amounts: [0, 0.5, 1000, 0, 0, 0] }],
      transfers: [{ label: 'Flyt', from: 'KIT', to: 'TMU', amounts: [0, 300, 0, 0, 0, 0] }],
      investments: [
        { label: 'It-system', kind: 'anlæg', unit: 'SUU', amounts: [1500, 0, 0, 0, 0, 0] },
        { label: 'Kursus', kind: 'service', unit: 'SUU', amounts: [345, 0, 0, 0, 0, 0] },
      ],
      otherUnits: [],
    });
  });

  it('collects every problem with its cell address', () => {
    const s = type(empty(), {
      'Input!A12': 'Effekt',
      'Input!B12': 'TMU',
      'Input!E12': '--43',
      'Input!A13': 'Effekt 2',
      'Input!B13': 'Rådhuset',
      'Input!E13': 10,
      'Input!A21': 'Drift',
      'Input!B21': 'TMU',
      'Input!C21': 'ØU 0,25; TMU 0,65',
      'Input!E21': 100,
      'Input!A37': 'Investering',
      'Input!B37': 'måske',
      'Input!C37': 'TMU',
      'Input!D37': 1,
    });
    const problems = problemsOf(() => readTemplate(s));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'Input!E12', sheet: 'Input', cell: 'E12', message: '»--43« er ikke et tal' },
        expect.objectContaining({ path: 'Input!B13', message: expect.stringContaining('ukendt udvalg »Rådhuset«') }),
        // The model's own check comes in the same pass, worded as the key was typed.
        expect.objectContaining({ path: 'Input!C21', message: 'andelene i nøglen summerer til 90 %, men skal summere til 100 %' }),
        expect.objectContaining({ path: 'Input!B37', message: expect.stringContaining('anlæg') }),
      ]),
    );
    expect(new TemplateError(problems).message).toContain('Input!E12: »--43« er ikke et tal');
    expect(problems.every((p) => p.missing === undefined)).toBe(true);
    expect(new TemplateError(problems).missingParts).toBe(false);
  });

  it('locates the model’s own checks by cell: shares not summing to 100 %, in Danish form', () => {
    const s = type(empty(), { 'Input!A21': 'Drift', 'Input!B21': 'TMU', 'Input!C21': 'ØU 0,25; TMU 0,65', 'Input!E21': 100 });
    expect(problemsOf(() => readTemplate(s))).toEqual([
      { path: 'Input!C21', sheet: 'Input', cell: 'C21', message: 'andelene i nøglen summerer til 90 %, men skal summere til 100 %' },
    ]);
    const third = type(empty(), { 'Input!A21': 'Drift', 'Input!B21': 'TMU', 'Input!C21': 'ØU 1/3; TMU 60 %', 'Input!E21': 100 });
    expect(problemsOf(() => readTemplate(third))[0].path).toBe('Input!C21');
    const over = type(empty(), { 'Input!A21': 'Drift', 'Input!B21': 'TMU', 'Input!C21': 'ØU 120 %; TMU -20 %', 'Input!E21': 100 });
    expect(problemsOf(() => readTemplate(over))[0].message).toBe('andelen til ØU er 120 %, men skal ligge mellem 0 % og 100 %');
  });

  it('reports every problem of the sheet in one pass, each once', () => {
    const s = type(empty(), {
      'Input!B4': '20x5',
      'Input!A10': 'E',
      'Input!B10': 'Rådhuset',
      'Input!E10': '1,2,3',
      'Input!A30': 'Flyt',
      'Input!B30': 'TMU',
      'Input!C30': 'TMU',
      'Input!E30': 5,
    });
    const problems = problemsOf(() => readTemplate(s));
    expect(problems.map((p) => p.path)).toEqual(['Input!B4', 'Input!B10', 'Input!E10', 'Input!A30:I30']);
    expect(problems[3].message).toContain('to forskellige enheder');
  });

  it('finds sections through their names after staff insert rows', () => {
    let s = type(empty(), { 'Input!A10': 'Første', 'Input!B10': 'ØU', 'Input!E10': -1 });
    s = insertRows(s, 'Input', 10, 3); // three new rows inside Effekter (rows 11–13)
    s = type(s, { 'Input!A12': 'Indsat', 'Input!B12': 'BUF', 'Input!E12': -2, 'Input!A24': 'Drift', 'Input!B24': 'TMU', 'Input!E24': 5 });
    const input = readTemplate(s);
    expect(input.effects!.map((e) => [e.label, e.unit])).toEqual([
      ['Første', 'ØU'],
      ['Indsat', 'BUU'],
    ]);
    expect(input.operatingCosts!.map((d) => d.label)).toEqual(['Drift']);
  });

  it('reads a row typed just below a section’s named range', () => {
    // Row 18 lies under TB_Effekter (A9:I17) and above the heading "Varig drift".
    const s = type(empty(), { 'Input!A18': 'Under', 'Input!B18': 'KS', 'Input!E18': -7 });
    expect(readTemplate(s).effects).toEqual([{ label: 'Under', unit: 'KS', amounts: [0, -7, 0, 0, 0, 0] }]);
  });

  it('falls back to the headings when the defined names are gone', () => {
    const s = type(
      { ...empty(), names: [] },
      { 'Input!A10': 'E', 'Input!B10': 'ØU', 'Input!E10': -1, 'Input!A37': 'I', 'Input!B37': 'anlæg', 'Input!C37': 'TMU', 'Input!D37': 9 },
    );
    const input = readTemplate(s);
    expect(input.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(input.effects).toHaveLength(1);
    expect(input.investments).toEqual([{ label: 'I', kind: 'anlæg', unit: 'TMU', amounts: [9, 0, 0, 0, 0, 0] }]);
  });

  it('declares units outside the catalogue through "Øvrige enheder"', () => {
    const s = type(empty(), { 'Input!B5': 'Rådhusvagten', 'Input!A10': 'E', 'Input!B10': 'Rådhusvagten', 'Input!E10': -1 });
    const input = readTemplate(s);
    expect(input.otherUnits).toEqual(['Rådhusvagten']);
    expect(computeProposal(input).tables.A.rows.map((r) => r.unit)).toContain('Rådhusvagten');
  });

  it('says which sheet is missing', () => {
    const s: WorkbookSnapshot = { sheets: [{ name: 'Ark1', cells: [] }], names: [] };
    const problems = problemsOf(() => readTemplate(s));
    expect(problems[0]).toEqual({ path: 'Input', sheet: 'Input', missing: true, message: expect.stringContaining('mangler') });
    expect(new TemplateError(problems).missingParts).toBe(true);
    // Excel users meet these words: no command names, no defined names.
    expect(problems[0].message).not.toMatch(/tb |TB_/);
  });
});

describe('tableWrites', () => {
  const filled = snapshotFromChanges(templateChanges(forslag4));
  const result = computeProposal(forslag4);

  it('writes the seed’s Forslag 4 values into Tables A–E', () => {
    const after = snapshotFromChanges(tableWrites(filled, result), filled);
    // Tabel A: header on row 7, ØU on row 8, TMU on row 17, Total on row 19; 2026 in column E.
    expect(valueAt(after, 'Tabeller!E8')).toEqual({ kind: 'number', value: -369 });
    expect(valueAt(after, 'Tabeller!E17')).toEqual({ kind: 'number', value: -1491 });
    expect(valueAt(after, 'Tabeller!E19')).toEqual({ kind: 'number', value: -1860 });
    expect(valueAt(after, 'Tabeller!C9')).toEqual({ kind: 'number', value: 0 });
  });

  it('touches no cell outside the tables’ value and bevilling cells, the blocks under them and the Kvantum area', () => {
    const changes = tableWrites(filled, result);
    expect(Object.keys(changes).sort()).toEqual(['cells', 'names']);
    const kvantum = changes.names!.find((n) => n.name === 'TB_Kvantum')!;
    expect(changes.names).toEqual([kvantum]);
    const blocks = [...filled.names.filter((n) => n.name === 'TB_Tabel1' || n.name === 'TB_Forklaring'), kvantum];
    for (const w of changes.cells!) {
      const within = (n: (typeof filled.names)[number]) =>
        w.sheet === n.sheet &&
        w.row >= n.range.start.row + (n === kvantum ? 0 : 1) &&
        w.row <= n.range.end.row &&
        w.col >= n.range.start.col &&
        w.col <= n.range.end.col;
      const table = filled.names.find((n) => TEMPLATE_TABLES.some((t) => t.name === n.name) && within(n));
      expect(table ?? blocks.find(within)).toBeDefined();
      // The bevilling column (B) only where a row has amounts: Forslag 4 has the default bevillinger.
      if (table)
        expect(w.col >= 2 || (w.col === 1 && (w.value.kind === 'text' ? w.value.value : '') === (table.name === 'TB_TabelD' ? 'Anlæg' : 'Service'))).toBe(true);
      expect(w.style).toBeUndefined();
    }
    // Tables A–E's value cells, the bevilling of the 10 rows with amounts (A: ØU, TMU; B and C:
    // ØU, KIT, TMU; D and E: TMU), every cell of the two blocks, the Kvantum header and lines.
    expect(changes.cells).toHaveLength(5 * 12 * 6 + 10 + 40 * 8 + 10 + 6 * (result.kvantum.length + 1));
    const before = cellMap(filled);
    const after = cellMap(snapshotFromChanges(changes, filled));
    const written = new Set(changes.cells!.map((w) => `${w.sheet}!${w.row},${w.col}`));
    for (const [key, value] of before) if (!written.has(key)) expect(after.get(key)).toEqual(value);
    for (const key of after.keys()) if (!before.has(key)) expect(written.has(key)).toBe(true);
  });

  it('finds a row staff inserted for a unit outside the eleven', () => {
    const proposal: ProposalInput = {
      ...forslag4,
      effects: [...forslag4.effects, { label: 'BR', unit: 'Borgerrådgiveren', amounts: [0, -10, -10, -10, -10, -10] }],
    };
    const withRows = TEMPLATE_TABLES.reduce((s, t) => {
      const total = s.names.find((n) => n.name === t.name)!.range.end.row;
      return type(insertRows(s, 'Tabeller', total), { [`Tabeller!A${total + 1}`]: 'Borgerrådgiveren' });
    }, snapshotFromChanges(templateChanges()));
    const changes = tableWrites(withRows, computeProposal(proposal));
    const after = snapshotFromChanges(changes, withRows);
    const tableA = withRows.names.find((n) => n.name === 'TB_TabelA')!.range;
    expect(cellText(valueAt(after, `Tabeller!A${tableA.end.row}`))).toBe('Borgerrådgiveren');
    expect(valueAt(after, `Tabeller!D${tableA.end.row}`)).toEqual({ kind: 'number', value: -10 });
    expect(valueAt(after, `Tabeller!D${tableA.end.row + 1}`)).toEqual({ kind: 'number', value: -575 });
  });

  it('refuses, with a clear message, a unit the tables have no row for', () => {
    const proposal: ProposalInput = { ...forslag4, effects: [{ label: 'BR', unit: 'Borgerrådgiveren', amounts: [0, -10, -10, -10, -10, -10] }] };
    const problems = problemsOf(() => tableWrites(snapshotFromChanges(templateChanges()), computeProposal(proposal)));
    expect(problems).toContainEqual({ path: 'Tabeller!A7:H19', message: expect.stringContaining('Tabel A har ingen række til Borgerrådgiveren') });
  });

  it('refuses a row it cannot place and years the header lacks', () => {
    const s = type(filled, { 'Tabeller!A9': 'Rådhuset' });
    expect(problemsOf(() => tableWrites(s, result))).toContainEqual({ path: 'Tabeller!A9', message: expect.stringContaining('"Rådhuset"') });
    const later = computeProposal({ ...forslag4, years: [2025, 2026, 2027, 2028, 2029, 2030] });
    expect(problemsOf(() => tableWrites(filled, later))[0].message).toContain('2030');
  });

  it('finds the tables by their titles when the names are gone', () => {
    const tablesAE = (n: { name: string }) => TEMPLATE_TABLES.some((t) => t.name === n.name);
    const s = { ...filled, names: filled.names.filter((n) => !tablesAE(n)) };
    expect(tableWrites(s, result).cells).toEqual(tableWrites(filled, result).cells);
  });

  it('writes Tabel 1 with its payback and the explanation into their blocks, blanking the rest', () => {
    const after = snapshotFromChanges(tableWrites(filled, result), filled);
    const t1 = filled.names.find((n) => n.name === 'TB_Tabel1')!.range;
    const first = t1.start.row + 2; // 1-based row of Tabel 1's first line
    expect(valueAt(after, `Tabeller!A${first}`)).toEqual({ kind: 'text', value: 'Varige ændringer (effektiviseringer og drift)' });
    const labels = result.tabel1.rows.map((r) => r.label);
    const impact = first + labels.indexOf('Samlet økonomisk påvirkning');
    expect([valueAt(after, `Tabeller!C${impact}`), valueAt(after, `Tabeller!H${impact}`)]).toEqual([
      { kind: 'number', value: 4125 },
      { kind: 'number', value: -1860 },
    ]);
    expect(valueAt(after, `Tabeller!A${first + labels.length + 1}`)).toEqual({
      kind: 'text',
      value: 'Tilbagebetalingstid baseret på totaløkonomi: 6 år (2029)',
    });
    expect(valueAt(after, `Tabeller!A${first + labels.length + 2}`)).toEqual({ kind: 'empty' });
    const ex = filled.names.find((n) => n.name === 'TB_Forklaring')!.range;
    expect(valueAt(after, `Tabeller!A${ex.start.row + 2}`)).toEqual({ kind: 'text', value: result.explanation[0] });
    // Year formulas not yet calculated (a file saved without values): the years go by position.
    const header = t1.start.row + 1;
    const uncalculated = type(filled, Object.fromEntries(['C', 'D', 'E', 'F', 'G', 'H'].map((c) => [`Tabeller!${c}${header}`, ''])));
    expect(tableWrites(uncalculated, result).cells).toEqual(tableWrites(filled, result).cells);
    const wrong = type(filled, { [`Tabeller!C${header}`]: 2030 });
    expect(problemsOf(() => tableWrites(wrong, result))[0].message).toMatch(/^Tabel 1's overskrift har ikke forslagets år 2024–2029/);
    // A template made before the blocks existed is written as before.
    const old = { ...filled, names: filled.names.filter((n) => n.name !== 'TB_Tabel1' && n.name !== 'TB_Forklaring') };
    expect(tableWrites(old, result).cells!.filter((w) => w.sheet === 'Tabeller' && w.col >= 2)).toHaveLength(5 * 12 * 6);
    expect(tableWrites(old, result).cells!.filter((w) => w.sheet === 'Tabeller' && w.row > t1.start.row)).toEqual([]);
  });
});

describe('parseShareKey', () => {
  const resolve = (name: string) => resolveUnit(name)?.key ?? null;

  it.each([
    ['ØU 25 %; TMU 75 %', { ØU: 0.25, TMU: 0.75 }],
    ['ØU 0,25; TMU 0,75', { ØU: 0.25, TMU: 0.75 }],
    ['ØU: 25, TMU: 75', { ØU: 0.25, TMU: 0.75 }],
    ['ØKF 0,5, TMF 0,5', { ØU: 0.5, TMU: 0.5 }],
    ['50 % ØU\n50 % Teknik- og Miljøud-valget', { ØU: 0.5, TMU: 0.5 }],
    ['TMU', { TMU: 1 }],
  ])('reads %j', (written, expected) => {
    const parsed = parseShareKey(written, resolve);
    expect(parsed.kind).toBe('shares');
    if (parsed.kind === 'shares') expect(Object.fromEntries(parsed.shares.map((s) => [s.unit, s.share]))).toEqual(expected);
  });

  it('treats blank as "the unit itself" and refuses what it cannot read', () => {
    expect(parseShareKey('  ', resolve)).toEqual({ kind: 'blank' });
    expect(parseShareKey('ØU; TMU 50 %', resolve)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('mangler en andel') });
    expect(parseShareKey('XX 50 %; TMU 50 %', resolve)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('ukendt udvalg »XX«') });
  });

  it('is what the template writes for a key', () => {
    for (const section of TEMPLATE_SECTIONS) expect(section.name.startsWith('TB_')).toBe(true);
    const filled = snapshotFromChanges(templateChanges(forslag4));
    expect(parseShareKey(cellText(valueAt(filled, 'Input!C21')), resolve)).toEqual({
      kind: 'shares',
      shares: [
        { unit: 'ØU', share: 0.25 },
        { unit: 'TMU', share: 0.75 },
      ],
    });
  });
});
