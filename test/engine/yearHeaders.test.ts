/**
 * Year header cells read alike wherever a table is discovered: a whole number 1990–2100, typed
 * as a number or as text (with footnote stars), in a technical table as in a catalogue overview.
 */
import { discoverSheet, gridFromRows } from '../../src/engine';

function technicalYears(headers: unknown[]): number[] {
  const sheet = gridFromRows('Forslag', [
    ['Tabel A. Måltalseffekt'],
    ['Udvalg', 'Bevilling', '1.000 kr. 2025 p/l'],
    [null, null, ...headers],
    ['TMU', 'Drift', 1, 2, 3],
    ['Total', null, 1, 2, 3],
  ]);
  return discoverSheet(sheet).technical.A?.header.years ?? [];
}

function overviewYears(headers: unknown[]): number[] {
  const sheet = gridFromRows('Oversigt', [
    ['Tabel 1. Tværgående forslag'],
    ['1.000 kr. 2025 p/l', null, 'Effektiviseringsbidrag', null, null, 'Samlet investering'],
    ['Udvalg', null, ...headers],
    ['Forslag 4', 'Digitalisering', 1, 2, 3, 0],
    ['I alt', null, 1, 2, 3, 0],
  ]);
  const overview = discoverSheet(sheet).tables.find((t) => t.kind === 'overview');
  return overview ? overview.header.years.filter((y) => !Number.isNaN(y)) : [];
}

describe('year headers', () => {
  it.each([
    ['numbers', [2098, 2099, 2100], [2098, 2099, 2100]],
    ['text with spaces and footnote stars', [' 2098', '2099 *', '2100**'], [2098, 2099, 2100]],
    ['text before 1990 is no year', ['1989', '2026', '2027'], [2026, 2027]],
    ['numbers before 1990 are no years', [1989, 2026, 2027], [2026, 2027]],
  ])('%s: the same years in a technical table and in an overview', (_name, headers, years) => {
    expect(technicalYears(headers)).toEqual(years);
    expect(overviewYears(headers)).toEqual(years);
  });
});
