import type { FindingDraft } from '../../findings';
import type { SheetTables } from '../model';
import { finding, tableName, type Rule } from '../rule';

/** The tables that state a year for their price level (discovery reads one for the summary and tables A–E only). */
const withLevel = (s: SheetTables) => s.tables.filter((t) => t.priceLevel?.year);

/** Tables of one proposal should state one price level ("1.000 kr. 2025 p/l"). */
export const priceLevelMismatch: Rule = {
  id: 'price-level-mismatch',
  appliesTo: (s) => withLevel(s).length > 1,
  check(s) {
    const stated = withLevel(s);
    let reference = s.summary?.priceLevel?.year ?? null;
    if (reference === null) {
      const counts = new Map<number, number>();
      for (const t of stated) counts.set(t.priceLevel!.year!, (counts.get(t.priceLevel!.year!) ?? 0) + 1);
      reference = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    }
    const out: FindingDraft[] = [];
    for (const t of stated) {
      const level = t.priceLevel!;
      if (level.year === reference) continue;
      out.push(
        finding(
          this.id,
          'warning',
          s.sheet.name,
          level.cell,
          { table: tableName(t.kind, t.title), expected: reference, actual: level.year, fromSummary: s.summary?.priceLevel?.year != null },
          `${reference} p/l`,
          `${level.year} p/l`,
        ),
      );
    }
    return out;
  },
};
