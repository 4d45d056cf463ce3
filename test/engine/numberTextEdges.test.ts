/**
 * Number text at the edges of what parseNumberText accepts: every dash and space a keyboard or a
 * PDF copy gives, currency suffixes in their spellings, signs with a space after them, and text
 * that only looks like a number. Each is either read as the number it says or refused whole.
 */
import { formatDanish, parseNumber, parseNumberText, toCell } from '../../src/engine';

const value = (text: string) => {
  const p = parseNumberText(text);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('parseNumberText reads', () => {
  it.each([
    ['\u2010300', -300], // hyphen
    ['\u2011300', -300], // non-breaking hyphen
    ['\u2013300', -300], // en dash
    ['\u2014 300', -300], // em dash
    ['\u2015300', -300], // horizontal bar
    ['\uFE63300', -300], // small hyphen-minus
    ['\uFF0D300', -300], // fullwidth hyphen-minus
  ])('%j, a minus sign typed as a dash, as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['1  144', 1144],
    ['1\u202F144', 1144],
    ['1\u2007144', 1144],
    ['1\t144', 1144],
    ['1 144,5', 1144.5],
    ['1 144 000', 1144000],
  ])('%j, thousands split by spaces, as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each([
    ['297kr.', 297],
    ['297 kr', 297],
    ['297 KR.', 297],
    ['12 t. kr.', 12],
    ['12 t.kr', 12],
    ['(297 kr.)', -297],
    ['( 12 % )', -0.12],
    ['- 3', -3],
    ['+ 5', 5],
    ['-0,5', -0.5],
    ['(0,5)', -0.5],
    ['1.144,55', 1144.55],
    ['12.5', 12.5],
    ['12.3456', 12.3456],
  ])('%j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('parseNumberText refuses', () => {
  it.each([
    'x(5)',
    '(5)x',
    '()',
    'kr. 297',
    '297 kr. ekstra',
    '1 1444',
    '12 34',
    '1234.567',
    '.474',
    '1.',
    '1.144,',
    '1,5.000',
    '5-',
    '(5',
    '5)',
    '++5',
    '+-5',
    '12 %%',
    '--1.5',
    '--1.5555',
    '1.2345e5',
  ])('%j, and says what it read', (text) => {
    expect(parseNumberText(text)).toEqual({ kind: 'invalid', text });
  });

  it('a number too long to be finite, with or without separators', () => {
    const digits = '9'.repeat(400);
    for (const text of [digits, `-${digits}`, `(${digits})`, `${digits},5`]) expect(parseNumberText(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('parseNumber on a cell', () => {
  it('reads a number cell as it is and refuses a number that is not finite', () => {
    expect(parseNumber({ kind: 'number', value: 0.125 })).toEqual({ kind: 'number', value: 0.125 });
    expect(parseNumber({ kind: 'number', value: Number.NEGATIVE_INFINITY })).toEqual({ kind: 'invalid', text: '-Infinity' });
  });

  it('reads text cells the same way as parseNumberText', () => {
    for (const text of ['-1.474', '(1.144)', '12 %', 'abc']) expect(parseNumber(toCell(text))).toEqual(parseNumberText(text));
  });
});

describe('formatDanish', () => {
  it.each([
    [12, 0, '12'],
    [123, 0, '123'],
    [1234, 0, '1.234'],
    [12345, 0, '12.345'],
    [123456, 0, '123.456'],
    [1234567, 0, '1.234.567'],
    [-1234567.891, 1, '-1.234.567,9'],
    [0.004, 2, '0,00'],
    [-0.005, 3, '-0,005'],
    [1000000.5, 0, '1.000.001'],
  ])('%d with %d decimals is %j', (v, decimals, text) => {
    expect(formatDanish(v, decimals)).toBe(text);
  });
});
