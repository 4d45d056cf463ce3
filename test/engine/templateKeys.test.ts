/**
 * The template's "Fordelingsnøgler" section: keyed proposals survive the round trip through the
 * Input sheet, and a key typed by hand is used wherever its name stands in a unit, credit or
 * financing column.
 */
import bc01 from '../../examples/bc01.json';
import bc02 from '../../examples/bc02.json';
import forslag3 from '../../examples/forslag3.json';
import forslag4 from '../../examples/forslag4.json';
import forslag5 from '../../examples/forslag5.json';
import {
  computeProposal,
  readTemplate,
  TEMPLATE_KEYS_SECTION,
  TemplateError,
  templateChanges,
  type ProposalInput,
  type WorkbookSnapshot,
} from '../../src/engine';
import { snapshotFromChanges, type, valueAt } from '../support/xlsx';

function keysHeaderRow(s: WorkbookSnapshot): number {
  return s.names.find((n) => n.name === TEMPLATE_KEYS_SECTION.name)!.range.start.row + 1; // 1-based
}

describe('Fordelingsnøgler in the template', () => {
  it.each([
    ['BC01', bc01],
    ['BC02', bc02],
    ['Forslag 3', forslag3],
    ['Forslag 4', forslag4],
    ['Forslag 5', forslag5],
  ])('%s: the template built from the example computes the same tables', (_, example) => {
    const snapshot = snapshotFromChanges(templateChanges(example as ProposalInput));
    // The Input sheet has no bevilling column yet: compare units and amounts.
    const tables = (input: unknown) => Object.entries(computeProposal(input).tables).map(([key, t]) => [key, t.rows.map((r) => [r.unit, r.values]), t.total]);
    expect(tables(readTemplate(snapshot))).toEqual(tables(example));
  });

  it('writes one row per key with its bases under the unit columns, the key’s name in the unit column', () => {
    const s = snapshotFromChanges(templateChanges(bc01 as ProposalInput));
    const header = keysHeaderRow(s);
    expect(valueAt(s, `Input!A${header}`)).toEqual({ kind: 'text', value: TEMPLATE_KEYS_SECTION.keyHeader });
    expect(valueAt(s, `Input!B${header}`)).toEqual({ kind: 'text', value: 'ØU' });
    expect(valueAt(s, `Input!A${header + 1}`)).toEqual({ kind: 'text', value: 'Timer' });
    expect(valueAt(s, `Input!B${header + 1}`)).toEqual({ kind: 'number', value: 288 });
    expect(valueAt(s, `Input!C${header + 1}`)).toEqual({ kind: 'empty' });
    expect(valueAt(s, `Input!L${header + 1}`)).toEqual({ kind: 'number', value: 235 });
    expect(valueAt(s, 'Input!B12')).toEqual({ kind: 'text', value: 'Timer' });
  });

  it('uses a key typed by hand in the unit and credit columns', () => {
    const s = snapshotFromChanges(templateChanges());
    const header = keysHeaderRow(s);
    // Effekter start on row 10: text, unit, credit, then 2024–2029 in D–I.
    const typed = type(s, {
      'Input!A10': 'Indtægt',
      'Input!B10': 'KEJD',
      'Input!C10': 'husleje',
      'Input!E10': -400,
      'Input!A11': 'Timer spart',
      'Input!B11': 'Husleje',
      'Input!E11': '-100',
      [`Input!A${header + 1}`]: 'Husleje',
      [`Input!G${header + 1}`]: '3',
      [`Input!J${header + 1}`]: 1,
    });
    const r = computeProposal(readTemplate(typed));
    const a = Object.fromEntries(r.tables.A.rows.filter((x) => x.values[1] !== 0).map((x) => [x.unit, x.values[1]]));
    expect(a).toEqual({ KFU: -375, SU: -125 });
    const c = Object.fromEntries(r.tables.C.rows.filter((x) => x.values[1] !== 0).map((x) => [x.unit, x.values[1]]));
    expect(c).toEqual({ KEJD: -400, KFU: -75, SU: -25 });
  });

  it('locates key problems by their cells', () => {
    const s = snapshotFromChanges(templateChanges());
    const header = keysHeaderRow(s);
    const typed = type(s, {
      'Input!A10': 'e',
      'Input!B10': 'Nul',
      'Input!E10': -1,
      [`Input!A${header + 1}`]: 'Nul',
      [`Input!B${header + 1}`]: 0,
      [`Input!A${header + 2}`]: 'Ubrugt',
      [`Input!C${header + 2}`]: 'mange',
      [`Input!N${header}`]: 'Tivoli',
    });
    const problems = (snapshot: WorkbookSnapshot) => {
      try {
        readTemplate(snapshot);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        return (error as TemplateError).problems.map((p) => `${p.path}: ${p.message}`);
      }
      throw new Error('expected a TemplateError');
    };
    // Every problem in one pass, in reading order; the model's own checks are left out where a
    // cell on the same row is already reported ("Ubrugt" waits for its unreadable basis).
    expect(problems(typed)).toEqual([
      expect.stringMatching(new RegExp(`^Input!N${header}: ukendt udvalg »Tivoli«`)),
      `Input!A${header + 1}:N${header + 1}: nøglen "Nul" summerer til 0; mindst én enhed skal have et grundlag over 0`,
      `Input!C${header + 2}: »mange« er ikke et tal`,
    ]);
    // Once the cells read, the model's own checks point at the key's row.
    const fixed = type(typed, { [`Input!N${header}`]: '', [`Input!C${header + 2}`]: 5 });
    expect(problems(fixed)).toEqual([
      `Input!A${header + 1}:N${header + 1}: nøglen "Nul" summerer til 0; mindst én enhed skal have et grundlag over 0`,
      `Input!A${header + 2}:N${header + 2}: nøglen "Ubrugt" bruges ikke af nogen linje; brug den som { "key": "Ubrugt" } eller slet den`,
    ]);
  });
});
