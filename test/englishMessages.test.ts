/**
 * Key problems, the template reader's Input problems and the CLI's own words in English, chosen
 * by the locale the callers pass (`--locale en`, the pane's language); Danish stays the default.
 */
import { writeFileSync } from 'node:fs';
import { normalizeProposal, readTemplate, templateChanges, type ProposalInput } from '../src/engine';
import { KEY_MESSAGES, PROPOSAL_MESSAGES } from '../src/engine/proposalMessages';
import { TEMPLATE_MESSAGES } from '../src/engine/template/messages';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { snapshotFromChanges, tb, tempDir, type, typeXlsx } from './support/xlsx';
import { problemLines } from './support/proposals';

const years = [2025, 2026];

/** Every key problem at once: an unknown key, a negative basis, a zero total, a circle, an unused key. */
const badKeys = {
  title: 't',
  priceLevel: 2025,
  years,
  keys: { Nul: { TMU: 0 }, Minus: { TMU: -5, KFU: 2 }, A: { B: 1 }, B: { A: 1 }, Ubrugt: { TMU: 1 } },
  effects: [
    { label: 'e', unit: { key: 'Timer' }, amounts: [-1, -1] },
    { label: 'f', unit: { key: 'Nul' }, amounts: [-1, -1] },
    { label: 'g', unit: { key: 'Minus' }, amounts: [-1, -1] },
    { label: 'h', unit: { key: 'A' }, amounts: [-1, -1] },
  ],
};

describe('key problems', () => {
  it('are worded in English with locale en', () => {
    expect(problemLines(() => normalizeProposal(badKeys, { locale: 'en' }))).toEqual(
      expect.arrayContaining([
        'keys.Nul: the key "Nul" adds up to 0; at least one unit needs a basis above 0',
        "keys.Minus.TMU: the basis -5 is negative; a key's basis (hours, devices, m², DKK) must be 0 or more",
        expect.stringMatching(/^keys\.[AB]: the key "[AB]" splits into itself through other keys$/),
        'effects[0].unit.key: unknown distribution key "Timer" (the proposal\'s keys are Nul, Minus, A, B, Ubrugt)',
        'keys.Ubrugt: the key "Ubrugt" is used by no line; use it as { "key": "Ubrugt" } or delete it',
      ]),
    );
  });

  it('stay Danish by default', () => {
    const da = problemLines(() => normalizeProposal(badKeys));
    expect(da).toContain('keys.Nul: nøglen "Nul" summerer til 0; mindst én enhed skal have et grundlag over 0');
    expect(da).toContain('effects[0].unit.key: ukendt fordelingsnøgle "Timer" (forslagets nøgler er Nul, Minus, A, B, Ubrugt)');
    expect(da.join('\n')).not.toMatch(/\bthe\b/);
  });

  it('a unit that is neither a committee nor a key, and shares that are neither, in both languages', () => {
    const input = { title: 't', priceLevel: 2025, years, effects: [{ label: 'e', unit: 5, credit: 'ØU', amounts: [1, 1] }] };
    expect(problemLines(() => normalizeProposal(input, { locale: 'en' }))).toEqual([
      'effects[0].unit: must be a committee ("TMU") or a distribution key ({ "key": "Timer" })',
      'effects[0].credit: must be shares ({ "ØU": 0.25, "TMU": 0.75 }) or a distribution key ({ "key": "Timer" })',
    ]);
    expect(problemLines(() => normalizeProposal(input))).toEqual([
      'effects[0].unit: skal være et udvalg ("TMU") eller en fordelingsnøgle ({ "key": "Timer" })',
      'effects[0].credit: skal være andele ({ "ØU": 0.25, "TMU": 0.75 }) eller en fordelingsnøgle ({ "key": "Timer" })',
    ]);
  });
});

describe('the template reader', () => {
  const typed = type(snapshotFromChanges(templateChanges()), {
    'Input!A10': 'Effektivisering',
    'Input!B10': 'Ukendtudvalget',
    'Input!E10': '--43',
    'Input!A11': 'Effektivisering 2',
    'Input!B11': 'TMU',
    'Input!C11': 'ØU 20 %; TMU 20 %',
    'Input!E11': -10,
    'Input!A12': 'Uden udvalg',
    'Input!E12': -5,
    'Input!A13': 'Effektivisering 3',
    'Input!B13': 'TMU',
    'Input!C13': 'ØU; TMU 50 %',
    'Input!E13': -5,
  });

  it('words Input problems in English with locale en, each at its cell', () => {
    expect(problemLines(() => readTemplate(typed, { locale: 'en' }))).toEqual([
      'Input!B10: unknown committee »Ukendtudvalget« (use e.g. ØU, KS, KIT, KEJD, BYK, KFU, BUU, SUU, SU, TMU, BIU, or write the unit under Øvrige enheder)',
      'Input!E10: »--43« is not a number',
      'Input!C11: the shares of the key add up to 40 %, but must add up to 100 %',
      'Input!B12: committee is missing',
      'Input!C13: »ØU« has no share (write e.g. »ØU 50 %«)',
    ]);
  });

  it('and in Danish by default', () => {
    expect(problemLines(() => readTemplate(typed))).toEqual([
      'Input!B10: ukendt udvalg »Ukendtudvalget« (brug fx ØU, KS, KIT, KEJD, BYK, KFU, BUU, SUU, SU, TMU, BIU, eller skriv enheden under Øvrige enheder)',
      'Input!E10: »--43« er ikke et tal',
      'Input!C11: andelene i nøglen summerer til 40 %, men skal summere til 100 %',
      'Input!B12: mangler udvalg',
      'Input!C13: »ØU« mangler en andel (skriv fx »ØU 50 %«)',
    ]);
  });

  it('passes the locale on to the proposal’s own checks (a key no line uses)', () => {
    const unused = type(snapshotFromChanges(templateChanges()), { 'Input!A10': 'e', 'Input!B10': 'TMU', 'Input!E10': -1 });
    const input = readTemplate(unused);
    const withKey = snapshotFromChanges(
      templateChanges({
        ...(input as ProposalInput),
        keys: { Timer: { TMU: 1, KFU: 1 } },
        effects: [{ label: 'e', unit: { key: 'Timer' }, amounts: input.effects![0].amounts }],
      }),
    );
    const row = withKey.sheets.find((s) => s.name === 'Input')!.cells.findIndex((r) => r[0]?.kind === 'text' && r[0].value === 'e') + 1;
    const notUsed = type(withKey, { [`Input!B${row}`]: 'TMU' });
    expect(problemLines(() => readTemplate(notUsed, { locale: 'en' }))).toEqual([
      expect.stringMatching(/: the key "Timer" is used by no line; use it as \{ "key": "Timer" \} or delete it$/),
    ]);
  });
});

describe('every message has its own English wording', () => {
  const params = {
    name: 'X',
    names: ['A'],
    basis: -1,
    unit: 'TMU',
    share: 1.5,
    sum: 0.5,
    sheet: 'Input',
    label: 'År',
    heading: 'Effekter',
    field: 'unit',
    text: 'x',
    cell: 'Input!B2',
    value: 2e12,
    before: 2025,
    after: 2027,
    count: 2,
    years: 3,
    first: 2025,
    last: 2027,
  } as const;
  const catalogues = { KEY_MESSAGES, PROPOSAL_MESSAGES, TEMPLATE_MESSAGES } as unknown as Record<
    string,
    Record<string, (l: 'da' | 'en', p: typeof params) => string>
  >;
  it.each(Object.entries(catalogues).flatMap(([catalogue, messages]) => Object.keys(messages).map((id) => [catalogue, id])))('%s.%s', (catalogue, id) => {
    const message = catalogues[catalogue][id];
    const [da, en] = [message('da', params), message('en', params)];
    expect(en).not.toBe(da);
    expect(en).not.toMatch(/\b(og|eller|skal|mangler|ikke)\b/);
  });
});

describe('tb with --locale en', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('tb-en-')));
  afterEach(() => tmp.cleanup());

  it('prefixes problems with "error:" and words the key and Input problems in English; Danish says "fejl:"', async () => {
    const json = tmp.file('noegler.json');
    writeFileSync(json, JSON.stringify(badKeys));
    const en = await tb('compute', json, '--locale', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`error: ${json}: keys.Nul: the key "Nul" adds up to 0`);
    expect(
      en.stderr
        .split('\n')
        .filter((l) => l !== '')
        .every((l) => l.startsWith('error: ')),
    ).toBe(true);
    const da = await tb('compute', json);
    expect(da.stderr).toContain(`fejl: ${json}: keys.Nul: nøglen "Nul" summerer til 0`);

    const xlsx = tmp.file('ark.xlsx');
    const wb = XlsxWorkbook.create();
    await wb.apply(templateChanges());
    await wb.save(xlsx);
    await typeXlsx(xlsx, { 'Input!A10': 'e', 'Input!B10': 'TMU', 'Input!E10': '--43' });
    expect(await tb('compute', xlsx, '--locale', 'en')).toEqual({ code: 2, stdout: '', stderr: `error: ${xlsx}: Input!E10: »--43« is not a number\n` });
    expect((await tb('kvantum', xlsx, '--locale', 'en')).stderr).toBe(`error: ${xlsx}: Input!E10: »--43« is not a number\n`);
    expect((await tb('kvantum', xlsx)).stderr).toBe(`fejl: ${xlsx}: Input!E10: »--43« er ikke et tal\n`);
  });

  it('says "error:" and "See tb --help." for a command line it cannot run', async () => {
    const run = await tb('compute', '--locale', 'en', '--bogus');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*\nSee tb --help\.\n$/);
    expect((await tb('compute', '--bogus')).stderr).toMatch(/^fejl: .*\nSe tb --help\.\n$/);
  });
});
