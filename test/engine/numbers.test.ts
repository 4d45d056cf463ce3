/**
 * Numbers as Danish budget staff type them, through parseNumber and formatDanish.
 */
import { formatDanish, parseNumber, parseNumberText, toCell, type CellValue } from '../../src/engine';

const read = (v: unknown) => parseNumber(toCell(v));
const value = (v: unknown) => {
  const p = read(v);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('parseNumber', () => {
  it.each([
    ['1.144', 1144],
    ['-1.144', -1144],
    ['1.144.000', 1144000],
    ['0,5', 0.5],
    ['1.144,5', 1144.5],
    ['1144,25', 1144.25],
    [',5', 0.5],
    ['1 144', 1144],
    ['1\u00A0144', 1144],
    ['– 300', -300],
    ['\u2212300', -300],
    ['(1.144)', -1144],
    ['( 300 )', -300],
    ['297 kr.', 297],
    ['-306.376 kr.', -306376],
    ['12 t.kr.', 12],
    ['12 %', 0.12],
    ['+5', 5],
    ['1.5', 1.5],
    ['0.25', 0.25],
    ['2.12345', 2.12345],
    ['1.14', 1.14],
    ['1.1444', 1.1444],
    ['  42  ', 42],
    ['007', 7],
  ])('%j is %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(['-0', '0', '0,0', '-0,0', '(0)', '0 %'])('%j is 0, never -0', (text) => {
    expect(Object.is(value(text), 0)).toBe(true);
  });

  it.each([[''], ['-'], ['–'], [' - '], ['   '], [null]])('%j is blank', (text) => {
    expect(read(text)).toEqual({ kind: 'blank' });
  });

  it.each(['--43.142', '- -3', '(-5)', '1,2,3', '1.2.3', 'abc', '12a', ',', '1.144.00', '1 14 4', '%', 'kr.', '+', '(', '1..2'])(
    '%j is not a number, and says what it read',
    (text) => {
      expect(read(text)).toEqual({ kind: 'invalid', text });
    },
  );

  it('reads numbers, keeps -0 out and refuses what is not finite', () => {
    expect(read(-1474)).toEqual({ kind: 'number', value: -1474 });
    expect(Object.is(value(-0), 0)).toBe(true);
    expect(read(Number.NaN)).toEqual({ kind: 'invalid', text: 'NaN' });
    expect(read(Number.POSITIVE_INFINITY)).toEqual({ kind: 'invalid', text: 'Infinity' });
  });

  it('refuses booleans, dates and Excel errors with their text', () => {
    const cells: [CellValue, string][] = [
      [{ kind: 'boolean', value: true }, 'TRUE'],
      [{ kind: 'boolean', value: false }, 'FALSE'],
      [{ kind: 'date', value: new Date(Date.UTC(2025, 0, 31)) }, '2025-01-31'],
      [{ kind: 'date', value: new Date(Number.NaN) }, 'Invalid Date'],
      [{ kind: 'error', value: '#DIV/0!' }, '#DIV/0!'],
    ];
    for (const [cell, text] of cells) expect(parseNumber(cell)).toEqual({ kind: 'invalid', text });
  });

  it('the fast path and the general path agree on plain thousands', () => {
    expect(parseNumberText('-1.474')).toEqual({ kind: 'number', value: -1474 });
    expect(parseNumberText('297')).toEqual({ kind: 'number', value: 297 });
    expect(parseNumberText('-0')).toEqual({ kind: 'number', value: 0 });
    expect(Object.is((parseNumberText('-0') as { value: number }).value, 0)).toBe(true);
  });
});

describe('formatDanish', () => {
  it.each([
    [-1474, 0, '-1.474'],
    [1144000, 0, '1.144.000'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [0, 0, '0'],
    [-0.4, 0, '0'],
    [-0.001, 2, '0,00'],
    [1234.5, 2, '1.234,50'],
    [-1234.567, 2, '-1.234,57'],
    [0.5, 1, '0,5'],
    [-368.75, 0, '-369'],
  ])('%d with %d decimals is %j', (v, decimals, text) => {
    expect(formatDanish(v, decimals)).toBe(text);
  });

  it('defaults to whole numbers, and reads back as what it wrote', () => {
    expect(formatDanish(-12345.4)).toBe('-12.345');
    for (const v of [-1474, 0, 5, 1144000, -2.5]) expect(value(formatDanish(v, 1))).toBe(v);
  });
});
