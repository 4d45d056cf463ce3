/**
 * Defined names, kept as Excel wrote them. ExcelJS stores names as sets of cells, so on a round
 * trip it drops names that hold a constant or a formula (`Sats = 0.25`, `=OFFSET(…)`), turns
 * sheet-scoped names global and garbles formula text into a bogus sheet reference, which makes
 * Excel "repair" the file. The adapter therefore keeps every name's own text and scope and
 * hands ExcelJS that list when it writes.
 */
import * as ExcelJS from 'exceljs';
import DefinedNamesXform from 'exceljs/lib/xlsx/xform/book/defined-name-xform';
import { absoluteA1, AddressError, rangeFromA1, sheetRef, splitSheetAddress, type DefinedName } from '../engine';

/** One `<definedName>`: its name, its scope (a 0-based sheet position) and its formula text. */
export interface StoredName {
  name: string;
  localSheetId?: number;
  text: string;
  hidden?: boolean;
}

/** A name as ExcelJS models it, with the element's own text and hidden flag that the parser patch below adds. */
type ExcelJsName = DefinedNamesXform['model'];

// Print areas and titles live in each sheet's page setup in ExcelJS, which writes them back.
const PAGE_SETUP_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

let parserPatched = false;

/**
 * Makes ExcelJS's name parser keep each name's text and hidden flag next to the ranges it
 * extracts, and its writer write the flag back (Excel hides its own names, such as filters').
 */
function patchParser(): void {
  if (parserPatched) return;
  parserPatched = true;
  const proto = DefinedNamesXform.prototype;
  const { parseOpen, parseClose } = proto;
  const hiddenFlags = new WeakMap<DefinedNamesXform, boolean>();
  proto.parseOpen = function (this: DefinedNamesXform, node) {
    if (node.name === 'definedName') hiddenFlags.set(this, node.attributes.hidden === '1' || node.attributes.hidden === 'true');
    return parseOpen.call(this, node);
  };
  proto.parseClose = function (this: DefinedNamesXform) {
    const result = parseClose.call(this);
    this.model.text = this._parsedText.join('');
    if (hiddenFlags.get(this)) this.model.hidden = true;
    return result;
  };
  proto.render = function (xmlStream, model) {
    xmlStream.openNode('definedName', { name: model.name, localSheetId: model.localSheetId, hidden: model.hidden ? '1' : undefined });
    xmlStream.writeText(model.ranges.join(','));
    xmlStream.closeNode();
  };
}

/** The names of one workbook, by their own text. */
export class NameStore {
  private names: StoredName[] = [];

  /**
   * Takes over `workbook`'s names: what ExcelJS loads into it lands here, and what it writes
   * comes from here. Call before loading.
   */
  static attach(workbook: ExcelJS.Workbook): NameStore {
    patchParser();
    const store = new NameStore();
    Object.defineProperty(workbook.definedNames, 'model', {
      configurable: true,
      get: (): ExcelJsName[] => store.names.map(({ text, ...rest }) => ({ ...rest, ranges: [text] })),
      set: (loaded: ExcelJsName[]) => {
        store.names = loaded
          .filter((n) => !PAGE_SETUP_NAMES.has(n.name))
          .map((n) => ({
            name: n.name,
            text: n.text ?? n.ranges.join(','),
            ...(n.localSheetId === undefined ? {} : { localSheetId: n.localSheetId }),
            ...(n.hidden ? { hidden: true } : {}),
          }));
      },
    });
    return store;
  }

  /** Takes the names of another store (the same workbook, loaded again). */
  replaceWith(other: NameStore): void {
    this.names = other.names;
  }

  /** Workbook-scoped names that point at one range on one sheet: the names the engine uses. */
  rangeNames(sheetName: (written: string) => string | undefined): DefinedName[] {
    const out: DefinedName[] = [];
    for (const n of this.names) {
      if (n.localSheetId !== undefined) continue;
      const { sheet, address } = splitSheetAddress(n.text.replace(/^=/, ''));
      const actual = sheet === null ? undefined : sheetName(sheet);
      if (!actual) continue;
      try {
        out.push({ name: n.name, sheet: actual, range: rangeFromA1(address) });
      } catch (error) {
        if (!(error instanceof AddressError)) throw error;
      }
    }
    return out;
  }

  /** Adds workbook-scoped names, or moves them when they exist. */
  set(names: readonly DefinedName[]): void {
    for (const n of names) {
      const text = absoluteRange(n);
      const at = this.names.findIndex((m) => m.localSheetId === undefined && m.name.toLowerCase() === n.name.toLowerCase());
      if (at >= 0) this.names[at] = { name: this.names[at].name, text };
      else this.names.push({ name: n.name, text });
    }
  }

  /**
   * Forgets a removed sheet: its own names, names that refer to it (Excel would show #REF!),
   * and shifts the scope of sheets after it.
   */
  removeSheet(name: string, position: number): void {
    const ref = new RegExp(`(^|[^A-Za-z0-9_.'])('${escape(name).replace(/'/g, "''")}'|${escape(name)})!`, 'i');
    this.names = this.names
      .filter((n) => n.localSheetId !== position && !ref.test(n.text))
      .map((n) => (n.localSheetId !== undefined && n.localSheetId > position ? { ...n, localSheetId: n.localSheetId - 1 } : n));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function absoluteRange(n: DefinedName): string {
  return sheetRef(n.sheet, absoluteA1(n.range));
}
