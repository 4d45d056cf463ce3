import { mkdirSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import { num, text, TOOL_NOTE_MARKER, type WorkbookSnapshot } from '../src/engine';
import { FileNotFoundError, NotXlsxError, WorkbookChangeError, WorkbookWriteError } from '../src/node/errors';
import { XlsxWorkbook } from '../src/node/xlsxAdapter';
import { a1, editXlsx, patchWorkbookXml, tempDir, workbookXml, xlsxCellModels } from './support/xlsx';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** A workbook with what a person's file holds: formulas, styles, notes, names, a hidden sheet. */
async function personWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.getCell('A1').value = 'Udvalg';
  ws.getCell('B1').value = 2025;
  ws.getCell('A2').value = 'Økonomiudvalget';
  ws.getCell('B2').value = -369;
  ws.getCell('B2').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('B2').numFmt = '#,##0';
  ws.getCell('B3').value = { formula: 'SUM(B2:B2)', result: -369 };
  ws.getCell('C1').value = { richText: [{ text: 'Bevilling, ' }, { text: 'profitcenter', font: { bold: true } }] };
  ws.getCell('C2').value = { text: 'Kvantum', hyperlink: 'https://www.kk.dk' };
  ws.getCell('C3').value = new Date(Date.UTC(2025, 0, 31));
  ws.getCell('C4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('C5').value = true;
  ws.getCell('A2').note = 'Min egen note';
  ws.mergeCells('D1:E1');
  ws.getCell('D1').value = 'Flettet';
  const hidden = wb.addWorksheet('Skjult', { state: 'hidden' });
  hidden.getCell('A1').value = 'hemmelig';
  wb.definedNames.add('Budget!$A$1:$B$3', 'MitOmraade');
  await wb.xlsx.writeFile(file);
}

describe('XlsxWorkbook.read', () => {
  it('reads every sheet as a grid: cached formula results, rich text, links, dates, errors, merges', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    const budget = snapshot.sheets[0];
    const at = (ref: string) => budget.cells[a1(ref).row]?.[a1(ref).col] ?? { kind: 'empty' };
    expect(snapshot.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['Budget', false],
      ['Skjult', true],
    ]);
    expect(at('B2')).toEqual(num(-369));
    expect(at('B3')).toEqual(num(-369));
    expect(budget.formulas?.get('2,1')).toBe('=SUM(B2:B2)');
    expect(at('C1')).toEqual(text('Bevilling, profitcenter'));
    expect(at('C2')).toEqual(text('Kvantum'));
    expect(at('C3')).toEqual({ kind: 'date', value: new Date(Date.UTC(2025, 0, 31)) });
    expect(at('C4')).toEqual({ kind: 'error', value: '#N/A' });
    expect(at('C5')).toEqual({ kind: 'boolean', value: true });
    expect(at('D1')).toEqual(text('Flettet'));
    expect(at('E1')).toEqual({ kind: 'empty' });
    expect(snapshot.names).toEqual([{ name: 'MitOmraade', sheet: 'Budget', range: { start: { row: 0, col: 0 }, end: { row: 2, col: 1 } } }]);
  });
});

describe('XlsxWorkbook.open refuses what is not an .xlsx', () => {
  it.each([
    ['a missing file', 'mangler.xlsx', null, FileNotFoundError, 'filen findes ikke'],
    ['an empty file', 'tom.xlsx', Buffer.alloc(0), NotXlsxError, 'er tom'],
    ['a CSV renamed .xlsx', 'data.xlsx', Buffer.from('Udvalg;2025\nØU;-369\n'), NotXlsxError, 'tekstfil (fx CSV)'],
    ['an old .xls', 'gammel.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), NotXlsxError, '.xls'],
    [
      'an .xls renamed .xlsx',
      'gammel.xlsx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      NotXlsxError,
      'er en gammel Excel-fil (.xls); åbn den i Excel og gem den som .xlsx',
    ],
    [
      'an encrypted workbook',
      'krypteret.xlsx',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      NotXlsxError,
      'er krypteret (beskyttet med adgangskode)',
    ],
    ['a damaged archive', 'skadet.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'), NotXlsxError, 'er beskadiget: zip-arkivet kan ikke pakkes ud'],
    ['a folder named .xlsx', 'mappe.xlsx', 'folder', NotXlsxError, 'er en mappe, ikke en .xlsx-fil'],
    ['a CSV', 'data.csv', Buffer.from('a;b\n'), NotXlsxError, 'ikke en .xlsx-fil'],
  ])('%s', async (_what, name, bytes, errorClass, message) => {
    const file = tmp.file(name);
    if (bytes === 'folder') mkdirSync(file);
    else if (bytes) writeFileSync(file, bytes);
    const opening = XlsxWorkbook.open(file);
    await expect(opening).rejects.toBeInstanceOf(errorClass);
    await expect(XlsxWorkbook.open(file)).rejects.toThrow(message);
  });
});

describe('XlsxWorkbook.apply', () => {
  it('keeps everything it does not own: other cells, formulas, styles, notes, names, hidden sheets', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    const before = await xlsxCellModels(file);
    const wb = await XlsxWorkbook.open(file);
    await wb.apply({ cells: [{ sheet: 'Budget', row: 5, col: 1, value: num(42) }] });
    await wb.save(file);

    const after = await xlsxCellModels(file);
    for (const [ref, model] of before) expect([ref, after.get(ref)]).toEqual([ref, model]);
    expect([...after.keys()].filter((ref) => !before.has(ref))).toEqual(['Budget!B6']);
    const reread = await (await XlsxWorkbook.open(file)).read();
    expect(reread.names.map((n) => n.name)).toEqual(['MitOmraade']);
    expect(reread.sheets[1].hidden).toBe(true);
  });

  it('keeps defined names ExcelJS cannot model: constants, formulas, sheet-scoped and hidden names', async () => {
    const file = tmp.file('navne.xlsx');
    await personWorkbook(file);
    const names = [
      '<definedName name="Sats">0.25</definedName>',
      '<definedName name="Dynamisk">OFFSET(Budget!$A$1,0,0,COUNTA(Budget!$A:$A),1)</definedName>',
      '<definedName name="Lokal" localSheetId="1">Skjult!$A$1</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Budget!$A$1:$B$3</definedName>',
    ];
    await patchWorkbookXml(file, (xml) => xml.replace('</definedNames>', `${names.join('')}</definedNames>`));

    const wb = await XlsxWorkbook.open(file);
    expect((await wb.read()).names.map((n) => n.name)).toEqual(['MitOmraade']);
    await wb.apply({ names: [{ name: 'TB_Ny', sheet: 'Budget', range: { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } } }] });
    await wb.save(file);

    const xml = await workbookXml(file);
    for (const name of names) expect(xml).toContain(name);
    expect(xml).toContain('<definedName name="MitOmraade">Budget!$A$1:$B$3</definedName>');
    expect(xml).toContain('<definedName name="TB_Ny">Budget!$A$1</definedName>');
  });

  it('keeps a person’s note next to the tool’s note, and takes only the tool’s part off again', async () => {
    const file = tmp.file('noter.xlsx');
    await personWorkbook(file);
    const wb = await XlsxWorkbook.open(file);
    await wb.apply({
      notes: [
        { sheet: 'Budget', row: 1, col: 0, text: 'Totalen stemmer ikke.' },
        { sheet: 'Budget', row: 1, col: 1, text: 'Kun værktøjets note.' },
      ],
    });
    await wb.save(file);

    const noteOf = async (ref: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const note = book.getWorksheet('Budget')!.getCell(ref).note;
      return typeof note === 'string' ? note : note === undefined ? undefined : note.texts!.map((t) => t.text).join('');
    };
    expect(await noteOf('A2')).toBe(`Min egen note\n\n${TOOL_NOTE_MARKER}\nTotalen stemmer ikke.`);
    expect(await noteOf('B2')).toBe(`${TOOL_NOTE_MARKER}\nKun værktøjets note.`);

    // A second run replaces the tool's part, never the person's.
    const again = await XlsxWorkbook.open(file);
    await again.apply({ clearToolNotes: true, notes: [{ sheet: 'Budget', row: 1, col: 0, text: 'Ny besked.' }] });
    await again.save(file);
    expect(await noteOf('A2')).toBe(`Min egen note\n\n${TOOL_NOTE_MARKER}\nNy besked.`);
    expect(await noteOf('B2')).toBeUndefined();

    const cleared = await XlsxWorkbook.open(file);
    await cleared.apply({ clearToolNotes: true });
    await cleared.save(file);
    expect(await noteOf('A2')).toBe('Min egen note');
  });

  it('adds sheets with styles, widths, merges and frozen rows, and names', async () => {
    const file = tmp.file('ny.xlsx');
    const wb = XlsxWorkbook.create();
    await wb.apply({
      addSheets: [
        {
          name: 'Rapport',
          cells: [
            { sheet: 'Rapport', row: 0, col: 0, value: text('Overskrift'), style: 'title' },
            { sheet: 'Rapport', row: 1, col: 1, value: num(1474), style: 'output', numberFormat: '#,##0' },
            { sheet: 'Rapport', row: 2, col: 1, value: num(1474), formula: '=B2', style: 'total' },
            { sheet: 'Rapport', row: 3, col: 0, value: text('Gå til B2'), style: 'link', link: 'Rapport!B2' },
          ],
          columnWidths: [30, 12],
          merges: [{ start: { row: 0, col: 0 }, end: { row: 0, col: 2 } }],
          frozenRows: 1,
        },
      ],
      names: [{ name: 'TB_Test', sheet: 'Rapport', range: { start: { row: 1, col: 1 }, end: { row: 2, col: 1 } } }],
    });
    await wb.save(file);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('Rapport')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B2').numFmt).toBe('#,##0');
    expect(ws.getCell('B3').value).toEqual({ formula: 'B2', result: 1474 });
    expect(ws.getCell('A4').value).toMatchObject({ formula: 'HYPERLINK("#Rapport!B2","Gå til B2")' });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(book.definedNames.model).toEqual([{ name: 'TB_Test', ranges: ['Rapport!$B$2:$B$3'] }]);
  });

  it('refuses to overwrite a sheet unless told, and replaces it in place when told', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    const wb = await XlsxWorkbook.open(file);
    const sheet = { name: 'Budget', cells: [{ sheet: 'Budget', row: 0, col: 0, value: text('Ny') }] };
    await expect(wb.apply({ addSheets: [sheet] })).rejects.toBeInstanceOf(WorkbookChangeError);
    await expect(wb.apply({ cells: [{ sheet: 'Findes ikke', row: 0, col: 0, value: num(1) }] })).rejects.toThrow('findes ikke');
    expect((await wb.read()).sheets[0].cells[0][0]).toEqual(text('Udvalg'));

    await wb.apply({ addSheets: [sheet], replaceSheets: ['Budget'] });
    const snapshot: WorkbookSnapshot = await wb.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Budget', 'Skjult']);
    expect(snapshot.sheets[0].cells).toEqual([[text('Ny')]]);
  });

  it('removes sheets and the names that pointed at them', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    const wb = await XlsxWorkbook.open(file);
    await wb.apply({ removeSheets: ['Budget'] });
    await wb.save(file);
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Skjult']);
    expect(snapshot.names).toEqual([]);
  });
});

describe('XlsxWorkbook.save', () => {
  it('writes through a temporary file: a failed save leaves the original intact and no temp file', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    const original = readFileSync(file);
    const wb = await XlsxWorkbook.open(file);
    await wb.apply({ cells: [{ sheet: 'Budget', row: 0, col: 0, value: text('Ændret') }] });

    // The temporary file is written half-way, then the disk is full.
    const spy = jest.spyOn(fsp, 'writeFile').mockImplementation(async (target) => {
      writeFileSync(target as string, 'halvt skrevet');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      await expect(wb.save(file)).rejects.toThrow(new WorkbookWriteError(file, 'disken er fuld'));
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(tmp.dir)).toEqual(['person.xlsx']);

    await wb.save(file);
    expect(readdirSync(tmp.dir)).toEqual(['person.xlsx']);
    expect((await (await XlsxWorkbook.open(file)).read()).sheets[0].cells[0][0]).toEqual(text('Ændret'));
  });

  it('says so when the folder does not exist', async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply({ addSheets: [{ name: 'A', cells: [] }] });
    await expect(wb.save(tmp.file('mangler/ny.xlsx'))).rejects.toThrow('mappen findes ikke');
  });

  it('edits made by hand between runs survive (regression: editXlsx helper round trip)', async () => {
    const file = tmp.file('person.xlsx');
    await personWorkbook(file);
    await editXlsx(file, (book) => {
      book.getWorksheet('Budget')!.getCell('F1').value = 'hånd';
    });
    const snapshot = await (await XlsxWorkbook.open(file)).read();
    expect(snapshot.sheets[0].cells[0][5]).toEqual(text('hånd'));
  });
});
