/**
 * Issue 5, nothing lost: `tb check` refuses what is not an .xlsx workbook (an old .xls, a CSV
 * renamed .xlsx, an empty file, arbitrary bytes) with one Danish line and exit 2, never a stack
 * trace, and leaves the file as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { STACK_TRACE, tb, tbProcess, tempDir } from '../support/xlsx';
import { runs } from './arbitraries';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe('issue 5: tb check refuses a file that is not an .xlsx workbook', () => {
  it.each([
    ['an old .xls', 'gammel.xls', OLE, 'er en gammel Excel-fil (.xls); åbn den i Excel og gem den som .xlsx'],
    ['an .xls renamed .xlsx', 'gammel.xlsx', OLE, 'er en gammel Excel-fil (.xls); åbn den i Excel og gem den som .xlsx'],
    ['a CSV renamed .xlsx', 'data.xlsx', Buffer.from('Udvalg;2025\nØU;-1.474\n', 'utf8'), 'er en tekstfil (fx CSV) med filtypen .xlsx'],
    ['an empty file', 'tom.xlsx', Buffer.alloc(0), 'er tom (0 byte)'],
  ])('%s: exit 2, one line, the file untouched and nothing written', async (_what, name, bytes, reason) => {
    const file = tmp.file(name);
    writeFileSync(file, bytes);
    const annotated = tmp.file(`${name}-noter.xlsx`);
    const run = await tb('check', file, '--annotate', annotated);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`fejl: ${file}: ${reason}`)).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(() => readFileSync(annotated)).toThrow();
  });

  it('as a process, too: a CSV renamed .xlsx exits 2 with the Danish line and no stack trace', () => {
    const file = tmp.file('proces.xlsx');
    writeFileSync(file, 'Udvalg;2025\nØU;-369\n');
    const run = tbProcess(['check', file]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `fejl: ${file}: er en tekstfil (fx CSV) med filtypen .xlsx, ikke en Excel-projektmappe; åbn den i Excel og gem den som .xlsx\n`,
    });
  });

  it('arbitrary bytes named .xlsx: always exit 2 with one line, never an unexpected error', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const file = tmp.file(`tilfaeldig-${n++}.xlsx`);
        writeFileSync(file, b);
        const run = await tb('check', file);
        expect([run.code, run.stdout]).toEqual([2, '']);
        expect(run.stderr).toMatch(new RegExp(`^fejl: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\n$`));
        expect(run.stderr).not.toMatch(STACK_TRACE);
      }),
      runs(60, 'costly'),
    );
  });
});
