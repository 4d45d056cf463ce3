import { computePayback } from '../../compute';
import type { FindingDraft } from '../../findings';
import type { FoundTable } from '../model';
import { finding, type Rule } from '../rule';
import { summaryAmounts } from '../summary';

/** "4 år (2028)", "5", "9 år" → years and, when stated, the year. */
function parseStatedPayback(text: string): { years: number; year: number | null } | null {
  const m = /^\s*(\d{1,2})(?:[.,]\d+)?\s*(?:år)?\s*(?:\((\d{4})\))?/i.exec(text);
  if (!m) return null;
  return { years: Number(m[1]), year: m[2] ? Number(m[2]) : null };
}

/**
 * The engine's payback rule over the summary's own figures. Beyond the table's last year the
 * last year's net permanent change is taken to go on (it is permanent), so a stated payback
 * after the horizon can still be confirmed.
 */
function computed(summary: FoundTable): { years: number; year: number; beyond?: number } | null {
  const a = summaryAmounts(summary);
  const impact = a.years.map((_, i) => a.netPermanent[i] + a.anlæg[i] + a.service[i]);
  const within = computePayback(a.years, impact, a.hasAmount);
  if (within || !a.hasAmount.includes(true)) return within;
  const first = a.hasAmount.indexOf(true);
  let cumulative = impact.slice(first).reduce((x, y) => x + y, 0);
  const yearly = a.netPermanent[a.netPermanent.length - 1];
  if (!(yearly < 0)) return null;
  const last = a.years[a.years.length - 1];
  for (let k = 1; k <= 100; k++) {
    cumulative += yearly;
    if (cumulative <= 1e-6) return { years: last + k - a.years[first] + 1, year: last + k, beyond: last };
  }
  return null;
}

/** The stated payback ("Tilbagebetalingstid …") differs from the computed one. */
export const paybackMismatch: Rule = {
  id: 'payback-mismatch',
  appliesTo: (s) => s.summary !== null && s.summary.lines.some((l) => l.role === 'payback' && l.stated),
  check(s) {
    const summary = s.summary as FoundTable;
    const expected = computed(summary);
    const out: FindingDraft[] = [];
    for (const line of summary.lines) {
      if (line.role !== 'payback' || !line.stated) continue;
      const stated = parseStatedPayback(line.stated.text);
      if (!stated) continue;
      const ok = expected !== null && stated.years === expected.years && (stated.year === null || stated.year === expected.year);
      if (ok) continue;
      // The expected value is worded by the message catalogues ("6 år (2029)").
      const params = {
        label: line.label,
        expectedYears: expected?.years ?? null,
        expectedYear: expected?.year ?? null,
        continuedFrom: expected?.beyond ?? null,
        actual: line.stated.text,
      };
      out.push(finding(this.id, 'warning', s.sheet.name, line.stated.cell, params, undefined, line.stated.text));
    }
    return out;
  },
};
