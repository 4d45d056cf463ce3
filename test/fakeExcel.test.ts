/**
 * The in-memory Excel API behaves as Excel does where an add-in can get it wrong.
 */
import ExcelJS from 'exceljs';
import type { XlRange, XlRequestContext } from '../src/excel/api';
import { FakeExcel, FakeExcelError, modelFromXlsx, workbookFromRows, xlsxFromModel, cellKey } from '../src/excel/fake';

function host(sheets: Parameters<typeof workbookFromRows>[0] = { Ark1: [] }, options: ConstructorParameters<typeof FakeExcel>[1] = {}) {
  return new FakeExcel(workbookFromRows(sheets), options);
}

async function rejection(promise: Promise<unknown>): Promise<FakeExcelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FakeExcelError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('fake Excel: batching', () => {
  test('a write is queued until sync()', async () => {
    const excel = host({ Ark1: [[1]] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Ark1').getRange('A1').values = [[42]];
      expect(excel.model.cell(excel.model.sheets[0], 0, 0)?.value).toBe(1);
      await context.sync();
      expect(excel.model.cell(excel.model.sheets[0], 0, 0)?.value).toBe(42);
    });
    expect(excel.syncCount).toBe(1);
  });

  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const excel = host({ Ark1: [[1, 2]] });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Ark1').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('isNullObject is known only after a sync', async () => {
    const excel = host({ Ark1: [] });
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Findes ikke');
      const present = context.workbook.worksheets.getItemOrNullObject('ark1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('a failing operation rejects the sync; operations before it ran, those after did not', async () => {
    const excel = host({ Ark1: [] });
    const error = await rejection(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Ark1');
        ws.getRange('A1').values = [['før']];
        context.workbook.worksheets.getItem('Findes ikke').getRange('A1').values = [['x']];
        ws.getRange('A2').values = [['efter']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    const sheet = excel.model.sheets[0];
    expect(excel.model.cell(sheet, 0, 0)?.value).toBe('før');
    expect(excel.model.cell(sheet, 1, 0)).toBeUndefined();
  });

  test('objects of a finished run are dead', async () => {
    const excel = host({ Ark1: [[1]] });
    let kept: XlRange | undefined;
    await excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem('Ark1').getRange('A1').load('values');
      await context.sync();
    });
    expect(kept!.values).toEqual([[1]]); // loaded values stay readable
    expect(() => kept!.load('address')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    expect(() => {
      kept!.values = [[2]];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('an object of one context passed to another is refused', async () => {
    const excel = host({ Ark1: [[1]] });
    let other: XlRequestContext | undefined;
    await excel.run(async (a) => {
      const range = a.workbook.worksheets.getItem('Ark1').getRange('A1');
      await excel.run(async (b) => {
        other = b;
        expect(() => b.workbook.names.add('Navn', range)).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
      });
    });
    expect(other).toBeDefined();
  });

  test('Excel.run sends what is still queued when the batch returns', async () => {
    const excel = host({ Ark1: [] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Ark1').getRange('B2').values = [['sidst']];
    });
    expect(excel.model.cell(excel.model.sheets[0], 1, 1)?.value).toBe('sidst');
    expect(excel.syncCount).toBe(1);
  });
});

describe('fake Excel: cells', () => {
  test('values follow Excel: formulas evaluate, number text becomes a number, an apostrophe keeps text', async () => {
    const excel = host({ Ark1: [] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Ark1');
      ws.getRange('A1:A4').values = [[2], ['3'], ["'1.144"], ['=SUM(A1:A2)*2']];
      const range = ws.getRange('A1:A4').load('values,formulas');
      await context.sync();
      expect(range.values).toEqual([[2], [3], ['1.144'], [10]]);
      expect(range.formulas).toEqual([[2], [3], ['1.144'], ['=SUM(A1:A2)*2']]);
    });
  });

  test('a value array must match the range', async () => {
    const excel = host({ Ark1: [] });
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  test('used range with valuesOnly; a blank sheet has none', async () => {
    const excel = host({ Ark1: [[], [null, null, 'x'], [null, 5]], Tom: [] });
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Ark1').getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount');
      const blank = context.workbook.worksheets.getItem('Tom').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(used.address).toBe("'Ark1'!B2:C3");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([1, 1, 2, 2]);
      expect(blank.isNullObject).toBe(true);
    });
  });

  test('a protected sheet refuses edits', async () => {
    const excel = host({ Beskyttet: [[1]] });
    excel.model.sheets[0].protected = true;
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Beskyttet').getRange('A1').values = [[2]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(excel.model.cell(excel.model.sheets[0], 0, 0)?.value).toBe(1);
  });

  test('the hidden part of a merged cell refuses a value; merged areas are reported', async () => {
    const excel = host({ Ark1: [['Titel']] });
    excel.model.sheets[0].merges.push({ start: { row: 0, col: 0 }, end: { row: 0, col: 3 } });
    await excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Ark1').getRange('B1:C5').getMergedAreasOrNullObject().load('address');
      const none = context.workbook.worksheets.getItem('Ark1').getRange('A3:B5').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(areas.address).toBe("'Ark1'!A1:D1");
      expect(none.isNullObject).toBe(true);
    });
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('B1').values = [[5]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperation');
  });

  test('a request over the payload limit is refused whole', async () => {
    const excel = host({ Ark1: [] }, { payloadLimitBytes: 1000 });
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['en lang tekst']);
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.model.sheets[0].cells.size).toBe(0);
  });
});

describe('fake Excel: sheets, names, selection', () => {
  test('add, rename, delete; the last visible sheet stays', async () => {
    const excel = host({ Ark1: [] });
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add('Tabeller');
      added.name = 'Tabeller 2';
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Ark1', 'Tabeller 2']);
    });
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').delete();
        context.workbook.worksheets.getItem('Tabeller 2').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperation');
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['Tabeller 2']);
  });

  test('names point at ranges and follow a renamed sheet', async () => {
    const excel = host({
      Input: [
        [1, 2],
        [3, 4],
      ],
    });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Input');
      context.workbook.names.add('TB_Aar', ws.getRange('A1:B2'));
      await context.sync();
      ws.name = 'Input data';
      const name = context.workbook.names.getItemOrNullObject('tb_aar').load('name,type,formula');
      const range = name.getRangeOrNullObject().load('address,values');
      await context.sync();
      expect(name.formula).toBe("='Input data'!$A$1:$B$2");
      const direct = context.workbook.names.getItem('TB_Aar').getRange().load('address');
      await context.sync();
      expect(direct.address).toBe("'Input data'!A1:B2");
      expect(name.type).toBe('Range');
      expect(range.values).toEqual([
        [1, 2],
        [3, 4],
      ]);
    });
  });

  test('selecting a range activates its sheet and moves the selection', async () => {
    const excel = host({ Ark1: [], 'Tabel A': [] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Tabel A');
      ws.activate();
      await context.sync();
      ws.getRange('C7').select();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe("'Tabel A'!C7");
    });
    expect(excel.model.selectionRef()).toBe("'Tabel A'!C7");
  });
});

describe('fake Excel: notes and comments', () => {
  test('notes need ExcelApi 1.18', async () => {
    const excel = host({ Ark1: [] }, { apiVersion: '1.17' });
    expect(excel.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(excel.isSetSupported('ExcelApi', '1.10')).toBe(true);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.notes.load('items/content');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
  });

  test('add, read, change and delete a note; a cell holds a note or a comment, not both', async () => {
    const excel = host({ Ark1: [] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Ark1');
      ws.notes.add('B2', 'En persons note');
      ws.comments.add("'Ark1'!C3", 'En tråd');
      await context.sync();
      const notes = context.workbook.notes.load('items/content,items/authorName');
      await context.sync();
      expect(notes.items.map((n) => n.content)).toEqual(['En persons note']);
      const where = notes.items[0].getLocation().load('address');
      await context.sync();
      expect(where.address).toBe("'Ark1'!B2");
      notes.items[0].content = 'Ændret';
      await context.sync();
    });
    expect(excel.model.sheets[0].notes.get('B2')?.content).toBe('Ændret');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Ark1');
      const note = ws.notes.getItem('B2').load('content');
      const thread = ws.comments.getItemByCell(ws.getRange('C3')).load('content');
      await context.sync();
      expect([note.content, thread.content]).toEqual(['Ændret', 'En tråd']);
      note.delete();
      await context.sync();
    });
    expect(excel.model.sheets[0].notes.size).toBe(0);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').notes.add('C3', 'note');
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidOperation');
  });

  // CommentCollection.add: "If it's a string, it must contain the full address, including the sheet
  // name. An InvalidArgument error is thrown if the provided range is larger than one cell."
  test.each([
    ['a sheet-local address, even on the sheet’s own collection', (c: XlRequestContext) => c.workbook.worksheets.getItem('Ark1').comments.add('C3', 'x')],
    ['a range of more than one cell', (c: XlRequestContext) => c.workbook.comments.add(c.workbook.worksheets.getItem('Ark1').getRange('C3:C4'), 'x')],
    ['a note on the workbook’s collection without a sheet name', (c: XlRequestContext) => c.workbook.notes.add('C3', 'x')],
  ])('comments and notes refuse %s, as Excel does', async (_what, add) => {
    const excel = host({ Ark1: [] });
    const error = await rejection(
      excel.run(async (context) => {
        add(context);
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(excel.model.sheets[0].comments.size + excel.model.sheets[0].notes.size).toBe(0);
  });
});

describe('fake Excel: .xlsx', () => {
  test('a workbook survives the round trip: values, formulas, merges, notes, names, protection, state', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tabel A');
    ws.getCell('A1').value = 'Tabel A. Måltalseffekt';
    ws.mergeCells('A1:D1');
    ws.getCell('B2').value = 5;
    ws.getCell('B3').value = { formula: 'B2*2', result: 10 };
    ws.getCell('B2').note = 'En persons note';
    wb.definedNames.add("'Tabel A'!$B$2:$B$3", 'TB_X');
    const hidden = wb.addWorksheet('Skjult', { state: 'hidden' });
    hidden.getCell('A1').value = 'x';
    await hidden.protect('', {});
    const model = await modelFromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const again = await modelFromXlsx(await xlsxFromModel(model));
    for (const m of [model, again]) {
      const [a, s] = m.sheets;
      expect(a.cells.get(cellKey(0, 1))).toBeUndefined(); // a merged cell's value lives in its first cell
      expect(a.cells.get(cellKey(2, 1))).toMatchObject({ formula: '=B2*2', value: 10 });
      expect(a.merges).toEqual([{ start: { row: 0, col: 0 }, end: { row: 0, col: 3 } }]);
      expect(a.notes.get('B2')?.content).toBe('En persons note');
      expect(m.names).toEqual([expect.objectContaining({ name: 'TB_X', formula: "='Tabel A'!$B$2:$B$3" })]);
      expect([s.visibility, s.protected]).toEqual(['Hidden', true]);
    }
  });
});
