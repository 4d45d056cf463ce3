/**
 * Exceptions, one class per condition. Findings about a workbook are data, never exceptions;
 * these are for input that cannot be used at all.
 */

/** One problem with an input, located by its path (`operatingCosts[0].financing`). */
export interface InputProblem {
  path: string;
  message: string;
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
}
