/**
 * Nothing lost: `tb compute` and `tb check --annotate` write a workbook by patching its package.
 * On a workbook written by LibreOffice Calc (test/fixtures/libreoffice, built by
 * scripts/fixtures/build-libreoffice-fixtures.sh) with a chart, an image, people's comments, a
 * protected sheet, a named cell style, custom properties and data validation, every package part
 * stays byte for byte as it was except the parts the command must change, and the output asks
 * Excel to recalculate on open.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { ruleName, TOOL_NOTE_MARKER } from '../src/engine';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { buildSeedWorkbook } from './fixtures/buildSeedWorkbook';
import { packageNotes, packageParts, partDiff, partXml } from './support/package';
import { ROOT, STACK_TRACE, tb, tempDir, xlsxCellModels } from './support/xlsx';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'libreoffice');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function fixture(name: string): string {
  const file = tmp.file(name);
  copyFileSync(path.join(FIXTURES, name), file);
  return file;
}

async function calcPr(file: string): Promise<Record<string, string>> {
  const wb = (await partXml(file, 'xl/workbook.xml')) as { workbook: { calcPr: Record<string, string> } };
  return wb.workbook.calcPr;
}

describe("the LibreOffice fixture holds what a colleague's file holds", () => {
  it('a chart, an image with name and description, comments, sheet="true" protection, a named style, custom properties, validation', async () => {
    const parts = await packageParts(path.join(FIXTURES, 'libreoffice-rich.xlsx'));
    const text = (part: string) => parts.get(part)!.toString('utf8');
    expect([...parts.keys()]).toEqual(
      expect.arrayContaining(['xl/charts/chart1.xml', 'xl/media/image1.png', 'docProps/custom.xml', 'xl/comments3.xml', 'xl/comments4.xml']),
    );
    expect(text('docProps/app.xml')).toContain('LibreOffice');
    expect(text('xl/drawings/drawing1.xml')).toMatch(/name="Logo" descr="Kommunens logo"/);
    expect(text('xl/worksheets/sheet5.xml')).toMatch(/<sheetProtection sheet="true"/);
    expect(text('xl/styles.xml')).toMatch(/<cellStyle name="Budgetnote"/);
    expect(text('xl/worksheets/sheet4.xml')).toMatch(/<dataValidation [^>]*type="whole"/);
    expect(text('xl/worksheets/sheet4.xml')).toMatch(/<f[^>]*>SUM\(/);
  });
});

describe('tb compute --out on a LibreOffice workbook', () => {
  it('changes only the Tabeller sheet part and the calculation flag, and adds the Kvantum sheet; every other part is byte-identical', async () => {
    // The fixture was made with the three-sheet template: the Kvantum sheet is added as a part of its own.
    const file = fixture('libreoffice-rich.xlsx');
    const out = tmp.file('beregnet.xlsx');
    const run = await tb('compute', file, '--out', out);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(await partDiff(file, out)).toEqual({
      changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet3.xml'],
      added: ['xl/worksheets/sheet6.xml'],
      removed: [],
    });

    // workbook.xml: only fullCalcOnLoad, the new sheet and its name are new.
    const before = (await packageParts(file)).get('xl/workbook.xml')!.toString('utf8');
    const after = (await packageParts(out)).get('xl/workbook.xml')!.toString('utf8');
    expect(
      after
        .replace(' fullCalcOnLoad="1"', '')
        .replace(/<sheet name="Kvantum" sheetId="6" r:id="rId\d+"\/>/, '')
        .replace(/<definedName name="TB_Kvantum">Kvantum!\$A\$5:\$F\$\d+<\/definedName>/, ''),
    ).toBe(before);
    expect(await calcPr(out)).toMatchObject({ '@fullCalcOnLoad': '1' });
    // styles.xml: every existing format keeps its place; the new sheet's come after.
    const [a, b] = [await readStyles(file), await readStyles(out)];
    for (const kind of Object.keys(a)) expect([kind, b[kind].slice(0, a[kind].length)]).toEqual([kind, a[kind]]);
  });

  it("writes only the tables' amount cells: the wrong amount is corrected, every other cell keeps value and style", async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const out = tmp.file('beregnet.xlsx');
    expect((await tb('compute', file, '--out', out)).code).toBe(0);
    const before = await xlsxCellModels(file);
    const after = await xlsxCellModels(out);
    const changed = [...before.keys()].filter((ref) => before.get(ref) !== after.get(ref));
    expect(changed).toEqual(['Tabeller!C8']);
    expect(JSON.parse(after.get('Tabeller!C8')!).value).toBe(0);
    expect(JSON.parse(before.get('Tabeller!C8')!).style).toEqual(JSON.parse(after.get('Tabeller!C8')!).style);
    // New cells only on the added Kvantum sheet.
    expect([...after.keys()].filter((ref) => !before.has(ref) && !ref.startsWith('Kvantum!'))).toEqual([]);
    expect([...after.keys()].filter((ref) => ref.startsWith('Kvantum!A5'))).toEqual(['Kvantum!A5']);
    // The person's comment on that very cell is kept with its author and formatting.
    expect((await packageNotes(out)).get('Tabeller!C8')).toEqual((await packageNotes(file)).get('Tabeller!C8'));
  });

  it('refuses to write into a protected sheet (exit 2, one Danish line), and writes nothing', async () => {
    const file = fixture('libreoffice-protected.xlsx');
    const original = readFileSync(file);
    const out = tmp.file('beregnet.xlsx');
    for (const args of [
      ['compute', file, '--out', out],
      ['compute', file],
    ]) {
      const run = await tb(...args);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `fejl: ${file}: arket »Tabeller« er beskyttet; fjern arkbeskyttelsen i Excel (Gennemse > Fjern beskyttelse af ark), og kør igen. Intet er skrevet.\n`,
      });
    }
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(file).equals(original)).toBe(true);
  });
});

describe('tb check --annotate on a LibreOffice workbook', () => {
  const MAY_CHANGE = [
    '[Content_Types].xml',
    'xl/_rels/workbook.xml.rels',
    'xl/comments3.xml',
    'xl/comments4.xml',
    'xl/drawings/vmlDrawing1.vml',
    'xl/drawings/vmlDrawing2.vml',
    'xl/styles.xml',
    'xl/workbook.xml',
  ];

  it("changes only the notes, the report sheet's entries and styles; the report sheet is a part of its own", async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const out = tmp.file('kommenteret.xlsx');
    const run = await tb('check', file, '--annotate', out);
    expect(run.code).toBe(1);
    const diff = await partDiff(file, out);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(['xl/worksheets/sheet6.xml']);
    for (const part of diff.changed) expect(MAY_CHANGE).toContain(part);
    expect(await calcPr(out)).toMatchObject({ '@fullCalcOnLoad': '1' });

    // styles.xml: the named style and every existing format keep their place; new ones come after.
    const [a, b] = [await readStyles(file), await readStyles(out)];
    for (const kind of Object.keys(a)) expect([kind, b[kind].slice(0, a[kind].length)]).toEqual([kind, a[kind]]);
    expect(b.xf.length).toBeGreaterThan(a.xf.length);
  });

  it("puts the tool's notes beside people's notes: their text, author, runs and shapes are kept", async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const out = tmp.file('kommenteret.xlsx');
    const run = await tb('check', file, '--format', 'json', '--annotate', out);
    const { findings } = JSON.parse(run.stdout) as { findings: { sheet: string; cell: string; rule: string }[] };
    const before = await packageNotes(file);
    const after = await packageNotes(out);
    for (const [ref, note] of before) expect([ref, after.get(ref)]).toEqual([ref, note]);
    for (const f of findings) {
      const note = after.get(`${f.sheet}!${f.cell.split(':')[0]}`);
      expect(note).toMatchObject({ author: 'Teknisk beregningsark', hasShape: true });
      expect(note!.text.startsWith(`${TOOL_NOTE_MARKER}\n`)).toBe(true);
      expect(note!.text).toContain(`(${ruleName(f.rule)})`);
    }
  });

  it('run again on its own output: same notes, one report sheet, styles not grown', async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const once = tmp.file('en-gang.xlsx');
    const twice = tmp.file('to-gange.xlsx');
    await tb('check', file, '--annotate', once);
    await tb('check', once, '--annotate', twice);
    expect(await packageNotes(twice)).toEqual(await packageNotes(once));
    const diff = await partDiff(once, twice);
    expect(diff).toEqual({ changed: expect.any(Array), added: [], removed: [] });
    expect(diff.changed).not.toContain('xl/styles.xml');
    const sheets = ((await partXml(twice, 'xl/workbook.xml')) as { workbook: { sheets: { sheet: { '@name': string }[] } } }).workbook.sheets.sheet.map(
      (s) => s['@name'],
    );
    expect(sheets).toEqual(['Vejledning', 'Input', 'Tabeller', 'Oversigt', 'Låst', 'Valideringsrapport']);
  });

  it('refuses --annotate onto the file it checks: the original stays as it was', async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const original = readFileSync(file);
    const run = await tb('check', file, '--annotate', path.join(path.dirname(file), '.', path.basename(file)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fejl: .*er selve filen, der tjekkes; vælg et andet filnavn til den kommenterede kopi/);
    expect(readFileSync(file).equals(original)).toBe(true);
  });
});

describe('an ExcelJS-written workbook is patched the same way', () => {
  it('tb compute on a template written by tb init changes only its Tabeller and Kvantum parts and workbook.xml', async () => {
    const file = tmp.file('forslag.xlsx');
    expect((await tb('init', file, '--from', path.join(ROOT, 'examples', 'forslag4.json'))).code).toBe(0);
    // A person's note on an empty cell, which ExcelJS itself would drop on a round trip.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetPart = 'xl/worksheets/sheet3.xml';
    const xml = await zip.file(sheetPart)!.async('string');
    // …and a stale amount in Tabel A for compute to correct.
    expect(xml).toContain('<v>-369</v>');
    zip.file(sheetPart, xml.replace('<v>-369</v>', '<v>1</v>').replace('</worksheet>', '<legacyDrawing r:id="rIdNote"/></worksheet>'));
    zip.file(
      'xl/worksheets/_rels/sheet3.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/><Relationship Id="rIdNote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing9.vml"/></Relationships>',
    );
    zip.file(
      'xl/comments9.xml',
      '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Mette</author></authors><commentList><comment ref="K3" authorId="0"><text><r><t>Husk KS</t></r></text></comment></commentList></comments>',
    );
    zip.file(
      'xl/drawings/vmlDrawing9.vml',
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>10</x:Column></x:ClientData></v:shape></xml>',
    );
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      ct.replace(
        '</Types>',
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
      ),
    );
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const input = tmp.file('input.xlsx');
    copyFileSync(file, input);

    const run = await tb('compute', file);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(await partDiff(input, file)).toEqual({
      changed: ['xl/workbook.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml'],
      added: [],
      removed: [],
    });
    expect((await packageNotes(file)).get('Tabeller!K3')).toMatchObject({ text: 'Husk KS', author: 'Mette', hasShape: true });
  });
});

/** The style part's entries by kind, in order. */
async function readStyles(file: string): Promise<Record<string, string[]>> {
  const xml = (await packageParts(file)).get('xl/styles.xml')!.toString('utf8');
  const out: Record<string, string[]> = { font: [], fill: [], border: [], xf: [], cellStyle: [], numFmt: [] };
  for (const m of xml.matchAll(/<(font|fill|border|xf|cellStyle|numFmt)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) out[m[1]].push(m[0]);
  return out;
}

describe('a tool note on a cell with a LibreOffice-written note', () => {
  it("keeps the person's formatted run and author, and taking the tool's part off restores the comment exactly", async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const noted = tmp.file('noteret.xlsx');
    const cleared = tmp.file('ryddet.xlsx');
    const wb = await XlsxWorkbook.open(file);
    await wb.apply({ notes: [{ sheet: 'Tabeller', row: 7, col: 2, text: 'Totalen stemmer ikke.' }] });
    await wb.save(noted);
    const before = (await packageNotes(file)).get('Tabeller!C8')!;
    const after = (await packageNotes(noted)).get('Tabeller!C8')!;
    expect(after.text).toBe(`Tallet er aftalt med ØKF.\n\n${TOOL_NOTE_MARKER}\nTotalen stemmer ikke.`);
    expect(after.author).toBe(before.author);
    expect(after.runs[0]).toEqual(before.runs[0]);
    expect(after.hasShape).toBe(true);

    const again = await XlsxWorkbook.open(noted);
    await again.apply({ clearToolNotes: true });
    await again.save(cleared);
    const comment = (f: string) =>
      packageParts(f).then((parts) => /<comment ref="C8"[\s\S]*?<\/comment>/.exec(parts.get('xl/comments3.xml')!.toString('utf8'))![0]);
    expect(await comment(cleared)).toBe(await comment(file));
  });
});

describe('tb check --annotate on an ExcelJS-written catalogue', () => {
  it('sheet parts change only by the note drawing they now point to; no other original part changes', async () => {
    const file = tmp.file('katalog.xlsx');
    await buildSeedWorkbook(file);
    const out = tmp.file('kommenteret.xlsx');
    expect((await tb('check', file, '--annotate', out)).code).toBe(1);
    const diff = await partDiff(file, out);
    expect(diff.removed).toEqual([]);
    const before = await packageParts(file);
    const after = await packageParts(out);
    for (const part of diff.changed) {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) {
        expect(
          after
            .get(part)!
            .toString('utf8')
            .replace(/<legacyDrawing r:id="rId\d+"\/>/, ''),
        ).toBe(before.get(part)!.toString('utf8'));
      } else {
        expect(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']).toContain(part);
      }
    }
    for (const part of diff.added)
      expect(part).toMatch(/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels|worksheets\/sheet\d+\.xml)$/);
    expect(diff.added.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))).toHaveLength(1);
  });
});

describe('a package whose parts do not fit together', () => {
  it('a comments part that is named but missing: exit 2 with one Danish line, nothing written', async () => {
    const file = fixture('libreoffice-rich.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.remove('xl/comments4.xml');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = tmp.file('kommenteret.xlsx');
    const run = await tb('check', file, '--annotate', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fejl: /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\b(undefined|Cannot|missing|Error)\b/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});
