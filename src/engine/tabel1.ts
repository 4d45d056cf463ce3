/**
 * Tabel 1 "Forslagets samlede økonomiske konsekvenser" as the catalogue prints it: the permanent
 * lines with their styringsområde and sums, the implementation costs by anlæg and service, the
 * economic impact and the payback, computed from the same proposal as Tables A–E so the two can
 * no longer disagree.
 */
import type { NormalizedProposal } from './proposal';
import { Fraction, sumFractions } from './exact';

/** `memo`: a "heraf …" line, shown for information and counted in no sum. */
export type Tabel1RowKind = 'heading' | 'line' | 'subtotal' | 'total' | 'memo';

/** One row of Tabel 1; `values` is empty for a heading. */
export interface Tabel1Row {
  kind: Tabel1RowKind;
  label: string;
  styringsomraade: string;
  values: number[];
}

/**
 * Payback as Tabel 1 states it. `ikke relevant` without investments; `beyondYears` when it is
 * reached only after the proposal's last year, continuing that year's permanent change.
 */
export type Tabel1Payback = { kind: 'ikke relevant' } | { kind: 'years'; years: number; year: number; beyondYears: boolean } | { kind: 'nås ikke' };

export interface Tabel1 {
  rows: Tabel1Row[];
  payback: { service: Tabel1Payback; total: Tabel1Payback };
}

const HEADINGS = {
  permanent: 'Varige ændringer (effektiviseringer og drift)',
  implementation: 'Implementeringsomkostninger (midler fra investeringspuljen)',
} as const;

/** Payback is searched this many years past the last one before it is called unreachable. */
const HORIZON = 100;

function rounded(values: readonly Fraction[]): number[] {
  return values.map((v) => v.roundHalfAway());
}

function sums(lines: readonly { amounts: readonly number[] }[], n: number): Fraction[] {
  return Array.from({ length: n }, (_, y) => sumFractions(lines.map((l) => Fraction.fromNumber(l.amounts[y]))));
}

/**
 * The years from the first year with any amount (year 1) until the cumulative impact
 * (permanent change + investments) is ≤ 0, continuing the last year's permanent change past the
 * proposal's years.
 */
export function tabel1Payback(years: readonly number[], permanent: readonly Fraction[], investments: readonly Fraction[]): Tabel1Payback {
  if (investments.every((v) => v.isZero())) return { kind: 'ikke relevant' };
  const first = years.findIndex((_, y) => !permanent[y].isZero() || !investments[y].isZero());
  let cumulative = Fraction.ZERO;
  for (let y = first; y < years.length + HORIZON; y++) {
    const inYears = y < years.length;
    cumulative = cumulative.add(inYears ? permanent[y].add(investments[y]) : permanent[years.length - 1]);
    if (cumulative.sign() <= 0) return { kind: 'years', years: y - first + 1, year: years[0] + y, beyondYears: !inYears };
    if (!inYears && permanent[years.length - 1].sign() >= 0) break;
  }
  return { kind: 'nås ikke' };
}

/** A memo line reads "heraf …", as the catalogue writes them. */
function memoLabel(label: string): string {
  return /^heraf\b/i.test(label.trim()) ? label.trim() : `heraf ${label.trim()}`;
}

/** Tabel 1 of a proposal: lines as typed (rounded to whole 1.000 kr.), sums from the exact amounts. */
export function computeTabel1(p: NormalizedProposal): Tabel1 {
  const n = p.years.length;
  const rows: Tabel1Row[] = [];
  const permanentLines = [...p.effects, ...p.operatingCosts];
  rows.push({ kind: 'heading', label: HEADINGS.permanent, styringsomraade: '', values: [] });
  for (const l of permanentLines) rows.push({ kind: 'line', label: l.label, styringsomraade: l.styringsomraade, values: rounded(sums([l], n)) });
  const styring = [...new Set(permanentLines.map((l) => l.styringsomraade))];
  for (const s of styring) {
    rows.push({
      kind: 'subtotal',
      label: `Samlet varig ændring, ${s.toLowerCase()}`,
      styringsomraade: s,
      values: rounded(
        sums(
          permanentLines.filter((l) => l.styringsomraade === s),
          n,
        ),
      ),
    });
  }
  const permanent = sums(permanentLines, n);
  rows.push({ kind: 'total', label: 'Samlet varig ændring', styringsomraade: '', values: rounded(permanent) });
  for (const m of p.memo) rows.push({ kind: 'memo', label: memoLabel(m.label), styringsomraade: m.styringsomraade, values: rounded(sums([m], n)) });

  rows.push({ kind: 'heading', label: HEADINGS.implementation, styringsomraade: '', values: [] });
  for (const v of p.investments) rows.push({ kind: 'line', label: v.label, styringsomraade: v.styringsomraade, values: rounded(sums([v], n)) });
  for (const kind of ['service', 'anlæg'] as const) {
    const of = p.investments.filter((v) => v.kind === kind);
    if (of.length > 0)
      rows.push({
        kind: 'subtotal',
        label: `Samlede implementeringsomkostninger, ${kind}`,
        styringsomraade: kind === 'anlæg' ? 'Anlæg' : 'Service',
        values: rounded(sums(of, n)),
      });
  }
  const investments = sums(p.investments, n);
  rows.push({ kind: 'total', label: 'Samlede implementeringsomkostninger', styringsomraade: '', values: rounded(investments) });
  rows.push({ kind: 'total', label: 'Samlet økonomisk påvirkning', styringsomraade: '', values: rounded(permanent.map((v, y) => v.add(investments[y]))) });

  const servicePermanent = sums(
    permanentLines.filter((l) => l.styringsomraade === 'Service'),
    n,
  );
  return {
    rows,
    payback: { service: tabel1Payback(p.years, servicePermanent, investments), total: tabel1Payback(p.years, permanent, investments) },
  };
}

/** A payback as Tabel 1 writes it: "4 år (2028)", "ikke relevant", and says when it is extrapolated. */
export function paybackText(payback: Tabel1Payback, lastYear: number): string {
  switch (payback.kind) {
    case 'ikke relevant':
      return 'ikke relevant (ingen investering)';
    case 'nås ikke':
      return 'nås ikke (den varige ændring dækker ikke investeringen)';
    case 'years': {
      const base = `${payback.years} år (${payback.year})`;
      return payback.beyondYears ? `${base}, efter forslagets sidste år: årene efter ${lastYear} er regnet med den varige ændring i ${lastYear}` : base;
    }
  }
}
