/**
 * What people and hosts put into cells, as fast-check arbitraries: Danish number text and its
 * near misses, numbers of every IEEE kind, dates valid and invalid, Excel error values, booleans,
 * long strings, and the titles, units and year rows that make table discovery start reading.
 *
 * Runs are modest by default so `npm test` stays fast; `npm run test:fuzz-long` runs many more
 * (see {@link runs} and README-bench.md).
 */
import fc from 'fast-check';
import { formatDanish, type CellValue, type SheetGrid } from '../../src/engine';

const LONG = Number(process.env.FUZZ_RUNS) || 0;

/**
 * fast-check parameters with a fixed seed (FUZZ_SEED overrides it): `base` runs, or with
 * FUZZ_RUNS=N, N runs of an in-memory property and N / 100 of a costly one (real .xlsx files,
 * 16,384-column rows), never fewer than `base`.
 */
export function runs(base: number, cost: 'cheap' | 'costly' = 'cheap'): fc.Parameters<unknown> {
  const numRuns = LONG > 0 ? Math.max(base, Math.round(cost === 'costly' ? LONG / 100 : LONG)) : base;
  const seed = Number(process.env.FUZZ_SEED) || 20250;
  return { numRuns, seed };
}

export const EXCEL_ERRORS = [
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#N/A',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
];

export const TITLES = [
  'Tabel A.',
  'Tabel A. Måltalseffekt',
  'Table C.',
  'Tablet 1.',
  'Tabel B. Bevillingsmæssig effekt - varig drift',
  'Tabel C. Bevillingsmæssig effekt – hvis forslaget indarbejdes',
  'Tabel D. Fordeling af anlægsinvesteringer',
  'Tabel E',
  'tabel e:',
  'Måltaleffekt',
  'Tabel 1. Forslagets samlede økonomiske konsekvenser',
  'Tabel 2. Forslagets samlede økonomiske konsekvenser',
  'Forslagets samlede økonomiske konsekvenser',
  'Tabel 3',
  'Tabel iv.',
];

const LABELS = [
  'Total',
  'I alt',
  'i alt',
  'Sum',
  'Totalt',
  'Udvalg',
  'Bevilling, profitcenter mv.*',
  'Styringsområde',
  '1.000 kr. 2025 p/l',
  '1.000 kr. 2024 p/1',
  '1.000 kr. løbende p/l',
  'Økonomiudvalget',
  'ØU',
  'KS',
  'KEID',
  'SOF',
  'Sundheds- og Om-sorgsudvalget',
  'Teknik- og Miljøud-valget',
  'Borgerrådgiveren',
  'Rådhuset',
  'Varige ændringer (effektiviseringer og drift)',
  'Samlet varig ændring',
  'Samlet varig ændring, service',
  'Samlet varig ændring, service SOF',
  'Implementeringsomkostninger (midler fra investeringspuljen)',
  'Samlede implementeringsomkostninger',
  'Samlede implementeringsomkostninger, anlæg',
  'Samlet økonomisk påvirkning',
  'Tilbagebetalingstid baseret på totaløkonomi',
  '4 år (2028)',
  '99 år (1990)',
  'Anlæg',
  'Service',
  'heraf KS',
  '* I forbindelse med vedtagelsen',
  'Note',
];

/** Text a person types for a number, and the ways it goes wrong. */
export const NUMBER_TEXT = [
  '-',
  '–',
  '—',
  '−',
  '-0',
  '0',
  '--43.142',
  '- -5',
  '-1.474',
  '1.144',
  '1.144,5',
  '0,5',
  ',5',
  '1 144',
  '(1.144)',
  '((1))',
  '(-5)',
  '-(5)',
  '8 %',
  '8%%',
  '1.144 kr.',
  '1.144 t. kr.',
  '1.14',
  '1.1444',
  '1..144',
  '1.144,',
  '1,2,3',
  '1.144.5',
  '+-3',
  '+',
  '١٢٣',
  '１２３',
  '1e5',
  '1E400',
  '0x10',
  'Infinity',
  '-Infinity',
  'NaN',
  '9'.repeat(400),
  `-${'9'.repeat(400)}`,
  `${'1.000'.repeat(80)}`,
  `0,${'0'.repeat(400)}1`,
  ' ',
  '\u00a0',
  '\t-\t',
  '\n',
  '1\u00a0144',
  '1\u202f144',
  '2025',
  '2025*',
  ' 2026 ',
];

/** Danish text for a generated number, as formatDanish writes it, sometimes with a sign or padding. */
const danishText = fc
  .tuple(
    fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('', ' ', '\u00a0'),
  )
  .map(([v, decimals, pad]) => `${pad}${formatDanish(v, decimals)}${pad}`);

/** A string that is almost a Danish number: digits, separators, signs and spaces in any order. */
const nearMiss = fc
  .array(fc.constantFrom('0', '1', '4', '9', '.', ',', ' ', '-', '–', '(', ')', '%', '+', 'k', 'r'), { maxLength: 14 })
  .map((cs) => cs.join(''));

const longText = fc
  .tuple(fc.constantFrom('x', 'Tabel A. ', '1.', '-', ' ', 'Total '), fc.integer({ min: 1000, max: 40_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXT) },
  { weight: 3, arbitrary: danishText },
  { weight: 2, arbitrary: nearMiss },
  { weight: 2, arbitrary: fc.constantFrom(...TITLES, ...LABELS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS) },
  { weight: 1, arbitrary: longText },
);

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 1e21, -1e-300, 2 ** 53 + 1),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.integer({ min: 1985, max: 2105 }),
);

const date = fc.oneof(fc.date({ noInvalidDate: false }), fc.constant(new Date(NaN)), fc.constant(new Date(8.64e15)), fc.constant(new Date(-8.64e15)));

/** Any value a cell of a grid may hold, including ones no adapter should produce but the type allows. */
export const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<CellValue>({ kind: 'empty' }) },
  { weight: 4, arbitrary: number.map((value): CellValue => ({ kind: 'number', value })) },
  { weight: 6, arbitrary: text.map((value): CellValue => ({ kind: 'text', value })) },
  { weight: 1, arbitrary: fc.boolean().map((value): CellValue => ({ kind: 'boolean', value })) },
  { weight: 1, arbitrary: date.map((value): CellValue => ({ kind: 'date', value })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...EXCEL_ERRORS), fc.string({ maxLength: 8 })).map((value): CellValue => ({ kind: 'error', value })) },
);

const year = fc.integer({ min: 1988, max: 2102 }).map((y): CellValue => (y % 3 === 0 ? { kind: 'text', value: String(y) } : { kind: 'number', value: y }));

/** A title with a year row under it and a few unit or total rows: what sends discovery reading. */
const block: fc.Arbitrary<CellValue[][]> = fc
  .record({
    title: fc.constantFrom(...TITLES),
    col: fc.nat(4),
    gap: fc.nat(2),
    years: fc.array(year, { minLength: 1, maxLength: 8 }),
    lines: fc.array(fc.tuple(fc.constantFrom(...LABELS, ''), fc.array(cell, { maxLength: 10 })), { maxLength: 8 }),
  })
  .map(({ title, col, gap, years, lines }) => {
    const pad = (): CellValue[] => new Array(col).fill({ kind: 'empty' });
    const rows: CellValue[][] = [[...pad(), { kind: 'text', value: title }]];
    for (let i = 0; i < gap; i++) rows.push([]);
    rows.push([...pad(), { kind: 'text', value: 'Udvalg' }, { kind: 'empty' }, ...years]);
    for (const [label, values] of lines) rows.push([...pad(), label ? { kind: 'text', value: label } : { kind: 'empty' }, ...values]);
    return rows;
  });

/** Ragged rows of arbitrary cells, with title blocks dropped in at random rows. */
export const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof(fc.constantFrom('Forslag 1', 'BC01', "Bob's ark", 'Valideringsrapport'), fc.string({ minLength: 1, maxLength: 31 })),
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 }),
    blocks: fc.array(fc.tuple(fc.nat(30), block), { maxLength: 4 }),
  })
  .map(({ name, rows, blocks }) => {
    const cells = rows.map((r) => r.slice());
    for (const [at, b] of blocks) cells.splice(Math.min(at, cells.length), 0, ...b.map((r) => r.slice()));
    return { name, cells };
  });
