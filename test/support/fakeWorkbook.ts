import type { WorkbookModel } from '../../src/excel/fake';

/** Everything a person could see in an in-memory workbook, as text for before/after comparisons. */
export function snapshotOf(model: WorkbookModel): string {
  return JSON.stringify({
    sheets: model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells].sort(),
      notes: [...s.notes].sort(),
      comments: [...s.comments].map(([k, c]) => [k, c.content, c.replies.map((r) => r.content)]).sort(),
      merges: s.merges,
      arrays: s.arrays,
      spills: s.spills,
      frozen: s.frozenRows,
    })),
    names: [...model.names].sort((a, b) => a.name.localeCompare(b.name)),
  });
}
