/**
 * Reading the summary table ("Forslagets samlede økonomiske konsekvenser"): which lines each
 * subtotal sums, and the amounts other rules compare with.
 */
import { valueOf, type FoundTable, type TableLine } from './model';

export interface SummaryCheck {
  line: TableLine;
  /** The lines the line should be the sum of; a nested array is a sum of sums. */
  parts: (TableLine | TableLine[])[];
}

function byArea(lines: TableLine[], area: string): TableLine[] {
  // When no line states a styringsområde, every line counts for whichever one the subtotal names.
  if (lines.every((l) => l.area === '')) return lines;
  return lines.filter((l) => l.area === area);
}

const KINDS = new Set(['anlæg', 'service', 'overførsler']);

/** Each subtotal, total and impact line with the lines it should add up. */
export function summaryParts(t: FoundTable): SummaryCheck[] {
  const checks: SummaryCheck[] = [];
  const permanent: TableLine[] = [];
  const implementation: TableLine[] = [];
  let permanentTotal: TableLine | null = null;
  let implementationTotal: TableLine | null = null;
  for (const line of t.lines) {
    switch (line.role) {
      case 'permanent-line':
        permanent.push(line);
        break;
      case 'implementation-line':
        implementation.push(line);
        break;
      case 'permanent-subtotal':
        if (KINDS.has(line.qualifier)) checks.push({ line, parts: byArea(permanent, line.qualifier) });
        break;
      case 'permanent-total':
        permanentTotal = line;
        checks.push({ line, parts: permanent.slice() });
        break;
      case 'implementation-subtotal':
        if (KINDS.has(line.qualifier)) checks.push({ line, parts: byArea(implementation, line.qualifier) });
        break;
      case 'implementation-total':
        implementationTotal = line;
        checks.push({ line, parts: implementation.slice() });
        break;
      case 'impact':
        checks.push({
          line,
          parts: [permanentTotal ?? permanent.slice(), implementationTotal ?? implementation.slice()].filter((p) => !Array.isArray(p) || p.length > 0),
        });
        break;
      default:
        break;
    }
  }
  return checks;
}

/** Amounts by year as the summary states them. */
export interface SummaryAmounts {
  years: number[];
  netPermanent: number[];
  anlæg: number[];
  service: number[];
  /** Per year: does any permanent or implementation line hold an amount? */
  hasAmount: boolean[];
  /** Cells behind each figure, for "expected from" wording. */
  netPermanentLine: TableLine | null;
}

function sumLines(lines: TableLine[], i: number): number {
  return lines.reduce((acc, l) => acc + valueOf(l.values[i]), 0);
}

// Three rules ask for the same summary's amounts; it is read once.
const AMOUNTS = new WeakMap<FoundTable, SummaryAmounts>();

/** The summary's net permanent change and implementation costs by kind. */
export function summaryAmounts(t: FoundTable): SummaryAmounts {
  let amounts = AMOUNTS.get(t);
  if (!amounts) {
    amounts = readAmounts(t);
    AMOUNTS.set(t, amounts);
  }
  return amounts;
}

function readAmounts(t: FoundTable): SummaryAmounts {
  const lines = t.lines;
  const permanent = lines.filter((l) => l.role === 'permanent-line');
  const implementation = lines.filter((l) => l.role === 'implementation-line');
  const permanentTotal = lines.find((l) => l.role === 'permanent-total') ?? null;
  const serviceSubtotal = lines.find((l) => l.role === 'permanent-subtotal' && l.qualifier === 'service') ?? null;
  const netLine = permanentTotal ?? (permanent.length === 0 ? serviceSubtotal : null);
  const subtotal = (kind: string) => lines.find((l) => l.role === 'implementation-subtotal' && l.qualifier === kind) ?? null;
  const anlæg = subtotal('anlæg');
  const service = subtotal('service');
  const years = t.header.years;
  return {
    years,
    netPermanent: years.map((_, i) => (netLine ? valueOf(netLine.values[i]) : sumLines(permanent, i))),
    anlæg: years.map((_, i) =>
      anlæg
        ? valueOf(anlæg.values[i])
        : sumLines(
            implementation.filter((l) => l.area === 'anlæg'),
            i,
          ),
    ),
    service: years.map((_, i) =>
      service
        ? valueOf(service.values[i])
        : sumLines(
            implementation.filter((l) => l.area === 'service'),
            i,
          ),
    ),
    hasAmount: years.map((_, i) => [...permanent, ...implementation].some((l) => valueOf(l.values[i]) !== 0)),
    netPermanentLine: netLine,
  };
}
