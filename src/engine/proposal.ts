/**
 * The proposal format: what a budget officer enters for one proposal. External shape as a zod
 * schema; `normalizeProposal` adds the checks zod cannot express and resolves units.
 */
import { z } from 'zod';
import { ProposalValidationError, type InputProblem } from './errors';
import type { Locale } from './messages';
import { findUnknownKeys, PROPOSAL_MESSAGES as M, proposalErrorMap, unknownKeyMessage, withinAmountLimit } from './proposalMessages';
import { otherUnit, resolveUnit, type UnitInfo } from './units';

// Messages come from `proposalErrorMap` (Danish or English), not from the schema.
const amounts = z.array(z.number().refine(withinAmountLimit, { params: { amount: true } }));
const shares = z.record(z.string(), z.number());
const label = z.string().trim().min(1);
const unit = z.string().trim().min(1);

export const EffectSchema = z.object({
  label,
  unit,
  amounts,
  /** Whose måltal the effect counts for, as shares that sum to 1 (default: the unit itself). */
  credit: shares.optional(),
});

export const OperatingCostSchema = z.object({
  label,
  unit,
  amounts,
  /** Who finances the cost, as shares that sum to 1 (default: the unit itself). */
  financing: shares.optional(),
});

export const TransferSchema = z.object({ label, from: unit, to: unit, amounts });

export const InvestmentSchema = z.object({
  label,
  kind: z.enum(['anlæg', 'service']),
  unit,
  amounts,
});

export const ProposalSchema = z.object({
  title: z.string().default(''),
  /** Price and wage level (p/l) of every amount, e.g. 2025. */
  priceLevel: z.number().int().min(1990).max(2100),
  years: z.array(z.number().int().min(1990).max(2100)).min(1),
  effects: z.array(EffectSchema).default([]),
  operatingCosts: z.array(OperatingCostSchema).default([]),
  transfers: z.array(TransferSchema).default([]),
  investments: z.array(InvestmentSchema).default([]),
  /** Names of units outside the catalogue that this proposal uses on purpose. */
  otherUnits: z.array(z.string().trim().min(1)).default([]),
});

/** A proposal as written (input side of the schema). */
export type ProposalInput = z.input<typeof ProposalSchema>;
/** A proposal after parsing, defaults filled in. */
export type Proposal = z.output<typeof ProposalSchema>;
export type Effect = z.output<typeof EffectSchema>;
export type OperatingCost = z.output<typeof OperatingCostSchema>;
export type Transfer = z.output<typeof TransferSchema>;
export type Investment = z.output<typeof InvestmentSchema>;

/** A share of an amount credited to, or financed by, one unit. */
export interface Share {
  unit: string;
  share: number;
}

/** A proposal with every unit resolved to its canonical key and every key made explicit. */
export interface NormalizedProposal {
  title: string;
  priceLevel: number;
  years: number[];
  units: Map<string, UnitInfo>;
  effects: { label: string; unit: string; amounts: number[]; credit: Share[] }[];
  operatingCosts: { label: string; unit: string; amounts: number[]; financing: Share[] }[];
  transfers: { label: string; from: string; to: string; amounts: number[] }[];
  investments: { label: string; kind: 'anlæg' | 'service'; unit: string; amounts: number[] }[];
}

const SHARE_TOLERANCE = 1e-9;

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * Parses and checks a proposal. Throws `ProposalValidationError` listing every problem with its
 * path, worded in `locale` (Danish by default): keys the format does not know, shape errors,
 * amounts outside ±10^12, years that are not consecutive, amounts that do not match the years,
 * unknown units, shares that do not sum to 1.
 */
export function normalizeProposal(input: unknown, options: { locale?: Locale } = {}): NormalizedProposal {
  const l = options.locale ?? 'da';
  const unknownKeys = findUnknownKeys(ProposalSchema, input).map(({ unknown, known }) => ({ path: pathText([...unknown.path, unknown.key]), message: unknownKeyMessage(unknown, known, l) }));
  const parsed = ProposalSchema.safeParse(input, { error: proposalErrorMap(l) });
  if (!parsed.success || unknownKeys.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message }));
    throw new ProposalValidationError([...unknownKeys, ...issues]);
  }
  const p = parsed.data;
  const problems: InputProblem[] = [];
  const units = new Map<string, UnitInfo>();
  const declared = new Map(p.otherUnits.map((name) => [name.toLowerCase(), otherUnit(name)]));

  for (let i = 1; i < p.years.length; i++) {
    if (p.years[i] !== p.years[i - 1] + 1) {
      problems.push({ path: `years[${i}]`, message: M.yearsNotConsecutive(l, { before: p.years[i - 1], after: p.years[i] }) });
      break;
    }
  }

  const resolve = (name: string, path: string): string => {
    const known = resolveUnit(name) ?? declared.get(name.trim().toLowerCase()) ?? null;
    if (!known) {
      problems.push({ path, message: M.unknownUnit(l, { name }) });
      return name.trim();
    }
    units.set(known.key, known);
    return known.key;
  };
  const checkAmounts = (values: number[], path: string) => {
    if (values.length !== p.years.length) {
      problems.push({ path, message: M.amountCount(l, { count: values.length, years: p.years.length, first: p.years[0], last: p.years[p.years.length - 1] }) });
    }
  };
  const resolveShares = (record: Record<string, number> | undefined, fallback: string, path: string): Share[] => {
    if (!record) return [{ unit: fallback, share: 1 }];
    const merged = new Map<string, number>();
    let sum = 0;
    for (const [name, share] of Object.entries(record)) {
      if (share < 0 || share > 1) problems.push({ path: `${path}.${name}`, message: M.shareRange(l, { share }) });
      const key = resolve(name, `${path}.${name}`);
      merged.set(key, (merged.get(key) ?? 0) + share);
      sum += share;
    }
    if (merged.size === 0) problems.push({ path, message: M.noShares(l) });
    else if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      problems.push({ path, message: M.sharesSum(l, { sum }) });
    }
    return [...merged].map(([unit, share]) => ({ unit, share }));
  };

  const effects = p.effects.map((e, i) => {
    const path = `effects[${i}]`;
    const u = resolve(e.unit, `${path}.unit`);
    checkAmounts(e.amounts, `${path}.amounts`);
    return { label: e.label, unit: u, amounts: e.amounts, credit: resolveShares(e.credit, u, `${path}.credit`) };
  });
  const operatingCosts = p.operatingCosts.map((d, i) => {
    const path = `operatingCosts[${i}]`;
    const u = resolve(d.unit, `${path}.unit`);
    checkAmounts(d.amounts, `${path}.amounts`);
    return { label: d.label, unit: u, amounts: d.amounts, financing: resolveShares(d.financing, u, `${path}.financing`) };
  });
  const transfers = p.transfers.map((t, i) => {
    const path = `transfers[${i}]`;
    const from = resolve(t.from, `${path}.from`);
    const to = resolve(t.to, `${path}.to`);
    if (from === to) problems.push({ path, message: M.sameUnitTransfer(l, { unit: from }) });
    checkAmounts(t.amounts, `${path}.amounts`);
    return { label: t.label, from, to, amounts: t.amounts };
  });
  const investments = p.investments.map((v, i) => {
    const path = `investments[${i}]`;
    const u = resolve(v.unit, `${path}.unit`);
    checkAmounts(v.amounts, `${path}.amounts`);
    return { label: v.label, kind: v.kind, unit: u, amounts: v.amounts };
  });

  if (problems.length > 0) throw new ProposalValidationError(problems);
  return { title: p.title, priceLevel: p.priceLevel, years: p.years, units, effects, operatingCosts, transfers, investments };
}
