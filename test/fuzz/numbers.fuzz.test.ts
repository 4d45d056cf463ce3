/**
 * Issue 5, fuzzing the grid reader's leaves: `parseNumber` reads every cell value without
 * throwing and never returns a number that is not one; A1 addresses and sheet references
 * survive a round trip.
 */
import fc from 'fast-check';
import {
  AddressError,
  columnLetters,
  formatDanish,
  fromA1,
  parseNumber,
  parseNumberText,
  rangeFromA1,
  sheetRef,
  splitSheetAddress,
  toA1,
} from '../../src/engine';
import { cell, NUMBER_TEXT, runs, text } from './arbitraries';

describe('issue 5: parseNumber on anything a cell holds', () => {
  it('never throws, and a number it returns is finite and never -0', () => {
    fc.assert(
      fc.property(cell, (value) => {
        const parsed = parseNumber(value);
        if (parsed.kind === 'number' && (!Number.isFinite(parsed.value) || Object.is(parsed.value, -0))) throw new Error(`read ${String(parsed.value)}`);
        if (parsed.kind === 'invalid' && typeof parsed.text !== 'string') throw new Error('invalid without its text');
      }),
      runs(3000),
    );
  });

  it('reads what formatDanish writes, with or without decimals and a minus', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const value = n / 10 ** decimals;
        const parsed = parseNumberText(formatDanish(value, decimals));
        expect(parsed).toEqual({ kind: 'number', value: Number(value.toFixed(decimals)) || 0 });
      }),
      runs(2000),
    );
  });

  it('reads plain digits and Danish thousands ("-1.474") as the number they write', () => {
    const plain = fc.oneof(fc.stringMatching(/^-?\d{1,18}$/), fc.stringMatching(/^-?\d{1,3}(\.\d{3}){1,5}$/));
    fc.assert(
      fc.property(plain, (s) => {
        expect(parseNumberText(s)).toEqual({ kind: 'number', value: Number(s.replace(/\./g, '')) || 0 });
      }),
      runs(2000),
    );
  });

  it('calls blank only what holds no digit', () => {
    fc.assert(
      fc.property(text, (s) => {
        if (parseNumberText(s).kind === 'blank' && /\d/.test(s)) throw new Error(`"${s}" read as blank`);
      }),
      runs(2000),
    );
  });

  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('a number cell holding %p is invalid, not a number', (value, shown) => {
    expect(parseNumber({ kind: 'number', value })).toEqual({ kind: 'invalid', text: shown });
  });

  it('reads -0 as 0, an invalid date as invalid, and text too large for a double as invalid', () => {
    expect(Object.is((parseNumber({ kind: 'number', value: -0 }) as { value: number }).value, 0)).toBe(true);
    expect(parseNumberText('-0')).toEqual({ kind: 'number', value: 0 });
    expect(parseNumber({ kind: 'date', value: new Date(NaN) })).toEqual({ kind: 'invalid', text: 'Invalid Date' });
    expect(parseNumberText('9'.repeat(400)).kind).toBe('invalid');
    expect(parseNumberText('1E400').kind).toBe('invalid');
    for (const s of NUMBER_TEXT) expect(() => parseNumberText(s)).not.toThrow();
  });
});

describe('issue 5: addresses and sheet references', () => {
  it('toA1 and fromA1 are inverse over the whole sheet (1,048,576 rows × 16,384 columns)', () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), (row, col) => {
        expect(fromA1(toA1({ row, col }))).toEqual({ row, col });
      }),
      runs(3000),
    );
    expect(columnLetters(16_383)).toBe('XFD');
  });

  it('rangeFromA1 either reads a range or throws AddressError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\$?[A-Z]{1,4}\$?\d{1,8}(:\$?[A-Z]{1,4}\$?\d{1,8}){0,2}$/)), (s) => {
        try {
          const r = rangeFromA1(s);
          if (r.start.row > r.end.row || r.start.col > r.end.col) throw new Error(`unordered range from ${s}`);
        } catch (error) {
          if (!(error instanceof AddressError)) throw error;
        }
      }),
      runs(2000),
    );
  });

  it('a reference sheetRef writes splits back into the same sheet name and address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1, maxLength: 31 }), fc.constantFrom('Forslag 4', "Bob's", 'A1', 'R1C1', 'Tabel!A', "''")), (name) => {
        expect(splitSheetAddress(sheetRef(name, 'C7'))).toEqual({ sheet: name, address: 'C7' });
      }),
      runs(2000),
    );
  });

  it('quotes sheet names Excel would read as a cell reference in A1 or R1C1 style', () => {
    for (const name of ['A1', 'XFD1048576', 'R1C1', 'R', 'C', 'RC', 'R2C', 'rc3', 'C12', 'BC01', '2025', 'TRUE'])
      expect(sheetRef(name, 'A1')).toBe(`'${name}'!A1`);
    for (const name of ['Forslag', 'Ark_1', 'Rapport', 'RCX', 'Cost']) expect(sheetRef(name, 'A1')).toBe(`${name}!A1`);
  });
});
