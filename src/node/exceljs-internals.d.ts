/**
 * The one ExcelJS internal the adapter reaches into: the parser of `<definedName>` elements,
 * whose public result drops names that are not plain ranges (see definedNames.ts).
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
