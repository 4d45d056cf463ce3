/**
 * Fordelingsnøgler in the proposal format: bases per unit or administration, exact shares,
 * problems reported with their paths, and the old share format still working.
 */
import { computeProposal, Fraction, roundFractionsLargestRemainder, type ProposalInput, type ResultTable } from '../../src/engine';
import { validationProblems } from '../support/proposals';

const base = (): ProposalInput => ({ title: 'Nøgler', priceLevel: 2025, years: [2025, 2026, 2027] });

function rows(table: ResultTable): Record<string, number[]> {
  return Object.fromEntries(table.rows.filter((r) => r.values.some((v) => v !== 0)).map((r) => [r.unit, r.values]));
}

describe('keys in the proposal format', () => {
  it('takes the exact shape of the catalogue’s hours key (committees) and spreads the amounts over it', () => {
    const r = computeProposal({
      ...base(),
      years: [2024, 2025, 2026, 2027, 2028, 2029],
      keys: { Timer: { ØU: 288, KFU: 142, BUU: 155, SUU: 73, SU: 262, TMU: 187, BIU: 235 } },
      effects: [{ label: 'Leders godkendelse', unit: { key: 'Timer' }, amounts: [0, 0, -550, -880, -880, -880] }],
    });
    expect(rows(r.tables.A)).toEqual({
      ØU: [0, 0, -118, -189, -189, -189],
      KFU: [0, 0, -58, -93, -93, -93],
      BUU: [0, 0, -64, -102, -102, -102],
      SUU: [0, 0, -30, -48, -48, -48],
      SU: [0, 0, -107, -172, -172, -172],
      TMU: [0, 0, -77, -122, -122, -122],
      BIU: [0, 0, -96, -154, -154, -154],
    });
    expect(r.tables.C.rows).toEqual(r.tables.A.rows);
    expect(r.tables.B.rows.every((row) => row.values.every((v) => v === 0))).toBe(true);
  });

  it('counts administrations for their committee: the same key by ØKF, KFF, … gives the same tables', () => {
    const byCommittee = { ØU: 288, KFU: 142, BUU: 155, SUU: 73, SU: 262, TMU: 187, BIU: 235 };
    const byAdministration = { ØKF: 288, KFF: 142, BUF: 155, SUF: 73, SOF: 262, TMF: 187, BIF: 235 };
    const compute = (key: Record<string, number>) =>
      computeProposal({ ...base(), keys: { Timer: key }, effects: [{ label: 'e', unit: { key: 'Timer' }, amounts: [-550, -880, -1] }] }).tables;
    expect(compute(byAdministration)).toEqual(compute(byCommittee));
  });

  it('credits and finances by a key: placed at KEJD, credited by rent (BC02’s model)', () => {
    const r = computeProposal({
      ...base(),
      keys: { Leje: { KFF: 3, SOF: 1 } },
      effects: [{ label: 'Indtægt', unit: 'KEJD', credit: { key: 'Leje' }, amounts: [-400, -400, -400] }],
      operatingCosts: [{ label: 'Drift', unit: 'KEJD', financing: { key: 'Leje' }, amounts: [100, 100, 100] }],
    });
    expect(rows(r.tables.A)).toEqual({ KFU: [-225, -225, -225], SU: [-75, -75, -75] });
    expect(rows(r.tables.C)).toEqual({ KEJD: [-300, -300, -300] });
    expect(rows(r.tables.B)).toEqual({ KEJD: [-300, -300, -300], KFU: [225, 225, 225], SU: [75, 75, 75] });
  });

  it('places investments and transfers by a key', () => {
    const r = computeProposal({
      ...base(),
      keys: { Halvt: { BUF: 1, SOF: 1 } },
      transfers: [{ label: 'flyt', from: 'KIT', to: { key: 'Halvt' }, amounts: [10, 10, 10] }],
      investments: [{ label: 'i', kind: 'service', unit: { key: 'Halvt' }, amounts: [1100, 550, 0] }],
    });
    expect(rows(r.tables.E)).toEqual({ BUU: [550, 275, 0], SU: [550, 275, 0] });
    expect(rows(r.tables.C)).toEqual({ KIT: [-10, -10, -10], BUU: [5, 5, 5], SU: [5, 5, 5] });
  });

  it('splits ØKF’s basis over ØU’s rows by a key named ØKF (Forslag 5), and ØKF counts for ØU without one', () => {
    const split = computeProposal({
      ...base(),
      keys: { Enheder: { ØKF: 600, BUF: 400 }, ØKF: { ØU: 1, KS: 1, KEJD: 4 } },
      effects: [{ label: 'e', unit: { key: 'Enheder' }, amounts: [-1000, -1000, -1000] }],
    });
    expect(rows(split.tables.A)).toEqual({ ØU: [-100, -100, -100], KS: [-100, -100, -100], KEJD: [-400, -400, -400], BUU: [-400, -400, -400] });
    const whole = computeProposal({
      ...base(),
      keys: { Enheder: { ØKF: 600, BUF: 400 } },
      effects: [{ label: 'e', unit: { key: 'Enheder' }, amounts: [-1000, -1000, -1000] }],
    });
    expect(rows(whole.tables.A)).toEqual({ ØU: [-600, -600, -600], BUU: [-400, -400, -400] });
  });

  it('keeps the old share format working', () => {
    const r = computeProposal({ ...base(), operatingCosts: [{ label: 'd', unit: 'TMU', amounts: [345, 345, 345], financing: { ØU: 0.25, TMU: 0.75 } }] });
    expect(rows(r.tables.A)).toEqual({ ØU: [86, 86, 86], TMU: [259, 259, 259] });
  });
});

describe('exact distribution', () => {
  it('does not pre-round shares: 1/3 of 3 units is exactly 1 each, and a row lands exactly on .5', () => {
    // By shares written as rounded decimals 0.3333 the rows would be 0.9999 and the rounding could not see 1.
    const r = computeProposal({ ...base(), keys: { Tre: { KFU: 1, BUU: 1, SU: 1 } }, effects: [{ label: 'e', unit: { key: 'Tre' }, amounts: [-3, 3, -1.5] }] });
    // −0,5 each, total −2: the missing unit goes back to the first row of equal remainders.
    expect(rows(r.tables.A)).toEqual({ KFU: [-1, 1, 0], BUU: [-1, 1, -1], SU: [-1, 1, -1] });
    expect(r.tables.A.total).toEqual([-3, 3, -2]);
  });

  it('sums a unit’s shares of several lines before rounding (Σ amount · basis / total)', () => {
    // 0,4 of 1 and 0,4 of 1 on the same unit: 0,8 → 1; rounding each line first would give 0.
    const r = computeProposal({
      ...base(),
      keys: { K: { KFU: 2, BUU: 3 } },
      effects: [
        { label: 'a', unit: { key: 'K' }, amounts: [1, 0, 0] },
        { label: 'b', unit: { key: 'K' }, amounts: [1, 0, 0] },
      ],
    });
    expect(rows(r.tables.A)).toEqual({ KFU: [1, 0, 0], BUU: [1, 0, 0] });
  });

  it('keeps fractions exact where binary floating point would not: 288/1342 of 880', () => {
    const share = Fraction.of(288n, 1342n);
    expect(Fraction.fromNumber(-880).mul(share).compare(Fraction.of(-126720n, 671n))).toBe(0);
    expect(Fraction.fromNumber(0.1).add(Fraction.fromNumber(0.2)).compare(Fraction.fromNumber(0.3))).toBe(0);
    expect(Fraction.fromNumber(1e-7).compare(Fraction.of(1n, 10_000_000n))).toBe(0);
    expect(Fraction.of(-5n, 2n).roundHalfAway()).toBe(-3);
    expect(Fraction.of(5n, 2n).roundHalfAway()).toBe(3);
    expect(Fraction.of(-7n, 3n).floor()).toBe(-3n);
    expect(roundFractionsLargestRemainder([Fraction.of(1n, 3n), Fraction.of(1n, 3n), Fraction.of(1n, 3n)], 1)).toEqual([1, 0, 0]);
  });
});

describe('key problems are reported with their paths', () => {
  it('zero and negative totals, negative bases, unknown units, unknown and unused keys', () => {
    const list = validationProblems({
      ...base(),
      keys: { Nul: { KFU: 0, BUU: 0 }, Minus: { KFU: -1, BUU: 2 }, Ukendt: { Tivoli: 1 }, Ubrugt: { KFU: 1 } },
      effects: [
        { label: 'a', unit: { key: 'Nul' }, amounts: [1, 1, 1] },
        { label: 'b', unit: { key: 'Minus' }, amounts: [1, 1, 1] },
        { label: 'c', unit: 'TMU', credit: { key: 'Ukendt' }, amounts: [1, 1, 1] },
        { label: 'd', unit: { key: 'Findesikke' }, amounts: [1, 1, 1] },
      ],
    });
    expect(list).toEqual([
      'keys.Nul: nøglen "Nul" summerer til 0; mindst én enhed skal have et grundlag over 0',
      'keys.Minus.KFU: grundlaget -1 er negativt; en nøgles grundlag (timer, enheder, m², kr.) skal være 0 eller derover',
      expect.stringMatching(/^keys\.Ukendt\.Tivoli: ukendt udvalg "Tivoli"/),
      'effects[3].unit.key: ukendt fordelingsnøgle "Findesikke" (forslagets nøgler er Nul, Minus, Ukendt, Ubrugt)',
      'keys.Ubrugt: nøglen "Ubrugt" bruges ikke af nogen linje; brug den som { "key": "Ubrugt" } eller slet den',
    ]);
  });

  it('a key that splits into itself through another is reported, not looped', () => {
    const list = validationProblems({ ...base(), keys: { A: { B: 1 }, B: { A: 1 } }, effects: [{ label: 'a', unit: { key: 'A' }, amounts: [1, 1, 1] }] });
    expect(list[0]).toMatch(/^keys\.A: nøglen "A" fordeler sig selv i ring/);
  });

  it('a unit that is neither a name nor a key is a Danish shape error', () => {
    expect(validationProblems({ ...base(), effects: [{ label: 'a', unit: 7, amounts: [1, 1, 1] }] })).toEqual([
      'effects[0].unit: skal være et udvalg ("TMU") eller en fordelingsnøgle ({ "key": "Timer" })',
    ]);
  });
});

describe('largest remainder on exact fractions', () => {
  it('hands out a target far from the rounded-down sum in whole rounds, then by remainder', () => {
    const third = Fraction.of(1n, 3n);
    expect(roundFractionsLargestRemainder([third, third, third], 1000)).toEqual([334, 333, 333]);
    expect(roundFractionsLargestRemainder([third, third, third], -1000)).toEqual([-333, -333, -334]);
  });
});

describe('shares given as decimals', () => {
  it('are read as the fraction they stand for, so a tie is decided by the row order (11/30 is 11/30)', () => {
    // 10.872 over 7/30, 11/30, 1/30, 11/30: KEJD and KFU tie at 3.986,4 and KEJD comes first.
    const r = computeProposal({
      title: 'Andele som decimaltal',
      priceLevel: 2025,
      years: [2025],
      operatingCosts: [{ label: 'd', unit: 'ØU', amounts: [10872], financing: { ØU: 7 / 30, KEJD: 11 / 30, TMU: 1 / 30, KFU: 11 / 30 } }],
    });
    const a = Object.fromEntries(r.tables.A.rows.filter((x) => x.values[0] !== 0).map((x) => [x.unit, x.values[0]]));
    expect(a).toEqual({ ØU: 2537, KEJD: 3987, KFU: 3986, TMU: 362 });
  });
});
