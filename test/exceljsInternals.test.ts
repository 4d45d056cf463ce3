/**
 * ExcelJS contained: the internals the adapter patches are checked at first use, so a different
 * ExcelJS fails loudly with a clear Danish message instead of writing a wrong file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import DefinedNamesXform from 'exceljs/lib/xlsx/xform/book/defined-name-xform';
import { ExcelJsInternalsError, missingExcelJsInternals } from '../src/node/exceljsInternals';
import { ROOT } from './support/xlsx';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const pinned = (json(path.join(ROOT, 'package.json')) as { dependencies: Record<string, string> }).dependencies.exceljs;

it('exceljs is pinned to an exact version, and that version has every internal the adapter uses', () => {
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  expect((json(path.join(ROOT, 'node_modules', 'exceljs', 'package.json')) as { version: string }).version).toBe(pinned);
  expect(missingExcelJsInternals()).toEqual([]);
});

it('a missing patched method is named in the error', () => {
  const proto = DefinedNamesXform.prototype as unknown as Record<string, unknown>;
  const saved = proto.parseClose;
  delete proto.parseClose;
  try {
    const missing = missingExcelJsInternals();
    expect(missing).toEqual(['DefinedNamesXform.prototype.parseClose']);
    expect(new ExcelJsInternalsError(missing).message).toMatch(
      /^Den installerede ExcelJS \(version 4\.4\.0\) mangler det, tb bygger på: DefinedNamesXform\.prototype\.parseClose\. Installer/,
    );
  } finally {
    proto.parseClose = saved;
  }
  expect(missingExcelJsInternals()).toEqual([]);
});
