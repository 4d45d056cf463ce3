/**
 * Message catalogues: the wording of findings, kept apart from the rules that detect them. Each
 * catalogue has an entry for every rule id (a missing one is a compile error).
 */
import { rangeToA1 } from '../cells';
import type { Finding, FindingDraft, RuleId } from '../findings';
import { da } from './da';
import { en } from './en';

/** The languages the tool speaks: Danish (the default) and English. */
export type Locale = 'da' | 'en';

/** How one rule's findings are worded: the message, and the expected value where it is words. */
type Wording = ((f: FindingDraft) => string) | { message: (f: FindingDraft) => string; expected: (f: FindingDraft) => string };

export type Catalogue = Record<RuleId, Wording>;

const CATALOGUES: Record<Locale, Catalogue> = { da, en };

/** Words a finding in `locale` and gives its address as A1 text. */
export function wordFinding(draft: FindingDraft, locale: Locale = 'da'): Finding {
  const wording = CATALOGUES[locale][draft.rule];
  const message = typeof wording === 'function' ? wording(draft) : wording.message(draft);
  const worded: Finding = { ...draft, cell: draft.range ? rangeToA1(draft.range) : '', message };
  if (typeof wording !== 'function') worded.expected = wording.expected(draft);
  return worded;
}
