import { Badge, mergeClasses, Subtitle2, Text, ToggleButton } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { countBySeverity, SEVERITIES, type Finding, type Severity } from '../../engine';
import { useI18n } from '../i18n';
import { useFindingsStyles } from './FindingsPanel.styles';

type Filter = Severity | 'all';

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsPanelProps {
  findings: Finding[];
  onSelect(finding: Finding): void;
}

/** Findings grouped by sheet, counts per severity, a severity filter; a click goes to the cell. */
export function FindingsPanel({ findings, onSelect }: FindingsPanelProps) {
  const { strings } = useI18n();
  const styles = useFindingsStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const counts = countBySeverity(findings);
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);
  const groups = useMemo(() => {
    const bySheet = new Map<string, Finding[]>();
    for (const f of shown) {
      const group = bySheet.get(f.sheet);
      if (group) group.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    return [...bySheet];
  }, [shown]);

  if (findings.length === 0) {
    return (
      <section className={styles.root} aria-labelledby="findings-title" data-testid="findings">
        <Subtitle2 as="h2" id="findings-title">
          {strings.findingsTitle}
        </Subtitle2>
        <p className={styles.empty} data-testid="empty-state">
          {strings.noFindings}
        </p>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby="findings-title" data-testid="findings">
      <Subtitle2 as="h2" id="findings-title">
        {strings.findingsTitle}
      </Subtitle2>
      <p className={styles.counts} data-testid="severity-counts" data-errors={counts.error} data-warnings={counts.warning} data-infos={counts.info}>
        {SEVERITIES.map((s) => (
          <Badge key={s} appearance="tint" color={BADGE_COLOR[s]}>
            {strings.severityCount(s, counts[s])}
          </Badge>
        ))}
      </p>
      <div role="group" aria-label={strings.filterLabel} className={styles.filter}>
        {(['all', ...SEVERITIES] as Filter[]).map((f) => (
          <ToggleButton key={f} size="small" checked={filter === f} data-filter={f} onClick={() => setFilter(f)}>
            {f === 'all' ? strings.filterAll : strings.severityName[f]}
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 ? <p className={styles.empty}>{strings.noFindingsInFilter}</p> : null}
      {groups.map(([sheet, items]) => (
        <div key={sheet} className={styles.group} data-group-sheet={sheet}>
          <Text as="h3" weight="semibold" className={styles.groupTitle}>
            {strings.sheetGroup(sheet || strings.workbookGroup, items.length)}
          </Text>
          <ul className={styles.list}>
            {items.map((f, i) => (
              <li key={`${f.rule}-${f.cell}-${i}`}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, styles[f.severity])}
                  data-rule={f.rule}
                  data-severity={f.severity}
                  data-sheet={f.sheet}
                  data-cell={f.cell}
                  title={f.sheet && f.cell ? strings.goToCell(f.sheet, f.cell) : undefined}
                  onClick={() => onSelect(f)}
                >
                  <span className={styles.cell}>{f.cell}</span>
                  <span className={styles.body}>
                    <span>{f.message}</span>
                    <span className={styles.detail}>
                      {strings.severityName[f.severity]} · {f.rule}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
