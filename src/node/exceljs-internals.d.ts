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

/** The cell writer, patched so an empty cell with a note is written (notesOnEmptyCells.ts). */
declare module 'exceljs/lib/xlsx/xform/sheet/cell-xform' {
  interface XmlStream {
    openNode(name: string, attributes?: Record<string, unknown>): void;
    closeNode(): void;
  }
  interface CellModel {
    address: string;
    type: number;
    styleId?: number;
    comment?: unknown;
  }
  class CellXform {
    render(xmlStream: XmlStream, model: CellModel, options?: unknown): void;
  }
  export = CellXform;
}

/** The worksheet reader, patched so a comment on a cell with no `<c>` element is kept. */
declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform' {
  interface WorksheetModel {
    relationships?: { Type: string; Target: string }[];
    rows?: { number: number; cells: { address?: string; type: number }[]; style?: object }[];
  }
  interface ReconcileOptions {
    comments?: Record<string, { comments?: { ref?: string }[] }>;
  }
  class WorksheetXform {
    reconcile(model: WorksheetModel, options: ReconcileOptions): void;
  }
  export = WorksheetXform;
}
