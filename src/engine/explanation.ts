/**
 * The explanation the catalogue writes under its tables ("KEJD får en varig effektivisering på
 * netto 562 t. kr. …, heraf overføres 306 t. kr. til KFU …"), generated from the computed tables:
 * who saves, who pays, what Tabel B moves, and the investments. Danish, in whole 1.000 kr. of the
 * proposal's last year (its permanent level).
 */
import type { ResultTable, TableKey } from './compute';
import { formatDanish } from './numbers';

interface ExplainInput {
  years: readonly number[];
  priceLevel: number;
  tables: Readonly<Record<TableKey, ResultTable>>;
}

function kr(value: number): string {
  return `${formatDanish(Math.abs(value))} t. kr.`;
}

/** "a", "a og b", "a, b og c". */
export function danishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** A table's rows summed per unit (bevillinger together) in year index `y`, units in table order. */
function perUnit(table: ResultTable, y: number): [string, number][] {
  const sums = new Map<string, number>();
  for (const r of table.rows) sums.set(r.unit, (sums.get(r.unit) ?? 0) + r.values[y]);
  return [...sums].filter(([, v]) => v !== 0);
}

/** The explanation as sentences, one paragraph each. */
export function explainResult(result: ExplainInput): string[] {
  const { years, tables } = result;
  const y = years.length - 1;
  const year = years[y];
  const out: string[] = [];
  const total = tables.A.total[y];
  const level = `(1.000 kr. ${result.priceLevel} p/l)`;
  if (total === 0) out.push(`Forslaget har ingen varig nettoændring i ${year} ${level}.`);
  else {
    const what = total < 0 ? 'en varig effektivisering' : 'en varig merudgift';
    out.push(`Forslaget giver ${what} på netto ${kr(total)} i ${year} ${level}.`);
  }

  const placed = perUnit(tables.C, y);
  const savers = placed.filter(([, v]) => v < 0);
  const payers = placed.filter(([, v]) => v > 0);
  if (savers.length === 1) out.push(`${savers[0][0]} får en varig effektivisering på netto ${kr(savers[0][1])} (Tabel C).`);
  else if (savers.length > 1) out.push(`Budgetterne falder varigt med ${danishList(savers.map(([u, v]) => `${kr(v)} hos ${u}`))} (Tabel C).`);
  if (payers.length > 0) out.push(`Budgetterne stiger varigt med ${danishList(payers.map(([u, v]) => `${kr(v)} hos ${u}`))} (Tabel C).`);

  const moved = perUnit(tables.B, y);
  if (moved.length === 0) {
    out.push('Tabel B er 0: de varige driftsudgifter finansieres, hvor de ligger, og ingen bevilling flyttes mellem udvalgene.');
  } else {
    const from = moved.filter(([, v]) => v < 0).map(([u, v]) => `${u} (${kr(v)})`);
    const to = moved.filter(([, v]) => v > 0).map(([u, v]) => `${kr(v)} til ${u}`);
    out.push(`Tabel B flytter varig bevilling fra ${danishList(from)}: heraf overføres ${danishList(to)}.`);
  }

  const credited = perUnit(tables.A, y);
  const gainers = credited.filter(([, v]) => v < 0).map(([u, v]) => `${u} med ${kr(v)}`);
  const contributors = credited.filter(([, v]) => v > 0).map(([u, v]) => `${u} med ${kr(v)}`);
  if (gainers.length > 0) out.push(`Måltalseffekten tilfalder ${danishList(gainers)} (Tabel A).`);
  if (contributors.length > 0) out.push(`Til de varige driftsudgifter bidrager netto ${danishList(contributors)} (Tabel A).`);

  const anlæg = tables.D.total.reduce((s, v) => s + v, 0);
  const service = tables.E.total.reduce((s, v) => s + v, 0);
  if (anlæg + service !== 0) {
    const kinds = [anlæg !== 0 ? `anlæg ${kr(anlæg)}` : '', service !== 0 ? `service ${kr(service)}` : ''].filter((t) => t !== '');
    out.push(`Investeringerne udgør i alt ${kr(anlæg + service)} i ${years[0]}–${year} (${danishList(kinds)}).`);
  }
  return out;
}
