/**
 * The Danish explanation under the tables, generated from the result: who saves, who pays, what
 * Tabel B moves. BC02's matches the catalogue's own text ("KEJD får netto 562 t.kr. … Heraf
 * overføres 306 t.kr. til KFU …") but for the krone the balanced rows give KFU.
 */
import bc02 from '../../examples/bc02.json';
import forslag2 from '../../examples/forslag2.json';
import forslag4 from '../../examples/forslag4.json';
import { computeProposal, danishList } from '../../src/engine';
import { tb } from '../support/xlsx';
import * as path from 'node:path';

describe('explanation', () => {
  it('BC02: KEJD’s saving, what Tabel B moves to the tenants and their måltal', () => {
    expect(computeProposal(bc02).explanation).toEqual([
      'Forslaget giver en varig effektivisering på netto 562 t. kr. i 2029 (1.000 kr. 2025 p/l).',
      'KEJD får en varig effektivisering på netto 562 t. kr. (Tabel C).',
      'Tabel B flytter varig bevilling fra KEJD (562 t. kr.): heraf overføres 78 t. kr. til ØU, 307 t. kr. til KFU, 101 t. kr. til BUU og 76 t. kr. til SU.',
      'Måltalseffekten tilfalder ØU med 78 t. kr., KFU med 307 t. kr., BUU med 101 t. kr. og SU med 76 t. kr. (Tabel A).',
      'Investeringerne udgør i alt 1.822 t. kr. i 2024–2029 (anlæg 1.822 t. kr.).',
    ]);
  });

  it('Forslag 4: several units save, two give up budget to TMU', () => {
    const text = computeProposal(forslag4).explanation;
    expect(text[1]).toBe('Budgetterne falder varigt med 455 t. kr. hos ØU, 300 t. kr. hos KIT og 1.105 t. kr. hos TMU (Tabel C).');
    expect(text[2]).toBe('Tabel B flytter varig bevilling fra ØU (86 t. kr.) og KIT (300 t. kr.): heraf overføres 386 t. kr. til TMU.');
  });

  it('says when Tabel B moves nothing, and when a unit pays more than it saves', () => {
    expect(computeProposal(forslag2).explanation).toContain(
      'Tabel B er 0: de varige driftsudgifter finansieres, hvor de ligger, og ingen bevilling flyttes mellem udvalgene.',
    );
    const cost = computeProposal({
      title: 't',
      priceLevel: 2025,
      years: [2025],
      operatingCosts: [{ label: 'd', unit: 'KIT', amounts: [400], financing: { KIT: 0.5, TMU: 0.5 } }],
    });
    expect(cost.explanation).toEqual([
      'Forslaget giver en varig merudgift på netto 400 t. kr. i 2025 (1.000 kr. 2025 p/l).',
      'Budgetterne stiger varigt med 400 t. kr. hos KIT (Tabel C).',
      'Tabel B flytter varig bevilling fra TMU (200 t. kr.): heraf overføres 200 t. kr. til KIT.',
      'Til de varige driftsudgifter bidrager netto KIT med 200 t. kr. og TMU med 200 t. kr. (Tabel A).',
    ]);
  });

  it('lists in Danish', () => {
    expect([danishList([]), danishList(['a']), danishList(['a', 'b']), danishList(['a', 'b', 'c'])]).toEqual(['', 'a', 'a og b', 'a, b og c']);
  });

  it('is printed by tb compute under the tables', async () => {
    const run = await tb('compute', path.join(__dirname, '..', '..', 'examples', 'bc02.json'));
    const lines = run.stdout.split('\n');
    const at = lines.indexOf('Forklaring');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual(computeProposal(bc02).explanation);
  });
});
