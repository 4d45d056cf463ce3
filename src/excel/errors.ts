/**
 * Exceptions of the Office.js adapter, one class per condition. A refused change lists every
 * problem as a code with its sheet and cell; the wording lives in `./messages.ts`.
 */
import { describeChangeProblem, describeRequestFailure, type AdapterLocale } from './messages';

type ChangeProblemCode =
  'workbook-protected' | 'sheet-protected' | 'sheet-exists' | 'missing-sheet' | 'merged-cells' | 'array-formula' | 'spill' | 'last-sheet';

/** One reason a batch of changes cannot be applied. */
export interface ChangeProblem {
  code: ChangeProblemCode;
  sheet: string;
  /** A1 of the offending cell or range, where there is one (`C7:E7, C9` for several). */
  cell?: string;
  /** For `spill`: the cell holding the formula whose results spill over the written cells. */
  anchor?: string;
}

/** Changes refused before anything was written: the workbook is exactly as it was. */
export class WorkbookChangeError extends Error {
  constructor(readonly problems: ChangeProblem[]) {
    super(['Projektmappen er ikke ændret:', ...problems.map((p) => `  ${describeChangeProblem(p, 'da')}`)].join('\n'));
    this.name = 'WorkbookChangeError';
  }

  describe(locale: AdapterLocale): string[] {
    return this.problems.map((p) => describeChangeProblem(p, locale));
  }
}

/** Excel refused a request (an Office.js error), with Excel's code. */
export class ExcelRequestError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(describeRequestFailure(code, detail, 'da'));
    this.name = 'ExcelRequestError';
  }

  /** Wraps anything Excel.run rejected with; our own errors pass through. */
  static wrap(error: unknown): Error {
    if (error instanceof WorkbookChangeError || error instanceof ExcelRequestError || error instanceof HiddenSheetError) return error;
    const e = error as { code?: unknown; message?: unknown };
    if (e && typeof e === 'object' && typeof e.code === 'string') return new ExcelRequestError(e.code, typeof e.message === 'string' ? e.message : '');
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** A finding's sheet is hidden (it can be shown) or very hidden (only Visual Basic can show it). */
export class HiddenSheetError extends Error {
  constructor(
    readonly sheet: string,
    readonly veryHidden: boolean,
  ) {
    super(veryHidden ? `Arket »${sheet}« er meget skjult og kan ikke vises herfra.` : `Arket »${sheet}« er skjult.`);
    this.name = 'HiddenSheetError';
  }
}
