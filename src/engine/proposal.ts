/**
 * The proposal format: what a budget officer enters for one proposal. External shape as a zod
 * schema; `normalizeProposal` adds the checks zod cannot express and resolves units.
 */
import { z } from 'zod';
import { ProposalValidationError, type InputProblem } from './errors';
import type { Locale } from './messages';
import { resolveKeys, unusedKeys, type ResolvedKey } from './distributionKeys';
import { Fraction } from './exact';
import { findUnknownKeys, KEY_MESSAGES as K, PROPOSAL_MESSAGES as M, proposalErrorMap, unknownKeyMessage, withinAmountLimit } from './proposalMessages';
import { otherUnit, resolveUnit, type UnitInfo } from './units';

// Messages come from `proposalErrorMap` (Danish or English), not from the schema.
const amounts = z.array(z.number().refine(withinAmountLimit, { params: { amount: true } }));
const shares = z.record(z.string(), z.number());
const label = z.string().trim().min(1);
const unit = z.string().trim().min(1);
/** `{ "key": "Timer" }`: the line is spread by the proposal's key of that name. */
const keyRef = z.object({ key: z.string().trim().min(1) });
// Worded by `proposalErrorMap` (invalid_union), in the caller's language.
const placement = z.union([unit, keyRef]);
const sharesOrKey = z.union([keyRef, shares]);
/** "Bevilling, profitcenter mv." as keyed in Kvantum ("Service", "3190, KS anlæg"). */
const bevilling = z.string().trim().min(1).optional();
/** Styringsområde: Service, Anlæg, Efterspørgselsstyret indsats/overførsler. */
const styringsomraade = z.string().trim().min(1).optional();
const basis = z.number();

export const EffectSchema = z.object({
  label,
  /** Where the effect hits the budget (Tabel C): a unit, or a key spreading it over units. */
  unit: placement,
  amounts,
  /** Whose måltal the effect counts for: shares that sum to 1, or a key (default: where it is placed). */
  credit: sharesOrKey.optional(),
  bevilling,
  styringsomraade,
});

export const OperatingCostSchema = z.object({
  label,
  unit: placement,
  amounts,
  /** Who finances the cost: shares that sum to 1, or a key (default: where it is placed). */
  financing: sharesOrKey.optional(),
  bevilling,
  styringsomraade,
});

export const TransferSchema = z.object({ label, from: placement, to: placement, amounts, bevilling, styringsomraade });

export const InvestmentSchema = z.object({
  label,
  kind: z.enum(['anlæg', 'service']),
  unit: placement,
  amounts,
  bevilling,
  styringsomraade,
});

/** A memo line ("heraf indkøbseffektiviseringer, som indgår i …"): shown in Tabel 1, never counted in A–E. */
export const MemoSchema = z.object({ label, amounts, styringsomraade });

export const ProposalSchema = z.object({
  title: z.string().default(''),
  /** Price and wage level (p/l) of every amount, e.g. 2025. */
  priceLevel: z.number().int().min(1990).max(2100),
  /** The price level the proposal is implemented in ("udarbejdet i 2025 p/l, udmøntes i 2024 p/l"). */
  implementedPriceLevel: z.number().int().min(1990).max(2100).optional(),
  years: z.array(z.number().int().min(1990).max(2100)).min(1),
  /** Fordelingsnøgler by name: a basis per unit, administration or other key (hours, devices, m², kr.). */
  keys: z.record(z.string().trim().min(1), z.record(z.string(), basis)).default({}),
  effects: z.array(EffectSchema).default([]),
  operatingCosts: z.array(OperatingCostSchema).default([]),
  transfers: z.array(TransferSchema).default([]),
  investments: z.array(InvestmentSchema).default([]),
  /** Memo lines shown in Tabel 1 as "heraf …", never counted in Tables A–E. */
  memo: z.array(MemoSchema).default([]),
  /** Names of units outside the catalogue that this proposal uses on purpose. */
  otherUnits: z.array(z.string().trim().min(1)).default([]),
});

/** A proposal as written (input side of the schema). */
export type ProposalInput = z.input<typeof ProposalSchema>;
/** A proposal written without keys: every unit a name, every credit and financing shares. */
export type UnkeyedProposalInput = Omit<ProposalInput, 'effects' | 'operatingCosts' | 'transfers' | 'investments'> & {
  effects?: (Omit<EffectInput, 'unit' | 'credit'> & { unit: string; credit?: Record<string, number> })[];
  operatingCosts?: (Omit<OperatingCostInput, 'unit' | 'financing'> & { unit: string; financing?: Record<string, number> })[];
  transfers?: (Omit<TransferInput, 'from' | 'to'> & { from: string; to: string })[];
  investments?: (Omit<InvestmentInput, 'unit'> & { unit: string })[];
};
type EffectInput = z.input<typeof EffectSchema>;
type OperatingCostInput = z.input<typeof OperatingCostSchema>;
type TransferInput = z.input<typeof TransferSchema>;
type InvestmentInput = z.input<typeof InvestmentSchema>;
/** A proposal after parsing, defaults filled in. */
export type Proposal = z.output<typeof ProposalSchema>;
export type Effect = z.output<typeof EffectSchema>;
export type OperatingCost = z.output<typeof OperatingCostSchema>;
export type Transfer = z.output<typeof TransferSchema>;
export type Investment = z.output<typeof InvestmentSchema>;

/** A unit's share of an amount, as a number (as people type it). */
export interface UnitShare {
  unit: string;
  share: number;
}

/** A share of an amount placed at, credited to, or financed by, one unit. */
export interface Share extends UnitShare {
  /** The share exactly (a key's basis over its total: 288/1342), for the calculation. */
  exact: Fraction;
}

/** What every normalized line carries. */
export interface NormalizedLine {
  label: string;
  amounts: number[];
  /** "Bevilling, profitcenter mv." (default: the styringsområde). */
  bevilling: string;
  /** Styringsområde (default: "Anlæg" for anlæg investments, otherwise "Service"). */
  styringsomraade: string;
}

/**
 * A line's place: `unit` is the unit key, or the key's name when the line is spread by a key
 * (`key` then holds that name); `placement` is where the amounts land, exactly.
 */
export interface Placed {
  unit: string;
  key: string | null;
  placement: Share[];
}

export interface NormalizedEffect extends NormalizedLine, Placed {
  credit: Share[];
  /** The key the credit follows, when it is given as a key. */
  creditKey: string | null;
}
export interface NormalizedOperatingCost extends NormalizedLine, Placed {
  financing: Share[];
  financingKey: string | null;
}
export interface NormalizedTransfer extends NormalizedLine {
  from: Placed;
  to: Placed;
}
export interface NormalizedInvestment extends NormalizedLine, Placed {
  kind: 'anlæg' | 'service';
}

/** A proposal with every unit resolved to its canonical key and every key made explicit. */
export interface NormalizedProposal {
  title: string;
  priceLevel: number;
  implementedPriceLevel: number | null;
  years: number[];
  units: Map<string, UnitInfo>;
  /** The proposal's keys, resolved to exact shares. */
  keys: Map<string, ResolvedKey>;
  effects: NormalizedEffect[];
  operatingCosts: NormalizedOperatingCost[];
  transfers: NormalizedTransfer[];
  investments: NormalizedInvestment[];
  memo: NormalizedLine[];
}

export const DEFAULT_STYRINGSOMRAADE = { service: 'Service', anlæg: 'Anlæg' } as const;

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
 * unknown units, shares that do not sum to 1, and key problems (a total of zero, a negative
 * basis, an unknown unit or key, a key no line uses).
 */
export function normalizeProposal(input: unknown, options: { locale?: Locale } = {}): NormalizedProposal {
  const l = options.locale ?? 'da';
  const unknownKeys = findUnknownKeys(ProposalSchema, input).map(({ unknown, known }) => ({
    path: pathText([...unknown.path, unknown.key]),
    message: unknownKeyMessage(unknown, known, l),
  }));
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
  const resolveUnitOrNull = (name: string, path: string): string | null => {
    const before = problems.length;
    const key = resolve(name, path);
    return problems.length > before ? null : key;
  };
  const keys = resolveKeys(p.keys, resolveUnitOrNull, problems, l);
  const usedKeys = new Set<string>();
  const keyShares = (name: string, path: string): Share[] | null => {
    const key = keys.get(name) ?? keys.get(findKeyName(p.keys, name) ?? '');
    if (key) {
      usedKeys.add(key.name);
      return key.shares.map((s) => ({ unit: s.unit, share: s.share.toNumber(), exact: s.share }));
    }
    const known = findKeyName(p.keys, name);
    if (known !== null) {
      usedKeys.add(known);
      return null; // reported with the key itself
    }
    const names = Object.keys(p.keys);
    problems.push({ path, message: K.unknownKey(l, { name, names }) });
    return null;
  };
  const place = (where: string | { key: string }, path: string): Placed => {
    if (typeof where === 'string') {
      const u = resolve(where, path);
      return { unit: u, key: null, placement: [{ unit: u, share: 1, exact: Fraction.ONE }] };
    }
    return { unit: where.key, key: where.key, placement: keyShares(where.key, `${path}.key`) ?? [] };
  };
  const resolveShares = (
    record: Record<string, number> | { key: string } | undefined,
    fallback: Placed,
    path: string,
  ): { shares: Share[]; key: string | null } => {
    if (!record) return { shares: fallback.placement, key: fallback.key };
    if (isKeyRef(record)) return { shares: keyShares(record.key, `${path}.key`) ?? [], key: record.key };
    const merged = new Map<string, Fraction>();
    let sum = 0;
    for (const [name, share] of Object.entries(record)) {
      if (share < 0 || share > 1) problems.push({ path: `${path}.${name}`, message: M.shareRange(l, { share }) });
      const key = resolve(name, `${path}.${name}`);
      merged.set(key, (merged.get(key) ?? Fraction.ZERO).add(Fraction.fromShare(share)));
      sum += share;
    }
    if (merged.size === 0) problems.push({ path, message: M.noShares(l) });
    else if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      problems.push({ path, message: M.sharesSum(l, { sum }) });
    }
    return { shares: [...merged].map(([unit, exact]) => ({ unit, share: exact.toNumber(), exact })), key: null };
  };
  const line = (
    item: { label: string; amounts: number[]; bevilling?: string; styringsomraade?: string },
    path: string,
    kind: 'service' | 'anlæg' = 'service',
  ): NormalizedLine => {
    checkAmounts(item.amounts, `${path}.amounts`);
    const styring = item.styringsomraade ?? DEFAULT_STYRINGSOMRAADE[kind];
    return { label: item.label, amounts: item.amounts, bevilling: item.bevilling ?? styring, styringsomraade: styring };
  };

  const effects = p.effects.map((e, i): NormalizedEffect => {
    const path = `effects[${i}]`;
    const placed = place(e.unit, `${path}.unit`);
    const credit = resolveShares(e.credit, placed, `${path}.credit`);
    return { ...line(e, path), ...placed, credit: credit.shares, creditKey: credit.key };
  });
  const operatingCosts = p.operatingCosts.map((d, i): NormalizedOperatingCost => {
    const path = `operatingCosts[${i}]`;
    const placed = place(d.unit, `${path}.unit`);
    const financing = resolveShares(d.financing, placed, `${path}.financing`);
    return { ...line(d, path), ...placed, financing: financing.shares, financingKey: financing.key };
  });
  const transfers = p.transfers.map((t, i): NormalizedTransfer => {
    const path = `transfers[${i}]`;
    const from = place(t.from, `${path}.from`);
    const to = place(t.to, `${path}.to`);
    if (from.key === null && to.key === null && from.unit === to.unit) {
      problems.push({ path, message: M.sameUnitTransfer(l, { unit: from.unit }) });
    }
    return { ...line(t, path), from, to };
  });
  const investments = p.investments.map((v, i): NormalizedInvestment => {
    const path = `investments[${i}]`;
    return { ...line(v, path, v.kind), ...place(v.unit, `${path}.unit`), kind: v.kind };
  });
  const memo = p.memo.map((m, i): NormalizedLine => line(m, `memo[${i}]`));
  for (const name of unusedKeys(p.keys, usedKeys)) {
    problems.push({ path: `keys.${name}`, message: K.unusedKey(l, { name }) });
  }

  if (problems.length > 0) throw new ProposalValidationError(problems);
  return {
    title: p.title,
    priceLevel: p.priceLevel,
    implementedPriceLevel: p.implementedPriceLevel ?? null,
    years: p.years,
    units,
    keys,
    effects,
    operatingCosts,
    transfers,
    investments,
    memo,
  };
}

function isKeyRef(value: object): value is { key: string } {
  return typeof (value as { key?: unknown }).key === 'string';
}

/** A key's name as the proposal spells it, matched without regard to case. */
function findKeyName(keys: Record<string, unknown>, name: string): string | null {
  const folded = name.trim().toLowerCase();
  return Object.keys(keys).find((k) => k.trim().toLowerCase() === folded) ?? null;
}
