/**
 * Public surface of the engine: pure TypeScript, no host, file or UI.
 */
export * from './cells';
export * from './changes';
export * from './compute';
export * from './distributionKeys';
export * from './exact';
export * from './explanation';
export * from './kvantum';
export * from './tabel1';
export * from './errors';
export * from './findings';
export * from './numbers';
export * from './proposal';
export { AMOUNT_LIMIT, formatNumber, withinAmountLimit } from './proposalMessages';
export * from './rounding';
export * from './units';
export { wordFinding, type Locale } from './messages';
export { ruleName, severityCount, severityLabel, SEVERITY_WORDS, type SeverityWord } from './messages/words';
export * from './check';
export * from './template';
export * from './priceLevel';
