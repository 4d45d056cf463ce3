/**
 * Turns whatever an action threw into what the pane shows: a title and the problems, worded in
 * the pane's language where the source has codes, in Danish where the engine words them. A
 * problem in a cell keeps its sheet and address, so the pane can take the user there.
 */
import { ProposalValidationError, TemplateError } from '../engine';
import { ExcelRequestError, WorkbookChangeError } from '../excel/errors';
import { describeRequestFailure } from '../excel/messages';
import type { PaneLocale, PaneStrings } from './i18n';

interface PaneErrorLine {
  text: string;
  /** Set when the problem lies in a cell or range the user can go to. */
  sheet?: string;
  cell?: string;
}

export interface PaneError {
  title: string;
  lines: PaneErrorLine[];
  hint?: string;
}

const plain = (text: string): PaneErrorLine => ({ text });

export function describeError(error: unknown, locale: PaneLocale, strings: PaneStrings): PaneError {
  if (error instanceof WorkbookChangeError) return { title: strings.errorTitle.change, lines: error.describe(locale).map(plain) };
  if (error instanceof TemplateError) {
    const lines = error.problems.map((p): PaneErrorLine =>
      p.sheet && p.cell ? { text: p.message, sheet: p.sheet, cell: p.cell } : plain(p.path ? `${p.path}: ${p.message}` : p.message),
    );
    // A missing sheet or name is the template's problem; values typed wrong are the Input sheet's.
    return error.missingParts
      ? { title: strings.errorTitle.template, lines, hint: strings.templateHint }
      : { title: strings.errorTitle.input, lines, hint: strings.inputHint };
  }
  if (error instanceof ProposalValidationError) {
    return { title: strings.errorTitle.proposal, lines: error.problems.map((p) => plain(p.path ? `${p.path}: ${p.message}` : p.message)) };
  }
  if (error instanceof ExcelRequestError) return { title: strings.errorTitle.excel, lines: [plain(describeRequestFailure(error.code, error.detail, locale))] };
  return { title: strings.errorTitle.unknown, lines: [plain(error instanceof Error ? error.message : String(error))] };
}
