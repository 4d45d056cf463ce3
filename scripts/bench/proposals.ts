/**
 * Random proposals shaped like the catalogue's: a few effects (savings, negative), permanent
 * operating costs (positive) with a financing key, now and then a transfer between units, and
 * investments in the first years. Units are written the ways people write them.
 */
import type { ProposalInput } from '../../src/engine';
import type { Rng } from './random';

const UNITS = ['ØU', 'KS', 'KIT', 'KEJD', 'BYK', 'KFU', 'BUU', 'SUU', 'SU', 'TMU', 'BIU'] as const;

// What a person may type for a unit: key, administration, full or PDF-hyphenated name.
export const WRITTEN: Record<string, string[]> = {
  ØU: ['ØU', 'ØKF', 'Økonomiudvalget'],
  KS: ['KS', 'Koncernservice'],
  KIT: ['KIT', 'Koncern IT'],
  KEJD: ['KEJD', 'KEID', 'Københavns Ejen-domme'],
  BYK: ['BYK', 'Byggeri København'],
  KFU: ['KFU', 'KFF', 'Kultur- og Fritidsudvalget'],
  BUU: ['BUU', 'BUF', 'Børne- og Ungdomsudvalget'],
  SUU: ['SUU', 'SUF', 'Sundheds- og Om-sorgsudvalget'],
  SU: ['SU', 'SOF', 'Socialudvalget'],
  TMU: ['TMU', 'TMF', 'Teknik- og Miljøud-valget'],
  BIU: ['BIU', 'BIF', 'Beskæftigelses- og Integrationsudvalget'],
};

const EFFECT_LABELS = [
  'Effektivisering af administration',
  'Digital postløsning',
  'Færre manuelle sagsgange',
  'Samling af indkøb',
  'Reduceret husleje',
  'Indtægter fra udlejning',
];
const COST_LABELS = ['Drift af system', 'Licenser', 'Vedligehold af arbejdsgange', 'Support'];
const INVESTMENT_LABELS = ['Projektressourcer', 'Udvikling af IT-system', 'Eksterne leverandører', 'Ombygning'];

function written(rng: Rng, unit: string): string {
  return rng.chance(0.7) ? unit : rng.pick(WRITTEN[unit]);
}

function twoUnits(rng: Rng): [string, string] {
  const a = rng.pick(UNITS);
  let b = rng.pick(UNITS);
  while (b === a) b = rng.pick(UNITS);
  return [a, b];
}

function split(rng: Rng): Record<string, number> {
  const [a, b] = twoUnits(rng);
  const share = rng.pick([0.25, 0.5, 0.75, 0.4]);
  return { [written(rng, a)]: share, [written(rng, b)]: 1 - share };
}

/** Amounts that ramp up from a start year and then stay (a permanent effect). */
function ramp(rng: Rng, n: number, sign: 1 | -1, max: number): number[] {
  const start = rng.int(0, Math.min(2, n - 1));
  const full = rng.int(10, max);
  return Array.from({ length: n }, (_, i) => (i < start ? 0 : i === start && rng.chance(0.5) ? sign * Math.round(full / 2) : sign * full));
}

/** One-off amounts in the first two years. */
function oneOff(rng: Rng, n: number, max: number): number[] {
  return Array.from({ length: n }, (_, i) => (i < 2 && rng.chance(0.8) ? rng.int(50, max) : 0));
}

export function randomProposal(rng: Rng, index: number): ProposalInput {
  const first = rng.pick([2024, 2025]);
  const n = rng.int(4, 7);
  const years = Array.from({ length: n }, (_, i) => first + i);
  const effects = Array.from({ length: rng.int(1, 4) }, () => ({
    label: rng.pick(EFFECT_LABELS),
    unit: written(rng, rng.pick(UNITS)),
    amounts: ramp(rng, n, -1, 5000),
    ...(rng.chance(0.3) ? { credit: split(rng) } : {}),
  }));
  const operatingCosts = Array.from({ length: rng.int(0, 2) }, () => ({
    label: rng.pick(COST_LABELS),
    unit: written(rng, rng.pick(UNITS)),
    amounts: ramp(rng, n, 1, 800),
    ...(rng.chance(0.5) ? { financing: split(rng) } : {}),
  }));
  const transfers = rng.chance(0.25)
    ? [(([from, to]) => ({ label: 'Bevillingsflyt', from: written(rng, from), to: written(rng, to), amounts: ramp(rng, n, 1, 600) }))(twoUnits(rng))]
    : [];
  const investments = Array.from({ length: rng.int(0, 3) }, () => ({
    label: rng.pick(INVESTMENT_LABELS),
    kind: rng.pick(['anlæg', 'service'] as const),
    unit: written(rng, rng.pick(UNITS)),
    amounts: oneOff(rng, n, 3000),
  }));
  return { title: `Forslag ${index + 1}`, priceLevel: 2025, years, effects, operatingCosts, transfers, investments };
}
