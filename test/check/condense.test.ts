import {
  checkWorkbook,
  condenseFindings,
  gridFromRows,
  ruleName,
  RULES,
  SEVERITIES,
  severityCount,
  severityLabel,
  wordFinding,
  type Finding,
} from '../../src/engine';

const Y = [2025, 2026, 2027, 2028, 2029];

function findingsOf(rows: unknown[][]): Finding[] {
  return checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] }).findings;
}

function table(title: string, body: unknown[][], years: unknown[] = Y): unknown[][] {
  return [[title], ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'], [null, null, ...years], ...body, []];
}

describe('condenseFindings on grid literals', () => {
  it('a total off by one in five years is one finding over the range, standing for five', () => {
    const raw = findingsOf(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10, -10, -10],
        ['TMU', 'y', -5, -5, -5, -5, -5],
        ['Total', null, -16, -16, -16, -16, -16],
      ]),
    );
    expect(raw.filter((f) => f.rule === 'total-mismatch')).toHaveLength(5);
    const condensed = condenseFindings(raw).filter((f) => f.rule === 'total-mismatch');
    expect(condensed).toHaveLength(1);
    expect(condensed[0]).toMatchObject({ cell: 'C6:G6', count: 5, severity: 'warning' });
    expect(condensed[0].message).toContain('2025–2029');
    expect(condensed[0].message).toContain('-15');
  });

  it('a gap in the years, or another severity, starts a new finding', () => {
    const raw = findingsOf(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10, -10, -10],
        ['TMU', 'y', -5, -5, -5, -5, -5],
        ['Total', null, -16, -16, -15, -16, -25],
      ]),
    );
    const cells = condenseFindings(raw)
      .filter((f) => f.rule === 'total-mismatch')
      .map((f) => [f.cell, f.severity, f.count]);
    expect(cells).toEqual([
      ['G6', 'error', 1],
      ['C6:D6', 'warning', 2],
      ['F6', 'warning', 1],
    ]);
  });

  it('different amounts per year are listed year by year in one finding', () => {
    const raw = findingsOf(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -20, -10, -10, -10],
        ['TMU', 'y', -5, -5, -5, -5, -5],
        ['Total', null, -16, -26, -15, -15, -15],
      ]),
    );
    const [total] = condenseFindings(raw).filter((f) => f.rule === 'total-mismatch');
    expect(total.cell).toBe('C6:D6');
    expect(total.message).toContain('-15, -25');
  });

  it('missing "Bevilling, profitcenter mv." is one info per table, naming every unit', () => {
    const rows = [
      ...table('Tabel A. Måltalseffekt', [
        ['ØU', null, -10, -10, -10, -10, -10],
        ['KFU', null, -5, -5, -5, -5, -5],
        ['TMU', null, -5, -5, -5, -5, -5],
        ['Total', null, -20, -20, -20, -20, -20],
      ]),
      ...table('Tabel D. Anlæg', [
        ['ØU', null, 1, 1, 1, 1, 1],
        ['Total', null, 1, 1, 1, 1, 1],
      ]),
    ];
    const raw = findingsOf(rows).filter((f) => f.rule === 'missing-bevilling');
    expect(raw).toHaveLength(4);
    const condensed = condenseFindings(raw);
    expect(condensed.map((f) => [f.cell, f.count])).toEqual([
      ['B4:B6', 3],
      ['B12', 1],
    ]);
    expect(condensed[0].message).toMatch(/^Tabel A: Økonomiudvalget, Kultur- og Fritidsudvalget, Teknik- og Miljøudvalget har beløb/);
  });

  it('errors down one column are never folded: each cell needs its own fix', () => {
    const raw = findingsOf(
      table('Tabel D. Anlæg', [
        ['ØU', 'x', '--1', 1, 1, 1, 1],
        ['TMU', 'y', '--2', 1, 1, 1, 1],
        ['Total', null, 0, 2, 2, 2, 2],
      ]),
    );
    const unparseable = condenseFindings(raw).filter((f) => f.rule === 'unparseable-number');
    expect(unparseable.map((f) => f.cell)).toEqual(['C4', 'C5']);
    const units = findingsOf(
      table('Tabel D. Anlæg', [
        ['Rådhuset', 'x', 1, 1, 1, 1, 1],
        ['Vagten', 'y', 1, 1, 1, 1, 1],
        ['Total', null, 2, 2, 2, 2, 2],
      ]),
    );
    expect(units.filter((f) => f.rule === 'unknown-unit')).toHaveLength(2);
    expect(
      condenseFindings(units)
        .filter((f) => f.rule === 'unknown-unit')
        .map((f) => f.cell),
    ).toEqual(['A4', 'A5']);
  });

  it('two rules on one cell for one cause are reported once, naming both rules', () => {
    const rows = [
      ['Tabel 1. Forslagets samlede økonomiske konsekvenser'],
      ['1.000 kr. 2025 p/l', 'Styringsområde', ...Y],
      ['Effekt', 'Service', -15, -15, -15, -15, -15],
      ['Samlet varig ændring', null, -15, -15, -15, -15, -15],
      [],
      ...table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10, -10, -10],
        ['TMU', 'y', -5, -5, -5, -5, -5],
        ['Total', null, -15, -15, -15, -15, -25],
      ]),
    ];
    const raw = findingsOf(rows).filter((f) => f.cell === 'G11');
    expect(raw.map((f) => f.rule).sort()).toEqual(['a-matches-summary', 'total-mismatch']);
    const condensed = condenseFindings(raw);
    expect(condensed).toHaveLength(1);
    expect(condensed[0].count).toBe(2);
    expect([...condensed[0].rules].sort()).toEqual(['a-matches-summary', 'total-mismatch']);
  });

  it('loses nothing: the counts add up to the checker’s findings', () => {
    const rows = [
      ...table('Tabel A. Måltalseffekt', [
        ['ØU', null, -10, -10, -10, -10, -10],
        ['TMU', null, -5, '--5', -5, -5, -5],
        ['Total', null, -16, -16, -16, -16, -16],
      ]),
      ...table('Tabel B. Varig drift', [
        ['ØU', null, 1, 1, 1, 1, 1],
        ['TMU', null, 1, 1, 1, 1, 1],
        ['Total', null, 2, 2, 2, 2, 2],
      ]),
    ];
    const raw = findingsOf(rows);
    const condensed = condenseFindings(raw);
    expect(condensed.length).toBeLessThan(raw.length);
    expect(condensed.reduce((n, f) => n + f.count, 0)).toBe(raw.length);
  });

  it('words folded findings in the language asked for', () => {
    const raw = findingsOf(
      table('Tabel A. Måltalseffekt', [
        ['ØU', 'x', -10, -10, -10, -10, -10],
        ['TMU', 'y', -5, -5, -5, -5, -5],
        ['Total', null, -16, -16, -16, -16, -16],
      ]),
    );
    const [total] = condenseFindings(raw, 'en').filter((f) => f.rule === 'total-mismatch');
    expect(total.message).toMatch(/2025–2029: the parts add up to -15/);
  });
});

describe('severity words and rule names', () => {
  it('every rule has a Danish and an English name, and the severities are singular words', () => {
    for (const rule of RULES) {
      expect([rule.id, ruleName(rule.id, 'da')]).not.toEqual([rule.id, rule.id]);
      expect([rule.id, ruleName(rule.id, 'en')]).not.toEqual([rule.id, rule.id]);
    }
    expect(SEVERITIES.map((s) => severityLabel(s))).toEqual(['Fejl', 'Advarsel', 'Bemærkning']);
    expect(severityCount('info', 7447)).toBe('7.447 bemærkninger');
    expect(severityCount('warning', 1)).toBe('1 advarsel');
  });
});

describe('re-wording a condensed list', () => {
  it('gives the same words as condensing in that language (the pane switches language this way)', () => {
    const rows = [
      ['Tabel A. Måltalseffekt'],
      ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
      [null, null, ...Y],
      ['ØU', null, -10, -10, -10, -10, -10],
      ['TMU', null, -5, -5, -5, -5, -5],
      ['Total', null, -16, -16, -16, -16, -16],
    ];
    const raw = findingsOf(rows);
    const switched = condenseFindings(raw, 'da').map((f) => wordFinding(f, 'en').message);
    expect(switched).toEqual(condenseFindings(raw, 'en').map((f) => f.message));
    expect(switched.some((m) => m.includes('2025–2029'))).toBe(true);
  });
});
