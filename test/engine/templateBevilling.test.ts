/**
 * Bevilling on the template: an optional "Bevilling, profitcenter mv." column on Input (found by
 * its header), read into the lines; the Tabeller sheet prints one row per unit and bevilling
 * with that column filled. Templates made before the column keep one row per unit, summed, and
 * leave the Tabeller column to staff.
 */
import { cellText, computeProposal, readTemplate, tableWrites, templateChanges, type ProposalInput, type WorkbookSnapshot } from '../../src/engine';
import { insertRows, sheetOf, snapshotFromChanges, type, valueAt } from '../support/xlsx';
import { problemLines } from '../support/proposals';

const years = [2024, 2025, 2026, 2027, 2028, 2029];
/** TMU with a service line and one on "Efterspørgselsstyret" (Forslag 7: BIU has both). */
const twoBevillinger: ProposalInput = {
  title: 't',
  priceLevel: 2025,
  years,
  effects: [
    { label: 'service', unit: 'TMU', amounts: [0, -100, -100, -100, -100, -100] },
    { label: 'overførsler', unit: 'TMU', bevilling: 'Efterspørgselsstyret', amounts: [0, -20, -20, -20, -20, -20] },
  ],
  investments: [{ label: 'Anlæg', kind: 'anlæg', unit: 'KS', bevilling: '3190, KS anlæg', amounts: [500, 0, 0, 0, 0, 0] }],
};

/** Column A and B and the 2026 amount (E) of every row of a table, Total included. */
function tableRows(s: WorkbookSnapshot, name: string): [string, string, string][] {
  const { range } = s.names.find((n) => n.name === name)!;
  const grid = sheetOf(s, 'Tabeller');
  const out: [string, string, string][] = [];
  for (let row = range.start.row + 1; row <= range.end.row; row++) {
    out.push([
      cellText(grid.cells[row]?.[0] ?? { kind: 'empty' }),
      cellText(grid.cells[row]?.[1] ?? { kind: 'empty' }),
      cellText(grid.cells[row]?.[4] ?? { kind: 'empty' }),
    ]);
  }
  return out;
}

/** The Input sheet as a template made before the bevilling column: no such header. */
function withoutBevillingColumn(s: WorkbookSnapshot): WorkbookSnapshot {
  const edits: Record<string, null> = {};
  sheetOf(s, 'Input').cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cellText(cell) === 'Bevilling, profitcenter mv.') edits[`Input!${String.fromCharCode(65 + c)}${r + 1}`] = null;
    }),
  );
  expect(Object.keys(edits)).toHaveLength(4);
  return type(s, edits);
}

describe('the bevilling column on Input', () => {
  it('is written after the years of the four line sections and read back into the lines', () => {
    const s = snapshotFromChanges(templateChanges(twoBevillinger));
    // Effekter: header on row 9, the lines under it; J is the column after 2024–2029 (D–I).
    expect(valueAt(s, 'Input!J9')).toEqual({ kind: 'text', value: 'Bevilling, profitcenter mv.' });
    expect(valueAt(s, 'Input!J10')).toEqual({ kind: 'empty' });
    expect(valueAt(s, 'Input!J11')).toEqual({ kind: 'text', value: 'Efterspørgselsstyret' });
    const read = readTemplate(s);
    expect(read.effects!.map((e) => e.bevilling)).toEqual([undefined, 'Efterspørgselsstyret']);
    expect(read.investments!.map((v) => v.bevilling)).toEqual(['3190, KS anlæg']);
    expect(computeProposal(read).kvantum).toEqual(computeProposal(twoBevillinger).kvantum);
  });

  it('is found by its header, not its place, and a template without it reads every line with the default', () => {
    const s = snapshotFromChanges(templateChanges(twoBevillinger));
    // Staff moved the column two to the right (K–L stay blank in between).
    const moved = type(s, { 'Input!J9': null, 'Input!J11': null, 'Input!L9': 'Bevilling, profitcenter mv.', 'Input!L11': 'Overførsler' });
    expect(readTemplate(moved).effects!.map((e) => e.bevilling)).toEqual([undefined, 'Overførsler']);
    const old = withoutBevillingColumn(s);
    expect(readTemplate(old).effects!.map((e) => e.bevilling)).toEqual([undefined, undefined]);
  });

  it('a bevilling typed on a row without a unit is reported at the unit cell', () => {
    const s = type(snapshotFromChanges(templateChanges()), { 'Input!J10': '3190' });
    expect(problemLines(() => readTemplate(s))).toContain('Input!B10: mangler udvalg');
  });
});

describe('the Tabeller sheet: one row per unit and bevilling', () => {
  const result = computeProposal(twoBevillinger);

  it('a template made from the proposal has a row per bevilling, filled in by the computation', () => {
    const s = snapshotFromChanges(templateChanges(twoBevillinger));
    const after = snapshotFromChanges(tableWrites(s, result), s);
    const a = tableRows(after, 'TB_TabelA');
    expect(a.filter(([unit]) => unit === 'Teknik- og Miljøudvalget')).toEqual([
      ['Teknik- og Miljøudvalget', 'Service', '-100'],
      ['Teknik- og Miljøudvalget', 'Efterspørgselsstyret', '-20'],
    ]);
    expect(a).toHaveLength(13); // eleven units, TMU twice, Total
    expect(a[a.length - 1]).toEqual(['Total', '', '-120']);
    // Tabel D: KS on its bevilling; the units without amounts keep a blank column B.
    const d = tableRows(after, 'TB_TabelD');
    expect(d.find(([unit]) => unit === 'Koncernservice')).toEqual(['Koncernservice', '3190, KS anlæg', '0']);
    expect(d.filter(([, bevilling]) => bevilling !== '')).toHaveLength(1);
  });

  it('an empty template asks for a row for the second bevilling, in Danish, and writes nothing', () => {
    const s = snapshotFromChanges(templateChanges());
    expect(problemLines(() => tableWrites(s, result))).toEqual(
      ['A', 'C'].map((t) =>
        expect.stringContaining(
          `Tabel ${t} har ingen række til Teknik- og Miljøudvalget med bevillingen »Efterspørgselsstyret«; indsæt en række over Total med »Teknik- og Miljøudvalget« i kolonne A`,
        ),
      ),
    );
    // With a second TMU row inserted in A and C the computation fills it.
    let fixed = s;
    for (const name of ['TB_TabelA', 'TB_TabelC']) {
      const total = fixed.names.find((n) => n.name === name)!.range.end.row;
      fixed = type(insertRows(fixed, 'Tabeller', total), { [`Tabeller!A${total + 1}`]: 'TMU' });
    }
    const after = snapshotFromChanges(tableWrites(fixed, result), fixed);
    expect(tableRows(after, 'TB_TabelC').filter(([, b]) => b !== '')).toEqual(
      [
        ['Teknik- og Miljøudvalget', 'Service', '-100'],
        ['TMU', 'Efterspørgselsstyret', '-20'],
        ['Total', '', ''].map((v, i) => (i === 2 ? '-120' : v)) as [string, string, string],
      ].filter(([, b]) => b !== ''),
    );
  });

  it('a person’s own text in column B is kept where the bevilling is only the default', () => {
    const s = snapshotFromChanges(templateChanges(twoBevillinger));
    const typed = type(s, { 'Tabeller!B8': 'Økonomisk forvaltning, service' });
    const withOU = computeProposal({ ...twoBevillinger, effects: [...twoBevillinger.effects!, { label: 'ØU', unit: 'ØU', amounts: [0, -5, -5, -5, -5, -5] }] });
    const changes = tableWrites(typed, withOU);
    expect(changes.cells!.some((w) => w.sheet === 'Tabeller' && w.row === 7 && w.col === 1)).toBe(false);
    expect(valueAt(snapshotFromChanges(changes, typed), 'Tabeller!E8')).toEqual({ kind: 'number', value: -5 });
  });

  it('a template made before the column: one row per unit holds the sum of its bevillinger, column B is left alone', () => {
    const old = withoutBevillingColumn(snapshotFromChanges(templateChanges()));
    const changes = tableWrites(old, result);
    const tabel1 = old.names.find((n) => n.name === 'TB_Tabel1')!.range.start.row;
    expect(changes.cells!.filter((w) => w.sheet === 'Tabeller' && w.col === 1 && w.row < tabel1)).toEqual([]);
    const after = snapshotFromChanges(changes, old);
    // Tabel A: TMU on row 17, Total on row 19; 2026 in column E.
    expect(valueAt(after, 'Tabeller!E17')).toEqual({ kind: 'number', value: -120 });
    expect(valueAt(after, 'Tabeller!E19')).toEqual({ kind: 'number', value: -120 });
  });
});
