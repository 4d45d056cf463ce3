/**
 * Tabel 1 "Forslagets samlede økonomiske konsekvenser" computed from the proposal, against the
 * catalogue's own Tabel 1 of the examples.
 */
import bc01 from '../../examples/bc01.json';
import bc02 from '../../examples/bc02.json';
import forslag2 from '../../examples/forslag2.json';
import forslag3 from '../../examples/forslag3.json';
import forslag5 from '../../examples/forslag5.json';
import { computeProposal, Fraction, paybackText, tabel1Payback, type ProposalInput } from '../../src/engine';

const byLabel = (input: unknown) =>
  Object.fromEntries(
    computeProposal(input)
      .tabel1.rows.filter((r) => r.kind !== 'heading')
      .map((r) => [r.label, [r.styringsomraade, r.values]]),
  );
const f = (xs: number[]) => xs.map((x) => Fraction.fromNumber(x));

describe('Tabel 1', () => {
  it('reproduces BC01’s Tabel 1 line by line, with sums, impact and payback', () => {
    expect(byLabel(bc01)).toEqual({
      'Effektivisering ved administration af ferie i Koncernservice': ['Service', [0, -149, -297, -297, -297, -297]],
      'Effektivisering ved administration af løntræk ved negativ feriesaldo ved fratrædelse i Koncernservice': ['Service', [0, -148, -297, -297, -297, -297]],
      'Effektivisering ved leders godkendelse og opfølgning på ferie og fravær i forvaltningerne': ['Service', [0, 0, -550, -880, -880, -880]],
      'Samlet varig ændring, service': ['Service', [0, -297, -1144, -1474, -1474, -1474]],
      'Samlet varig ændring': ['', [0, -297, -1144, -1474, -1474, -1474]],
      'Projektressourcer i Koncernservice': ['Anlæg', [0, 750, 750, 0, 0, 0]],
      'Omkostninger til eksterne leverandører til udvikling af ny samlet løsning i Serviceportalen': ['Anlæg', [0, 1250, 1500, 0, 0, 0]],
      'Samlede implementeringsomkostninger, anlæg': ['Anlæg', [0, 2000, 2250, 0, 0, 0]],
      'Samlede implementeringsomkostninger': ['', [0, 2000, 2250, 0, 0, 0]],
      'Samlet økonomisk påvirkning': ['', [0, 1703, 1106, -1474, -1474, -1474]],
    });
    const t = computeProposal(bc01).tabel1;
    expect([paybackText(t.payback.service, 2029), paybackText(t.payback.total, 2029)]).toEqual(['4 år (2028)', '4 år (2028)']);
  });

  it('reproduces BC02’s impact and its payback of 5 years', () => {
    expect(byLabel(bc02)['Samlet økonomisk påvirkning']).toEqual(['', [422, 838, -562, -562, -562, -562]]);
    expect(computeProposal(bc02).tabel1.payback.total).toEqual({ kind: 'years', years: 5, year: 2028, beyondYears: false });
  });

  it('continues the last year’s permanent change past the proposal’s years, and says so (Forslag 3: 9 år, as the catalogue)', () => {
    const t = computeProposal(forslag3).tabel1;
    expect(t.payback.total).toEqual({ kind: 'years', years: 9, year: 2032, beyondYears: true });
    expect(paybackText(t.payback.total, 2029)).toBe('9 år (2032), efter forslagets sidste år: årene efter 2029 er regnet med den varige ændring i 2029');
  });

  it('seed defect: Forslag 2 states 11 years; 700 + 9.800 + 8.000 + 7.400 − 4.500 · 6 is first ≤ 0 in 2033, year 10', () => {
    expect(computeProposal(forslag2).tabel1.payback.total).toEqual({ kind: 'years', years: 10, year: 2033, beyondYears: true });
    expect(700 + 9800 + 8000 + 7400 - 4500 * 6).toBeLessThanOrEqual(0);
    expect(700 + 9800 + 8000 + 7400 - 4500 * 5).toBeGreaterThan(0);
  });

  it('says "ikke relevant" without investments and "nås ikke" when the permanent change does not pay back', () => {
    expect(tabel1Payback([2025, 2026], f([-10, -10]), f([0, 0]))).toEqual({ kind: 'ikke relevant' });
    expect(tabel1Payback([2025, 2026], f([-10, 5]), f([100, 0]))).toEqual({ kind: 'nås ikke' });
    expect(tabel1Payback([2025, 2026], f([0, -1]), f([3, 0]))).toEqual({ kind: 'years', years: 4, year: 2028, beyondYears: true });
    const none: ProposalInput = { title: 't', priceLevel: 2025, years: [2025], effects: [{ label: 'e', unit: 'TMU', amounts: [-1] }] };
    expect(paybackText(computeProposal(none).tabel1.payback.total, 2025)).toBe('ikke relevant (ingen investering)');
  });

  it('shows memo lines as "heraf …" after the permanent change and counts them nowhere (Forslag 5’s indkøbseffektiviseringer)', () => {
    const r = computeProposal(forslag5);
    const memo = r.tabel1.rows.filter((row) => row.kind === 'memo');
    expect(memo).toEqual([
      {
        kind: 'memo',
        label: 'heraf indkøbseffektiviseringer, som indgår i måltalsopfyldelsen for Fremtidens indkøb',
        styringsomraade: 'Service',
        values: [0, 0, -449, -897, -1346, -1795],
      },
    ]);
    const labels = r.tabel1.rows.map((row) => row.label);
    expect(labels.indexOf(memo[0].label)).toBe(labels.indexOf('Samlet varig ændring') + 1);
    expect(byLabel(forslag5)['Samlet varig ændring']).toEqual(['', [0, -1896, -3791, -3791, -3791, -3791]]);
    const { memo: _memo, ...without } = forslag5;
    expect(computeProposal(without).tables).toEqual(r.tables);
    expect(computeProposal(without).tabel1.payback).toEqual(r.tabel1.payback);
  });

  it('sums by styringsområde: Service and Efterspørgselsstyret apart, both in the total', () => {
    const rows = byLabel({
      title: 't',
      priceLevel: 2025,
      years: [2025],
      effects: [
        { label: 'a', unit: 'BIU', amounts: [-10] },
        { label: 'b', unit: 'BIU', styringsomraade: 'Efterspørgselsstyret', amounts: [-5.5] },
      ],
    });
    expect([rows['Samlet varig ændring, service'], rows['Samlet varig ændring, efterspørgselsstyret'], rows['Samlet varig ændring']]).toEqual([
      ['Service', [-10]],
      ['Efterspørgselsstyret', [-6]],
      ['', [-16]],
    ]);
  });
});
