import { checkWorkbook, gridFromRows } from '../../src/engine';
import { formatCheckReport } from '../../src/node/format';

describe('the CLI text report lists condensed findings', () => {
  it('a total off in five years is one line over the range; the counts stay the checker’s', () => {
    const rows = [
      ['Tabel A. Måltalseffekt'],
      ['Udvalg', 'Bevilling, profitcenter mv.', '1.000 kr. 2025 p/l'],
      [null, null, 2025, 2026, 2027, 2028, 2029],
      ['ØU', 'x', -10, -10, -10, -10, -10],
      ['TMU', 'y', -5, -5, -5, -5, -5],
      ['Total', null, -16, -16, -16, -16, -16],
    ];
    const report = checkWorkbook({ sheets: [gridFromRows('Forslag', rows)], names: [] });
    const text = formatCheckReport(report, 'k.xlsx', ['Forslag']);
    expect(text).toContain('k.xlsx: 0 fejl, 5 advarsler, 0 bemærkninger (vist samlet i 1 linje).');
    expect(text.split('\n').filter((l) => l.startsWith('  advarsel'))).toEqual([
      expect.stringMatching(/^ {2}advarsel {4}C6:G6 {2}Tabel A, »Total« 2025–2029: /),
    ]);
  });
});
