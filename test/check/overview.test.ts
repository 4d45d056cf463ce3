/**
 * overview-matches-proposal on grid literals: a catalogue's overview sheet beside its proposals'
 * sheets. The overview lists savings as positive numbers, Tabel A as negative.
 */
import fc from 'fast-check';
import { checkWorkbook, gridFromRows, type Finding, type Locale } from '../../src/engine';

const RULE = 'overview-matches-proposal';
const Y = [2025, 2026];

/** A proposal's sheet: an optional heading line, Tabel A (one unit and its Total), and optional D / E. */
function proposal(heading: string | null, a: number[], tables: { D?: number[]; E?: number[] } = {}): unknown[][] {
  const rows: unknown[][] = heading ? [[heading], []] : [];
  const table = (title: string, totals: number[]) => {
    rows.push(
      [title],
      ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
      [null, null, ...Y],
      ['TMU', 'Drift', ...totals],
      ['Total', null, ...totals],
      [],
      [],
    );
  };
  table('Tabel A. Måltalseffekt', a);
  if (tables.D) table('Tabel D. Fordeling af anlægsinvesteringer mellem udvalg', tables.D);
  if (tables.E) table('Tabel E. Fordeling af serviceinvesteringer mellem udvalg', tables.E);
  return rows;
}

/**
 * A proposal's sheet with a summary table above its Tabel A: a permanent effect of -10 and -20,
 * the given implementation rows, and "Samlet økonomisk påvirkning" adding the implementation costs
 * (not their total line) to the permanent effect.
 */
function summarySheet(implementation: unknown[][]): unknown[][] {
  const costs = implementation.filter((r) => r[0] !== 'Samlede implementeringsomkostninger');
  const impact = [-10, -20].map((v, y) => costs.reduce((acc, r) => acc + (typeof r[2 + y] === 'number' ? (r[2 + y] as number) : 0), v));
  return [
    ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
    ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
    ['Varige ændringer'],
    ['Effektivisering', 'Service', -10, -20],
    ['Samlet varig ændring', null, -10, -20],
    ['Implementeringsomkostninger'],
    ...implementation,
    ['Samlet økonomisk påvirkning', null, ...impact],
    [],
    [],
    ...proposal(null, [-10, -20]),
  ];
}

/** An overview table: number, title, effect per year, Samlet investering; rows 4 on; "I alt" summed. */
function overview(lines: unknown[][], total = true): unknown[][] {
  const sums = [0, 1, 2].map((i) => lines.reduce((acc, l) => acc + (typeof l[2 + i] === 'number' ? (l[2 + i] as number) : 0), 0));
  return [
    ['Tabel 1. Tværgående forslag'],
    ['1.000 kr. 2025 p/l', null, 'Effektiviseringsbidrag', null, 'Samlet investering', 'Godkendt med'],
    ['Udvalg', null, ...Y, null, null],
    ...lines,
    ...(total ? [['I alt', null, ...sums]] : []),
  ];
}

function check(sheets: Record<string, unknown[][]>, locale: Locale = 'da'): Finding[] {
  return checkWorkbook({ sheets: Object.entries(sheets).map(([name, rows]) => gridFromRows(name, rows)), names: [] }, { locale }).findings;
}
const ofRule = (findings: Finding[]) => findings.filter((f) => f.rule === RULE);
const cells = (findings: Finding[]) => ofRule(findings).map((f) => `${f.severity} ${f.sheet}!${f.cell}`);

describe('overview-matches-proposal', () => {
  it('agrees when the overview shows Tabel A with the sign turned, matched by sheet name, by the number the sheet starts with, or by its title', () => {
    const findings = check({
      Oversigt: overview([
        ['Forslag 4', 'Digitalisering', 565, 1860, 0],
        ['BC01', 'Ferie', 297, 1144, 0],
        [1, 'Ladestandere ved kommunale ejendomme', 562, 562, 0],
      ]),
      'Forslag 4': proposal(null, [-565, -1860]),
      Ferie: proposal('BC01 Samlet ferieløsning', [-297, -1144]),
      Ladestandere: proposal('BC02 Ladestandere ved kommunale ejendomme', [-562, -562]),
    });
    expect(findings).toEqual([]);
  });

  it('a year that differs is an error at the overview cell (a difference of 1 a warning); the message names the sheet and its cell', () => {
    const findings = check({
      Oversigt: overview([['Forslag 4', 'Digitalisering', 565, 1560, 0]]),
      'Forslag 4': proposal(null, [-566, '-1.860' as unknown as number]),
    });
    expect(cells(findings)).toEqual(['error Oversigt!D4', 'warning Oversigt!C4']);
    const [error] = ofRule(findings);
    expect(error).toMatchObject({ expected: 1860, actual: 1560 });
    expect(error.message).toBe(
      'Tabel 1, »Forslag 4 Digitalisering« 2026: der står 1.560, men Tabel A på arket »Forslag 4« har i alt -1.860 (D5). ' +
        'Oversigten viser besparelser med positivt fortegn, så der skal stå 1.860.',
    );
  });

  it('a saving written with Tabel A’s sign is an error: the overview shows savings as positive numbers', () => {
    const findings = check({ Oversigt: overview([['Forslag 1', 'X', -100, -100, 0]]), 'Forslag 1': proposal(null, [-100, -100]) });
    expect(ofRule(findings).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C4', 100, -100],
      ['D4', 100, -100],
    ]);
  });

  it('Samlet investering is Tabel D + E over every year; a difference is cited at the investment cell with both tables’ totals', () => {
    const sheets = (stated: number) => ({
      Oversigt: overview([['Forslag 2', 'Udbredelse', 100, 200, stated]]),
      'Forslag 2': proposal(null, [-100, -200], { D: [1000, 250], E: [300, 0] }),
    });
    expect(check(sheets(1550))).toEqual([]);
    const findings = check(sheets(1500));
    expect(cells(findings)).toEqual(['error Oversigt!E4']);
    expect(ofRule(findings)[0].message).toBe(
      'Tabel 1, »Forslag 2 Udbredelse«, Samlet investering: der står 1.500, men Tabel D og E på arket »Forslag 2« summerer til 1.550 (C12:D12 og C19:D19).',
    );
  });

  it('a proposal without Tabel D or E is compared with its summary’s implementation costs', () => {
    const summary = (implementation: number[]) =>
      summarySheet([
        ['Projekt', 'Anlæg', ...implementation],
        ['Samlede implementeringsomkostninger', null, ...implementation],
      ]);
    const findings = check({ Oversigt: overview([['Forslag 5', 'Mobil', 10, 20, 800]]), 'Forslag 5': summary([500, 200]) });
    expect(cells(findings)).toEqual(['error Oversigt!E4']);
    expect(ofRule(findings)[0].message).toMatch(
      /men implementeringsomkostningerne i forslagets økonomitabel på arket »Forslag 5« summerer til 700 \(C8:D8\)\.$/,
    );
    expect(check({ Oversigt: overview([['Forslag 5', 'Mobil', 10, 20, 700]]), 'Forslag 5': summary([500, 200]) })).toEqual([]);
  });

  it('a row that names no sheet, or several, is an info at its label, not silence', () => {
    const findings = check({
      Oversigt: overview([
        ['Forslag 1', 'Samling af sagsbehandling', 100, 100, 0],
        ['Forslag 3', 'Styrket indsats', 100, 100, 0],
        [7, 'Fremtidens indkøb', 5, 5, 0],
      ]),
      'Forslag 3': proposal(null, [-100, -100]),
      'Forslag 3 (kopi)': proposal('Forslag 3 Styrket indsats', [-100, -100]),
    });
    expect(cells(findings)).toEqual(['info Oversigt!A4', 'info Oversigt!A5', 'info Oversigt!A6']);
    const [none, several, bare] = ofRule(findings);
    expect(none.message).toMatch(/»Forslag 1 Samling af sagsbehandling«: intet ark i projektmappen er dette forslags .* Giv forslagets ark navnet »Forslag 1«/);
    expect(several.message).toMatch(/passer til flere ark \(»Forslag 3«, »Forslag 3 \(kopi\)«\)/);
    expect(bare.message).toMatch(/Lad forslagets ark begynde med forslagets titel/);
  });

  it('a numbered row without amounts is a proposal, compared like any other; a committee heading without amounts is not', () => {
    const findings = check({
      Oversigt: overview([['Økonomiudvalget'], ['Forslag 8', 'Tom række', null, '-', null]]),
      'Forslag 8': proposal(null, [0, -40]),
    });
    expect(cells(findings)).toEqual(['error Oversigt!D5']);
  });

  it('a matched sheet without Tabel A: the effects are not compared and the info says so; the investment still is', () => {
    const sheet = [
      ['Forslag 7 Indkøb'],
      ['Tabel D. Anlæg'],
      ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
      [null, null, ...Y],
      ['KS', 'x', 40, 0],
      ['Total', null, 40, 0],
    ];
    const findings = check({ Oversigt: overview([['Forslag 7', 'Indkøb', 900, 900, 50]]), 'Forslag 7': sheet });
    expect(cells(findings)).toEqual(['error Oversigt!E4', 'info Oversigt!A4']);
    expect(ofRule(findings)[1].message).toBe(
      'Tabel 1, »Forslag 7 Indkøb« hører til arket »Forslag 7«, men arket har ingen Tabel A, så effekten pr. år er ikke sammenlignet.',
    );
  });

  it('a year Tabel A does not have is reported with Tabel A’s title cell', () => {
    const rows = proposal(null, [-10, -10]);
    rows[2] = [null, null, 2024, 2025];
    const findings = check({ Oversigt: overview([['Forslag 1', 'X', 10, 10, 0]]), 'Forslag 1': rows });
    expect(cells(findings)).toEqual(['error Oversigt!D4']);
    expect(ofRule(findings)[0].message).toMatch(/2026: der står 10, men Tabel A på arket »Forslag 1« \(A1\) har ingen kolonne for 2026\.$/);
  });

  it('an unreadable overview cell is an unparseable-number finding there, and is not compared', () => {
    const findings = check({ Oversigt: overview([['Forslag 1', 'X', '--10', 10, 0]]), 'Forslag 1': proposal(null, [-10, -10]) });
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['unparseable-number C4']);
  });

  it('the "I alt" row is a total like any other: total-mismatch at the cell that does not add up', () => {
    const rows = overview([
      ['Forslag 1', 'X', 10, 10, 0],
      ['Forslag 2', 'Y', 5, 5, 0],
    ]);
    rows[rows.length - 1][3] = 16;
    const findings = check({ Oversigt: rows, 'Forslag 1': proposal(null, [-10, -10]), 'Forslag 2': proposal(null, [-5, -5]) });
    expect(findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['total-mismatch warning D6']);
  });

  it('a "Samlet investering" column inside a proposal’s own summary table is not an overview', () => {
    const rows = [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y, 'Samlet investering'],
      ['Effektivisering', 'Service', -10, -20, null],
      ['Samlet varig ændring', null, -10, -20, null],
      ['Samlet økonomisk påvirkning', null, -10, -20, null],
    ];
    const report = checkWorkbook({ sheets: [gridFromRows('Forslag 1', rows)], names: [] });
    expect(report.tables.map((t) => t.kind)).toEqual(['summary']);
  });

  it('nothing to compare: an overview alone, or proposals alone', () => {
    expect(check({ Oversigt: overview([['Forslag 1', 'X', 10, 10, 0]]) })).toEqual([]);
    expect(ofRule(check({ 'Forslag 1': proposal(null, [-10, -10]) }))).toEqual([]);
  });

  it('findings stay in tab order: the overview sheet’s come first when it is the first tab', () => {
    const findings = check({
      Oversigt: overview([['Forslag 1', 'X', 10, 11, 0]]),
      'Forslag 1': [...proposal(null, [-10, -10]).slice(0, 4), ['Total', null, -10, -12]],
    });
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(['Oversigt!D4 overview-matches-proposal', 'Forslag 1!D5 total-mismatch']);
  });

  it('speaks English too, with the sign convention and the proposal’s cell', () => {
    const [f] = check({ Oversigt: overview([['Forslag 4', 'Digitalisering', 565, 1560, 0]]), 'Forslag 4': proposal(null, [-565, -1860]) }, 'en');
    expect(f.message).toBe(
      'Tabel 1, "Forslag 4 Digitalisering" 2026: it says 1,560, but Table A on sheet "Forslag 4" totals -1,860 (D5). The overview shows savings as positive numbers, so it should say 1,860.',
    );
  });

  it('never throws, and words every finding, whatever the overview’s cells hold', () => {
    const value = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.constant(null),
      fc.boolean(),
      fc.constantFrom('Samlet investering', 'I alt', 'Forslag 1', 'BC01', 'Økonomiudvalget', '-', '--5', '1.144', '2025', 'Tabel 3. Oversigt', '* Note'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(8), fc.nat(7), value), { maxLength: 12 }), fc.boolean(), (edits, english) => {
        const rows = overview([
          ['Forslag 1', 'Samling af sagsbehandling', 10, 10, 0],
          [2, 'Digitalisering af høringer', 5, 5, 7],
        ]);
        for (const [r, c, v] of edits) {
          while (rows.length <= r) rows.push([]);
          while (rows[r].length < c) rows[r].push(null);
          rows[r][c] = v;
        }
        const findings = check(
          { Oversigt: rows, 'Forslag 1': proposal(null, [-10, -10]), Digitalisering: proposal('Digitalisering af høringer', [-5, -5], { E: [7, 0] }) },
          english ? 'en' : 'da',
        );
        for (const f of findings) {
          if (!f.cell || !f.message || /undefined|NaN|\[object/.test(f.message)) throw new Error(`${f.rule} ${f.cell}: ${f.message}`);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('overview-matches-proposal: how rows find their sheet, and what is compared', () => {
  /** A bare running number (7) names no sheet: such a row is matched by its title only. */
  const row = (title: string, a: number[] = [5, 5], investment = 0) => [7, title, ...a, investment];
  const kinds = (findings: Finding[]) => ofRule(findings).map((f) => `${f.severity} ${f.cell} ${String(f.params?.kind)}`);

  it('the heading is the first text of the sheet, blank and whitespace cells skipped', () => {
    const sheet = [[null, '', '   ', 'BC03 Bedre rengøring af skoler'], ...proposal(null, [-5, -5])];
    expect(check({ Oversigt: overview([row('Bedre rengøring af skoler')]), Rengøring: sheet })).toEqual([]);
  });

  it('a row’s title matches the start of a sheet’s title, at a word’s end only', () => {
    const sheets = (title: string) => ({ Oversigt: overview([row(title)]), Rengøring: proposal('BC03 Bedre rengøring af skoler', [-5, -5]) });
    expect(check(sheets('Bedre rengøring'))).toEqual([]);
    expect(kinds(check(sheets('Bedre rengø')))).toEqual(['info A4 no-sheet']);
  });

  it('titles of eight characters are compared; shorter ones match nothing', () => {
    expect(check({ Oversigt: overview([row('Vagtplan')]), Ark1: proposal('BC05 Vagtplan', [-5, -5]) })).toEqual([]);
    expect(kinds(check({ Oversigt: overview([row('Vagtpla')]), Ark1: proposal('BC05 Vagtpla', [-5, -5]) }))).toEqual(['info A4 no-sheet']);
    expect(kinds(check({ Oversigt: overview([row('Vagtpla')]), Ark1: proposal('BC05 Vagtpla for skoler', [-5, -5]) }))).toEqual(['info A4 no-sheet']);
  });

  it('a sheet that starts with a table’s title, or with a number, has no heading to match', () => {
    const title = 'Ladestandere ved kommunale ejendomme';
    for (const first of [`Tabel 2. ${title}`, `  Tabel 2. ${title}`, 2025]) {
      const sheet = [[first, `BC06 ${title}`], [], ...proposal(null, [-5, -5])];
      expect(kinds(check({ Oversigt: overview([row(title)]), Ark1: sheet }))).toEqual(['info A4 no-sheet']);
    }
  });

  it('a heading that merely contains the word "tabel" is a heading', () => {
    const title = 'Mobiltabel-løsning og ny tabel for vagtplaner';
    expect(check({ Oversigt: overview([row(title)]), Ark1: proposal(title, [-5, -5]) })).toEqual([]);
  });

  it('a sheet without tables is no proposal, even when its name matches: the row names no sheet', () => {
    const findings = check({
      Oversigt: overview([['Forslag 9', 'Nyt indkøb', 5, 5, 0]]),
      'Forslag 9': [['Noter til forslaget']],
      'Forslag 2': proposal(null, [-5, -5]),
    });
    expect(kinds(findings)).toEqual(['info A4 no-sheet']);
    expect(ofRule(findings)[0].params).not.toHaveProperty('sheets');
  });

  it('a year with no effect in Tabel A expects 0, not -0; the finding says it is about the effect', () => {
    const [f] = ofRule(check({ Oversigt: overview([['Forslag 1', 'X', 5, 100, 0]]), 'Forslag 1': proposal(null, [0, -100]) }));
    expect(Object.is(f.expected, 0)).toBe(true);
    expect(f.params).toMatchObject({ kind: 'effect', year: 2025, tabelA: 0, expected: 0, actual: 5 });
  });

  it('an investment off by 1 is a rounding warning; Tabel D alone and Tabel E alone are named as such', () => {
    const stated = (investment: number, tables: { D?: number[]; E?: number[] }) =>
      ofRule(check({ Oversigt: overview([['Forslag 2', 'X', 5, 5, investment]]), 'Forslag 2': proposal(null, [-5, -5], tables) }));
    expect(stated(1551, { D: [1000, 250], E: [300, 0] }).map((f) => [f.severity, f.params?.source])).toEqual([['warning', 'D+E']]);
    const [d] = stated(900, { D: [1000, 250] });
    expect([d.severity, d.params?.source, d.expected]).toEqual(['error', 'D', 1250]);
    expect(d.message).toContain('men Tabel D på arket »Forslag 2« summerer til 1.250');
    const [e] = stated(900, { E: [300, 0] });
    expect([e.params?.source, e.expected]).toEqual(['E', 300]);
    expect(e.message).toContain('men Tabel E på arket »Forslag 2« summerer til 300');
  });

  it('an unreadable cell in Tabel D or E, or in the summary’s implementation costs, leaves the investment uncompared', () => {
    const unreadable = 'tusind' as unknown as number;
    const withD = check({ Oversigt: overview([['Forslag 2', 'X', 5, 5, 900]]), 'Forslag 2': proposal(null, [-5, -5], { D: [unreadable, 250] }) });
    expect(ofRule(withD)).toEqual([]);
    expect(withD.some((f) => f.rule === 'unparseable-number')).toBe(true);
    const withE = check({ Oversigt: overview([['Forslag 2', 'X', 5, 5, 900]]), 'Forslag 2': proposal(null, [-5, -5], { D: [1000, 250], E: [unreadable, 0] }) });
    expect(ofRule(withE)).toEqual([]);
  });

  it('without Tabel D or E and without a total line, the summary’s implementation lines are summed', () => {
    const sheet = (second: unknown) =>
      summarySheet([
        ['Projekt', 'Anlæg', 500, 200],
        ['Uddannelse', 'Service', second, 50],
      ]);
    const sheets = (stated: number, second: unknown = 50) => ({ Oversigt: overview([['Forslag 5', 'Mobil', 10, 20, stated]]), 'Forslag 5': sheet(second) });
    expect(ofRule(check(sheets(800)))).toEqual([]);
    const [f] = ofRule(check(sheets(700)));
    expect([f.cell, f.expected, f.params?.source]).toEqual(['E4', 800, 'summary']);
    expect(ofRule(check(sheets(700, 'halvtreds')))).toEqual([]);
  });
});
