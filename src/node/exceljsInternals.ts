/**
 * The start-up check of the ExcelJS internals declared in exceljs-internals.d.ts. A different
 * ExcelJS than the pinned one may lack them; the adapter then refuses to work instead of
 * silently dropping defined names or reordering sheets.
 */
import * as ExcelJS from 'exceljs';
import DefinedNamesXform from 'exceljs/lib/xlsx/xform/book/defined-name-xform';

/** An ExcelJS without an internal the adapter relies on. */
export class ExcelJsInternalsError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `Den installerede ExcelJS (${excelJsVersion()}) mangler det, tb bygger på: ${missing.join(', ')}. ` +
        'Installer den version, package.json angiver (npm ci), og prøv igen.',
    );
    this.name = 'ExcelJsInternalsError';
  }
}

function excelJsVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return `version ${(require('exceljs/package.json') as { version: string }).version}`;
  } catch {
    return 'ukendt version';
  }
}

/** The internals that are missing (empty when all are there). */
export function missingExcelJsInternals(): string[] {
  const missing: string[] = [];
  const proto = DefinedNamesXform?.prototype as unknown as Record<string, unknown> | undefined;
  for (const method of ['parseOpen', 'parseClose', 'render']) {
    if (!proto || !Object.prototype.hasOwnProperty.call(proto, method) || typeof proto[method] !== 'function')
      missing.push(`DefinedNamesXform.prototype.${method}`);
  }
  const workbook = new ExcelJS.Workbook();
  let owner: object | null = workbook.definedNames;
  let model: PropertyDescriptor | undefined;
  while (owner && !model) {
    model = Object.getOwnPropertyDescriptor(owner, 'model');
    owner = Object.getPrototypeOf(owner) as object | null;
  }
  if (!model || (!model.get && !('value' in model)) || (model.get && !model.set)) missing.push('DefinedNames.model');
  const sheet = workbook.addWorksheet('x') as unknown as { orderNo?: unknown };
  if (typeof sheet.orderNo !== 'number') missing.push('Worksheet.orderNo');
  return missing;
}

let checked = false;

/** Throws `ExcelJsInternalsError` once if an internal is missing; cheap after the first call. */
export function assertExcelJsInternals(): void {
  if (checked) return;
  const missing = missingExcelJsInternals();
  if (missing.length > 0) throw new ExcelJsInternalsError(missing);
  checked = true;
}
