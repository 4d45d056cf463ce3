/**
 * Every ExcelJS internal the Node adapter reaches into, declared in this one place. ExcelJS is
 * pinned to an exact version in package.json, and `exceljsInternals.ts` checks at first use that
 * each one is still there, failing with a clear message rather than writing a wrong file.
 *
 * 1. The parser and writer of `<definedName>` elements (definedNames.ts patches `parseOpen`,
 *    `parseClose` and `render`, and reads `_parsedText` and `model`): ExcelJS's public result
 *    drops names that are not plain ranges.
 * 2. `workbook.definedNames.model`, an accessor on ExcelJS's DefinedNames class, which
 *    definedNames.ts redefines per workbook so loading and writing go through its own store.
 * 3. `Worksheet.orderNo`, the untyped field by which ExcelJS orders tabs; xlsxAdapter.ts sets it
 *    so a sheet replaced in a new workbook keeps its tab position.
 *
 * Writing an opened workbook goes through the package writer (packageWriter.ts), not ExcelJS.
 */
declare module 'exceljs/lib/xlsx/xform/book/defined-name-xform' {
  interface XmlStream {
    openNode(name: string, attributes?: Record<string, unknown>): void;
    writeText(text: string): void;
    closeNode(): void;
  }
  interface NameModel {
    name: string;
    ranges: string[];
    localSheetId?: number;
    text?: string;
    hidden?: boolean;
  }
  class DefinedNamesXform {
    _parsedText: string[];
    model: NameModel;
    render(xmlStream: XmlStream, model: NameModel): void;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseClose(): boolean;
  }
  export = DefinedNamesXform;
}
