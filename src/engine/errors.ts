/**
 * Exceptions, one class per condition. Findings about a workbook are data, never exceptions;
 * these are for input that cannot be used at all.
 */

/** One problem with an input, located by its path (`operatingCosts[0].financing`). */
export interface InputProblem {
  path: string;
  message: string;
  /** For a problem in a workbook: its sheet, and the A1 address of its cell or range when it has one. */
  sheet?: string;
  cell?: string;
  /** A sheet, name or section of the template is missing (not a value typed wrong). */
  missing?: boolean;
}

/** A proposal that cannot be computed. Lists every problem, not only the first. */
export class ProposalValidationError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`Forslaget er ugyldigt:\n${problems.map((p) => `  ${p.path || '(forslaget)'}: ${p.message}`).join('\n')}`);
    this.name = 'ProposalValidationError';
  }
}

/** A pris- og lønindeks that cannot be used for a conversion. */
export class PriceIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceIndexError';
  }
}

/** A Teknisk beregningsark that cannot be read: missing sheets or names, unreadable cells. */
export class TemplateError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`Teknisk beregningsark kan ikke læses:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'TemplateError';
  }

  /** True when a sheet, name or section is missing; false when only typed values are wrong. */
  get missingParts(): boolean {
    return this.problems.some((p) => p.missing === true);
  }
}
