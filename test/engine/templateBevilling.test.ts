/**
 * The template's Tabeller sheet keeps one row per unit: a unit with several bevillinger gets
 * their sum there (the Kvantum lines keep them apart).
 */
import { computeProposal, tableWrites, templateChanges } from '../../src/engine';
import { snapshotFromChanges, valueAt } from '../support/xlsx';

it('writes the sum of a unit’s bevillinger into its one template row', () => {
  const empty = snapshotFromChanges(templateChanges());
  const result = computeProposal({
    title: 't',
    priceLevel: 2025,
    years: [2024, 2025, 2026, 2027, 2028, 2029],
    effects: [
      { label: 'service', unit: 'TMU', amounts: [0, -100, -100, -100, -100, -100] },
      { label: 'overførsler', unit: 'TMU', bevilling: 'Efterspørgselsstyret', amounts: [0, -20, -20, -20, -20, -20] },
    ],
  });
  expect(result.tables.A.rows.filter((r) => r.unit === 'TMU')).toHaveLength(2);
  const after = snapshotFromChanges(tableWrites(empty, result), empty);
  // Tabel A: TMU on row 17, Total on row 19; 2026 in column E.
  expect(valueAt(after, 'Tabeller!E17')).toEqual({ kind: 'number', value: -120 });
  expect(valueAt(after, 'Tabeller!E19')).toEqual({ kind: 'number', value: -120 });
});
