/**
 * "Heraf" lines on the template's Input sheet: read into the proposal's memo lines, shown in
 * Tabel 1 on the Tabeller sheet as "heraf …", never counted in Tables A–E. Templates made before
 * the section still read.
 */
import forslag5Json from '../../examples/forslag5.json';
import { computeProposal, readTemplate, tableWrites, templateChanges, TemplateError, type ProposalInput, type WorkbookSnapshot } from '../../src/engine';
import { sheetOf, snapshotFromChanges, type, valueAt } from '../support/xlsx';

const forslag5 = forslag5Json as ProposalInput;
const memoLabel = 'indkøbseffektiviseringer, som indgår i måltalsopfyldelsen for Fremtidens indkøb';

/** 1-based row of the first cell in column A reading `label`. */
function rowOf(s: WorkbookSnapshot, sheet: string, label: string): number {
  const row = sheetOf(s, sheet).cells.findIndex((r) => r[0]?.kind === 'text' && r[0].value === label);
  expect(row).toBeGreaterThanOrEqual(0);
  return row + 1;
}

it('a memo line typed on Input reaches Tabel 1 as "heraf …" and changes no table', () => {
  const withoutMemo = { ...forslag5, memo: [] };
  const s = snapshotFromChanges(templateChanges(withoutMemo));
  const heading = rowOf(s, 'Input', 'Heraf-linjer (vises i Tabel 1, tælles ikke med)');
  expect(valueAt(s, `Input!A${heading + 1}`)).toEqual({ kind: 'text', value: 'Tekst (heraf …)' });
  const line = heading + 2;
  const typed = type(s, {
    [`Input!A${line}`]: memoLabel,
    [`Input!F${line}`]: '-449',
    [`Input!G${line}`]: '-897',
    [`Input!H${line}`]: '-1.346',
    [`Input!I${line}`]: -1795,
  });

  const read = readTemplate(typed);
  expect(read.memo).toEqual(forslag5.memo);
  const result = computeProposal(read);
  expect(result.tables).toEqual(computeProposal(withoutMemo).tables);
  expect(result.kvantum).toEqual(computeProposal(withoutMemo).kvantum);

  const after = snapshotFromChanges(tableWrites(typed, result), typed);
  const t1 = rowOf(after, 'Tabeller', `heraf ${memoLabel}`);
  expect(['E', 'H'].map((c) => valueAt(after, `Tabeller!${c}${t1}`))).toEqual([
    { kind: 'number', value: -449 },
    { kind: 'number', value: -1795 },
  ]);
});

it('a proposal with memo lines fills the section, and it reads back the same', () => {
  const s = snapshotFromChanges(templateChanges(forslag5));
  expect(readTemplate(s).memo).toEqual(forslag5.memo);
  const styring = type(s, { [`Input!B${rowOf(s, 'Input', memoLabel)}`]: 'Anlæg' });
  expect(readTemplate(styring).memo).toEqual([{ ...forslag5.memo![0], styringsomraade: 'Anlæg' }]);
});

it('an unreadable amount on a memo line is reported at its cell', () => {
  const s = snapshotFromChanges(templateChanges(forslag5));
  const row = rowOf(s, 'Input', memoLabel);
  try {
    readTemplate(type(s, { [`Input!G${row}`]: '--897' }));
    throw new Error('expected a TemplateError');
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([`Input!G${row}: »--897« er ikke et tal`]);
  }
});

it('a template made before the section reads without it', () => {
  const s = snapshotFromChanges(templateChanges({ ...forslag5, memo: [] }));
  const heading = rowOf(s, 'Input', 'Heraf-linjer (vises i Tabel 1, tælles ikke med)');
  const old = type(
    { ...s, names: s.names.filter((n) => n.name !== 'TB_Heraf') },
    { [`Input!A${heading}`]: null, [`Input!A${heading + 1}`]: null, [`Input!B${heading + 1}`]: null },
  );
  expect(readTemplate(old).memo).toBeUndefined();
  expect(computeProposal(readTemplate(old)).tables).toEqual(computeProposal(forslag5).tables);
});
