/**
 * The words every host uses for severities and rules, so the CLI, the task pane and the
 * Valideringsrapport sheet say the same: "fejl", "advarsel", "bemærkning" and a Danish name per
 * rule (the rule id stays the stable key).
 */
import type { RuleId, Severity } from '../findings';
import type { Locale } from './index';

export interface SeverityWord {
  one: string;
  many: string;
}

export const SEVERITY_WORDS: Record<Locale, Record<Severity, SeverityWord>> = {
  da: { error: { one: 'fejl', many: 'fejl' }, warning: { one: 'advarsel', many: 'advarsler' }, info: { one: 'bemærkning', many: 'bemærkninger' } },
  en: { error: { one: 'error', many: 'errors' }, warning: { one: 'warning', many: 'warnings' }, info: { one: 'remark', many: 'remarks' } },
};

/** "3 advarsler", "1 bemærkning"; numbers in the locale's form. */
export function severityCount(severity: Severity, count: number, locale: Locale = 'da'): string {
  const word = SEVERITY_WORDS[locale][severity];
  return `${count.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')} ${count === 1 ? word.one : word.many}`;
}

/** The severity as a label starting with a capital: "Advarsel". */
export function severityLabel(severity: Severity, locale: Locale = 'da'): string {
  const word = SEVERITY_WORDS[locale][severity].one;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const RULE_NAMES: Record<Locale, Record<RuleId, string>> = {
  da: {
    'unparseable-number': 'ulæseligt tal',
    'year-sequence': 'årstal i rækkefølge',
    'total-mismatch': 'total passer ikke',
    'c-equals-a-plus-b': 'C = A + B',
    'b-balances': 'Tabel B går i nul',
    'a-matches-summary': 'Tabel A mod samlet varig ændring',
    'investments-match': 'investeringer mod økonomitabellen',
    'swapped-rows': 'byttede rækker',
    'price-level-mismatch': 'pris- og lønniveau',
    'unknown-unit': 'ukendt udvalg',
    'payback-mismatch': 'tilbagebetalingstid',
    'missing-bevilling': 'mangler bevilling',
    'cell-rounding-imbalance': 'afrunding celle for celle',
    'uncalculated-formula': 'formel uden beregnet værdi',
    'overview-matches-proposal': 'oversigt mod forslagets tabeller',
  },
  en: {
    'unparseable-number': 'unreadable number',
    'year-sequence': 'years in sequence',
    'total-mismatch': 'total does not add up',
    'c-equals-a-plus-b': 'C = A + B',
    'b-balances': 'Table B sums to zero',
    'a-matches-summary': 'Table A against net permanent change',
    'investments-match': 'investments against the summary',
    'swapped-rows': 'swapped rows',
    'price-level-mismatch': 'price level',
    'unknown-unit': 'unknown committee',
    'payback-mismatch': 'payback',
    'missing-bevilling': 'missing bevilling',
    'cell-rounding-imbalance': 'cell-by-cell rounding',
    'uncalculated-formula': 'formula without a calculated value',
    'overview-matches-proposal': "overview against the proposal's tables",
  },
};

/** A rule's name for people; an unknown rule keeps its id. */
export function ruleName(rule: string, locale: Locale = 'da'): string {
  return (RULE_NAMES[locale] as Record<string, string | undefined>)[rule] ?? rule;
}
