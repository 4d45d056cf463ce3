/**
 * A computed template holds Tabel 1 next to Tables A–E; the workbook checker, whose rules were
 * written against the catalogue, finds them consistent (net change, investments, payback).
 */
import bc01 from '../../examples/bc01.json';
import bc02 from '../../examples/bc02.json';
import forslag2 from '../../examples/forslag2.json';
import forslag3 from '../../examples/forslag3.json';
import forslag4 from '../../examples/forslag4.json';
import forslag5 from '../../examples/forslag5.json';
import { checkWorkbook, computeProposal, readTemplate, tableWrites, templateChanges, type ProposalInput } from '../../src/engine';
import { snapshotFromChanges } from '../support/xlsx';

it.each([
  ['BC01', bc01],
  ['BC02', bc02],
  ['Forslag 2', forslag2],
  ['Forslag 3', forslag3],
  ['Forslag 4', forslag4],
  ['Forslag 5', forslag5],
])('%s: the checker finds Tabel 1 and Tables A–E of a computed template consistent', (_, example) => {
  const filled = snapshotFromChanges(templateChanges(example as ProposalInput));
  const computed = snapshotFromChanges(tableWrites(filled, computeProposal(readTemplate(filled))), filled);
  const report = checkWorkbook(computed);
  expect(report.tables.filter((t) => t.sheet === 'Tabeller').map((t) => t.kind)).toEqual(['A', 'B', 'C', 'D', 'E', 'summary']);
  expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
});
