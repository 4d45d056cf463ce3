/**
 * Price levels (pris- og lønniveau, p/l): moving a proposal's amounts from one year's level to
 * another with a user-supplied index.
 */
import { PriceIndexError } from './errors';
import { normalizeProposal, type ProposalInput } from './proposal';
import { snap } from './rounding';

/** A pris- og lønindeks: year → index value (any base; only ratios matter). */
export type PriceIndex = ReadonlyMap<number, number>;

export interface ConvertOptions {
  /**
   * Convert anlæg investments too. Off by default: the p/l index covers service (effects,
   * operating costs, transfers, service investments); anlæg follows its own index.
   */
  includeAnlaeg?: boolean;
}

/**
 * Reads an index from JSON (`{"2024": 100, "2025": 103,1}` as numbers, `[{"year": 2024,
 * "index": 100}]` or `[[2024, 100]]`) or CSV (`år;indeks` lines, separated by `;`, tab or `,`,
 * decimal comma or point, an optional header line). Throws `PriceIndexError` listing every bad
 * line.
 */
export function parsePriceIndex(source: string): PriceIndex {
  const trimmed = source.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new PriceIndexError('Pris- og lønindekset er tomt.');
  const entries = trimmed.startsWith('{') || trimmed.startsWith('[') ? jsonEntries(trimmed) : csvEntries(trimmed);
  const index = new Map<number, number>();
  const problems: string[] = [];
  for (const { year, written, value, where } of entries) {
    if (!Number.isInteger(year) || year < 1900 || year > 2200) problems.push(`${where}: "${written}" er ikke et årstal`);
    else if (!Number.isFinite(value) || value <= 0) problems.push(`${where}: indekset for ${year} skal være et positivt tal`);
    else if (index.has(year)) problems.push(`${where}: året ${year} står der to gange`);
    else index.set(year, value);
  }
  if (problems.length > 0) throw new PriceIndexError(`Pris- og lønindekset kan ikke læses:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (index.size === 0) throw new PriceIndexError('Pris- og lønindekset har ingen år.');
  return index;
}

interface Entry {
  year: number;
  /** The year as written, for the message when it is not one. */
  written: string;
  value: number;
  where: string;
}

function jsonEntries(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PriceIndexError(`Pris- og lønindekset er ikke gyldig JSON: ${(error as Error).message}`);
  }
  const value = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? indexNumber(v) : NaN);
  if (Array.isArray(data)) {
    return data.map((item, i) => {
      const where = `[${i}]`;
      if (Array.isArray(item)) return { year: Number(item[0]), written: String(item[0]), value: value(item[1]), where };
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const year = o.year ?? o['år'] ?? o.aar;
        return { year: Number(year), written: String(year), value: value(o.index ?? o.indeks), where };
      }
      return { year: NaN, written: JSON.stringify(item), value: NaN, where };
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data as Record<string, unknown>).map(([year, v]) => ({ year: Number(year), written: year, value: value(v), where: `"${year}"` }));
  }
  throw new PriceIndexError('Pris- og lønindekset skal være et JSON-objekt {"år": indeks} eller en liste.');
}

function csvEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `linje ${i + 1}`;
    if (line.trim() === '') return;
    // The year never holds a separator, so the first one splits year from index.
    const m = /^\s*"?([^;\t,"]*)"?\s*[;\t,]\s*"?(.*?)"?\s*[;\t,]?\s*$/.exec(line);
    if (!m) {
      entries.push({ year: NaN, written: line.trim(), value: NaN, where });
      return;
    }
    const year = Number(m[1]);
    if (i === 0 && !Number.isFinite(year)) return; // header line: "år;indeks"
    entries.push({ year, written: m[1].trim(), value: indexNumber(m[2]), where });
  });
  return entries;
}

/** An index value: decimal comma or point; index values never carry thousands separators. */
function indexNumber(text: string): number {
  const s = text.replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

/**
 * Converts a proposal to the price level `toYear`: each converted amount is multiplied by
 * index[toYear] / index[priceLevel]. Service amounts always (effects, operating costs,
 * transfers, service investments); anlæg investments only with `includeAnlaeg`. Units and labels
 * are kept as written. Throws `ProposalValidationError` for an invalid proposal and
 * `PriceIndexError` when the index lacks either year.
 */
export function convertPriceLevel(proposal: ProposalInput, toYear: number, index: PriceIndex, options: ConvertOptions = {}): ProposalInput {
  const from = normalizeProposal(proposal).priceLevel;
  const missing = [from, toYear].filter((y) => !index.has(y));
  if (missing.length > 0) {
    const known = [...index.keys()].sort((a, b) => a - b);
    throw new PriceIndexError(`Pris- og lønindekset mangler ${[...new Set(missing)].join(' og ')} (det har ${known[0]}–${known[known.length - 1]}).`);
  }
  const factor = index.get(toYear)! / index.get(from)!;
  const scale = (amounts: readonly number[]) => amounts.map((a) => snap(a * factor));
  return {
    ...proposal,
    priceLevel: toYear,
    effects: proposal.effects?.map((e) => ({ ...e, amounts: scale(e.amounts) })),
    operatingCosts: proposal.operatingCosts?.map((d) => ({ ...d, amounts: scale(d.amounts) })),
    transfers: proposal.transfers?.map((t) => ({ ...t, amounts: scale(t.amounts) })),
    investments: proposal.investments?.map((v) => (v.kind === 'service' || options.includeAnlaeg ? { ...v, amounts: scale(v.amounts) } : v)),
    ...(proposal.memo ? { memo: proposal.memo.map((m) => ({ ...m, amounts: scale(m.amounts) })) } : {}),
  };
}
