import { Subtitle2 } from '@fluentui/react-components';
import { formatDanish, type ProposalResult, type TableKey } from '../../engine';
import { useI18n } from '../i18n';
import { useResultStyles } from './ResultSummary.styles';

export interface ResultSummaryProps {
  result: ProposalResult;
  tableKeys: readonly TableKey[];
}

/**
 * The totals of Tables A–E per year, the net permanent change, the economic impact, the payback,
 * and the engine's explanation (Danish, as the catalogue writes it under the tables).
 */
export function ResultSummary({ result, tableKeys }: ResultSummaryProps) {
  const { locale, strings } = useI18n();
  const styles = useResultStyles();
  const number = (n: number) => (locale === 'da' ? formatDanish(n, 0) : n.toLocaleString('en-GB'));
  const payback = result.summary.payback;
  return (
    <section className={styles.root} aria-labelledby="result-title" data-testid="result-summary">
      <Subtitle2 as="h2" id="result-title">
        {strings.resultTitle}
      </Subtitle2>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.label} scope="col">
                {strings.yearHeader}
              </th>
              {tableKeys.map((key) => (
                <th key={key} className={styles.cell} scope="col" data-table={key}>
                  <abbr title={strings.tableName(key)} className={styles.abbr}>
                    {key}
                  </abbr>
                </th>
              ))}
              <th className={styles.cell} scope="col">
                <abbr title={strings.economicImpact} className={styles.abbr}>
                  {strings.economicImpactShort}
                </abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.years.map((year, i) => (
              <tr key={year} data-year={year}>
                <th className={styles.label} scope="row">
                  {year}
                </th>
                {tableKeys.map((key) => (
                  <td key={key} className={styles.cell} data-table={key}>
                    {number(result.tables[key].total[i])}
                  </td>
                ))}
                <td className={styles.cell} data-impact>
                  {number(result.summary.economicImpact[i])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.caption}>{strings.resultCaption(result.priceLevel)}</p>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.payback}</dt>
        <dd className={styles.definition} data-testid="payback">
          {payback ? strings.paybackValue(payback.years, payback.year) : strings.paybackNone}
        </dd>
      </dl>
      <section className={styles.explanation} aria-labelledby="explanation-title" data-testid="explanation">
        <Subtitle2 as="h3" id="explanation-title">
          {strings.explanationTitle}
        </Subtitle2>
        {strings.explanationInDanish ? <p className={styles.caption}>{strings.explanationInDanish}</p> : null}
        <div lang="da" data-testid="explanation-text">
          {result.explanation.map((sentence, i) => (
            <p key={i} className={styles.paragraph}>
              {sentence}
            </p>
          ))}
        </div>
      </section>
    </section>
  );
}
