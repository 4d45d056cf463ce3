import { computeProposal, ProposalValidationError } from '../../src/engine';

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
