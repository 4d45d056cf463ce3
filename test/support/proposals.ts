import { computeProposal, ProposalValidationError, TemplateError, type ProposalInput } from '../../src/engine';

/** A proposal over 2025–2027 with no lines yet: each test adds the lines it is about. */
export function emptyProposal(): ProposalInput {
  return { title: 'Test', priceLevel: 2025, years: [2025, 2026, 2027], effects: [], operatingCosts: [], transfers: [], investments: [] };
}

/** The validation problems of a proposal as `path: message` lines; fails the test when it computes. */
export function validationProblems(input: unknown): string[] {
  try {
    computeProposal(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ProposalValidationError);
    return (error as ProposalValidationError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ProposalValidationError');
}

/** The problems `fn` throws (a proposal's or a template's) as `path: message` lines; fails the test when it does not throw. */
export function problemLines(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProposalValidationError || error instanceof TemplateError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected a ProposalValidationError or TemplateError');
}
