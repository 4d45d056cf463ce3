/**
 * Message catalogues: the wording of findings, kept apart from the rules that detect them.
 */
import type { Finding, FindingDraft } from '../findings';
import { da } from './da';
import { en } from './en';

export type Locale = 'da' | 'en';
export type Catalogue = Record<string, (f: FindingDraft) => string>;

const CATALOGUES: Record<Locale, Catalogue> = { da, en };

/** Words a finding in `locale`; an unknown rule falls back to its id and parameters. */
export function wordFinding(draft: FindingDraft, locale: Locale = 'da'): Finding {
  const format = CATALOGUES[locale][draft.rule] ?? CATALOGUES.da[draft.rule];
  const message = format ? format(draft) : `${draft.rule}: ${JSON.stringify(draft.params)}`;
  return { ...draft, message };
}
