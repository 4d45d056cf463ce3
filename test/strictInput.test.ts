/**
 * Strict input: a misspelt key no longer vanishes with its amounts; every validation message is
 * Danish (English with --locale en) with its path; JSON syntax errors give line and column;
 * numbers read the Danish way; a folder, an .ods or a Word file named .xlsx gets a clear line.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readFailure } from '../src/node/errors';
import { locateSyntaxError } from '../src/node/jsonText';
import { ROOT, STACK_TRACE, tb, tempDir } from './support/xlsx';

const forslag4 = () => JSON.parse(readFileSync(path.join(ROOT, 'examples', 'forslag4.json'), 'utf8'));
/** English words of zod's, JSON.parse's and Node's own messages. */
const ENGLISH = /\b(expected|received|Invalid|Cannot|undefined|Unexpected|position|property|Too small|EISDIR|ENOENT)\b/;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function json(name: string, data: unknown): string {
  const file = tmp.file(name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

function lines(stderr: string): string[] {
  return stderr.split('\n').filter(Boolean);
}

describe('unknown keys are errors with their path and the nearest known key', () => {
  it('operatingCost (a typo) is refused, not ignored with its amounts', async () => {
    const p = forslag4();
    p.operatingCost = p.operatingCosts;
    delete p.operatingCosts;
    p.effects[0].ammounts = p.effects[0].amounts;
    delete p.effects[0].amounts;
    p.effects[0].kommentar = 'x';
    const file = json('stavefejl.json', p);
    const run = await tb('compute', file);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `fejl: ${file}: effects[0].ammounts: ukendt felt "ammounts" (mente du amounts?)`,
      `fejl: ${file}: effects[0].kommentar: ukendt felt "kommentar" (kendte felter: label, unit, amounts, credit, bevilling, styringsomraade)`,
      `fejl: ${file}: operatingCost: ukendt felt "operatingCost" (mente du operatingCosts?)`,
      `fejl: ${file}: effects[0].amounts: mangler`,
    ]);
  });

  it('in English with --locale en', async () => {
    const p = forslag4();
    p.operatingCost = [];
    const file = json('stavefejl.json', p);
    const run = await tb('compute', file, '--locale', 'en');
    expect(run).toEqual({ code: 2, stdout: '', stderr: `error: ${file}: operatingCost: unknown key "operatingCost" (did you mean operatingCosts?)\n` });
  });
});

describe("every schema message in Danish, or English with --locale en, never zod's own", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a proposal edited into shapes the schema refuses
  const cases: [string, (p: Record<string, any>) => void, string, string][] = [
    [
      'a price level out of range',
      (p) => (p.priceLevel = 1980),
      'priceLevel: skal være et årstal fra 1990 til 2100',
      'priceLevel: must be a year from 1990 to 2100',
    ],
    ['a year that is not whole', (p) => (p.years[0] = 2024.5), 'years[0]: skal være et årstal', 'years[0]: must be a year'],
    [
      'an amount as text',
      (p) => (p.effects[0].amounts[1] = '-455'),
      'effects[0].amounts[1]: skal være et tal, ikke tekst ("-455")',
      'effects[0].amounts[1]: must be a number, not text ("-455")',
    ],
    [
      'an unknown kind',
      (p) => (p.investments[0].kind = 'drift'),
      'investments[0].kind: skal være "anlæg" eller "service"',
      'investments[0].kind: must be "anlæg" or "service"',
    ],
    ['an empty label', (p) => (p.transfers[0].label = ' '), 'transfers[0].label: mangler en tekst', 'transfers[0].label: is missing a text'],
    ['no years', (p) => (p.years = []), 'years: skal have mindst ét år', 'years: needs at least one year'],
    [
      'a share as a Danish decimal',
      (p) => (p.effects[0].credit = { ØU: 0.9, TMU: 0.2 }),
      'effects[0].credit: andelene summerer til 1,1, men skal summere til 1',
      'effects[0].credit: the shares add up to 1.1, but must add up to 1',
    ],
    [
      'a share above 1',
      (p) => (p.effects[0].credit = { ØU: 1.25, TMU: -0.25 }),
      'effects[0].credit.ØU: andelen 1,25 skal ligge mellem 0 og 1',
      'effects[0].credit.ØU: the share 1.25 must lie between 0 and 1',
    ],
  ];
  it.each(cases)('%s', async (_what, edit, da, en) => {
    const p = forslag4();
    edit(p);
    const file = json('forslag.json', p);
    const danish = await tb('compute', file);
    expect(danish.code).toBe(2);
    expect(lines(danish.stderr)).toContain(`fejl: ${file}: ${da}`);
    expect(danish.stderr).not.toMatch(ENGLISH);
    const english = await tb('compute', file, '--locale', 'en');
    expect(lines(english.stderr)).toContain(`error: ${file}: ${en}`);
  });
});

describe('JSON syntax errors in Danish with line and column', () => {
  it.each([
    ['a trailing comma', '{\n  "title": "x",\n}\n', 3, 1, 'forventede et feltnavn efter »,« (et komma for meget?), men fandt »}«'],
    ['a missing comma', '{\n  "title": "x"\n  "priceLevel": 2025\n}', 3, 3, 'forventede »,« eller »}« efter en værdi (mangler der et komma?), men fandt »"«'],
    ['single quotes', "{\n  'title': 'x'\n}", 2, 3, "forventede et navn i anførselstegn, men fandt »'«"],
    ['a cut-off file', '{\n  "years": [2024, 2025', 2, 23, 'filen slutter, før JSON er færdig (forventede »,« eller »]« efter en værdi)'],
    ['an empty file', '', 1, 1, 'filen er tom'],
    ['text after the value', '{}\nx', 2, 1, 'tekst efter JSON-værdien (fandt »x«)'],
  ])('%s', async (_what, text, line, column, reason) => {
    const file = json('forslag.json', text);
    const run = await tb('compute', file);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `fejl: ${file}: er ikke gyldig JSON: linje ${line}, kolonne ${column}: ${reason}\n` });
  });

  it('the locator agrees with JSON.parse: every text it finds no fault in parses', () => {
    for (const text of ['{"a":[1,2,{"b":null}]}', '[]', '"x"', '-0.5e3', '{"a":"\\u00e6"}']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateSyntaxError(text).reason).toBe('ugyldig JSON');
    }
  });
});

describe('paths that are not readable files get one clear line', () => {
  it('a folder named forslag.json', async () => {
    const dir = tmp.file('forslag.json');
    mkdirSync(dir);
    expect(await tb('compute', dir)).toEqual({ code: 2, stdout: '', stderr: `fejl: ${dir}: er en mappe, ikke en fil\n` });
    expect(await tb('convert', dir, '--to', '2026', '--index', dir)).toEqual({ code: 2, stdout: '', stderr: `fejl: ${dir}: er en mappe, ikke en fil\n` });
  });

  it('no access and other read errors are worded in Danish', () => {
    expect(readFailure('x.json', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })).message).toBe(
      'x.json: kan ikke læses (ingen adgang)',
    );
    expect(readFailure('x.json', Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })).message).toBe('x.json: kan ikke læses (fejlkode EIO)');
  });
});

describe('the file type comes from the content, not the name', () => {
  it('an .ods renamed .xlsx (written by LibreOffice) is refused: check, check --annotate and compute', async () => {
    const file = tmp.file('forslag.xlsx');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'libreoffice', 'libreoffice-forslag.ods'), file);
    const out = tmp.file('noter.xlsx');
    const reason = 'er et OpenDocument-regneark (.ods) med filtypen .xlsx; åbn det i Excel eller LibreOffice, og gem det som Excel-projektmappe (.xlsx)';
    for (const args of [
      ['check', file],
      ['check', file, '--annotate', out],
      ['compute', file],
    ]) {
      const run = await tb(...args);
      expect(run).toEqual({ code: 2, stdout: '', stderr: `fejl: ${file}: ${reason}\n` });
    }
    expect(existsSync(out)).toBe(false);
  });

  it('a Word document and a plain zip renamed .xlsx each get their own line', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<document/>');
    const zip = new JSZip();
    zip.file('noter.txt', 'hej');
    const cases: [JSZip, string][] = [
      [docx, 'er et Word-dokument med filtypen .xlsx, ikke en projektmappe'],
      [zip, 'er et zip-arkiv, men ikke en .xlsx-projektmappe (den mangler xl/workbook.xml)'],
    ];
    for (const [archive, reason] of cases) {
      const file = tmp.file('fil.xlsx');
      writeFileSync(file, await archive.generateAsync({ type: 'nodebuffer' }));
      const run = await tb('check', file);
      expect(run).toEqual({ code: 2, stdout: '', stderr: `fejl: ${file}: ${reason}\n` });
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });
});
