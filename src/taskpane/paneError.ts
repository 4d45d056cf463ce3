/**
 * Turns whatever an action threw into what the pane shows: a title and the problems, worded in
 * the pane's language where the source has codes, in Danish where the engine words them.
 */
import { ProposalValidationError, TemplateError } from '../engine';
import { ExcelRequestError, WorkbookChangeError } from '../excel/errors';
import { describeRequestFailure } from '../excel/messages';
import type { PaneLocale, PaneStrings } from './i18n';

export interface PaneError {
  title: string;
  lines: string[];
  hint?: string;
}

export function describeError(error: unknown, locale: PaneLocale, strings: PaneStrings): PaneError {
  if (error instanceof WorkbookChangeError) return { title: strings.errorTitle.change, lines: error.describe(locale) };
  if (error instanceof TemplateError) {
    return { title: strings.errorTitle.template, lines: error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)), hint: strings.templateHint };
  }
  if (error instanceof ProposalValidationError) {
    return { title: strings.errorTitle.proposal, lines: error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) };
  }
  if (error instanceof ExcelRequestError) return { title: strings.errorTitle.excel, lines: [describeRequestFailure(error.code, error.detail, locale)] };
  return { title: strings.errorTitle.unknown, lines: [error instanceof Error ? error.message : String(error)] };
}
