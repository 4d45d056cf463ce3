import { Badge, Button, mergeClasses, Subtitle2, Text, ToggleButton } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { countBySeverity, wordFinding, type CondensedFinding, type Severity } from '../../engine';
import { useI18n } from '../i18n';
import { useFindingsStyles } from './FindingsPanel.styles';

/** What the list shows; by default errors and warnings, remarks (infos) only when asked for. */
export type FindingsFilter = 'problems' | Severity | 'all';
const FILTERS: readonly FindingsFilter[] = ['problems', 'error', 'warning', 'info', 'all'];

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Items rendered at first and added each time the end of the list scrolls into view. */
export const PAGE_SIZE = 50;

export interface FindingsPanelProps {
  findings: CondensedFinding[];
  onSelect(finding: CondensedFinding): void;
}

function matches(filter: FindingsFilter, f: CondensedFinding): boolean {
  return filter === 'all' || (filter === 'problems' ? f.severity !== 'info' : f.severity === filter);
}

type Row = { kind: 'group'; sheet: string; count: number } | { kind: 'item'; finding: CondensedFinding; index: number };

/**
 * Findings grouped by sheet, errors first. The list is one Tab stop: the arrow keys, Home and End
 * move between findings, Enter goes to the cell. Only a page of findings is rendered at a time and
 * more follow as the list scrolls, so a whole catalogue's findings do not block the pane.
 */
export function FindingsPanel({ findings, onSelect }: FindingsPanelProps) {
  const { strings } = useI18n();
  const styles = useFindingsStyles();
  const [filter, setFilter] = useState<FindingsFilter>('problems');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const shown = useMemo(() => findings.filter((f) => matches(filter, f)), [findings, filter]);

  useEffect(() => {
    setLimit(PAGE_SIZE);
    setActive(0);
  }, [findings, filter]);

  // More findings when the end of the rendered page comes into view.
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || limit >= shown.length || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + PAGE_SIZE);
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [limit, shown.length]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const perSheet = new Map<string, number>();
    for (const f of shown) perSheet.set(f.sheet, (perSheet.get(f.sheet) ?? 0) + 1);
    let last: string | null = null;
    shown.slice(0, limit).forEach((finding, index) => {
      if (finding.sheet !== last) out.push({ kind: 'group', sheet: finding.sheet, count: perSheet.get(finding.sheet) ?? 0 });
      last = finding.sheet;
      out.push({ kind: 'item', finding, index });
    });
    return out;
  }, [shown, limit]);

  const rendered = Math.min(limit, shown.length);
  const focusItem = (index: number) => {
    const target = Math.max(0, Math.min(index, shown.length - 1));
    if (target >= limit) setLimit(Math.ceil((target + 1) / PAGE_SIZE) * PAGE_SIZE);
    setActive(target);
    // After React has rendered the item (it may be on the next page).
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: shown.length - 1, PageDown: active + 10, PageUp: active - 10 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusItem(moves[event.key]);
  };

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
        {(['error', 'warning', 'info'] as const).map((s) => (
          <Badge key={s} appearance="tint" color={BADGE_COLOR[s]}>
            {strings.severityCount(s, counts[s])}
          </Badge>
        ))}
      </p>
      <div role="group" aria-label={strings.filterLabel} className={styles.filter}>
        {FILTERS.map((f) => (
          <ToggleButton key={f} size="small" checked={filter === f} data-filter={f} onClick={() => setFilter(f)}>
            {f === 'all' ? strings.filterAll : f === 'problems' ? strings.filterProblems : strings.severityName[f]}
          </ToggleButton>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className={styles.empty} data-testid="empty-filter">
          {strings.noFindingsInFilter}
        </p>
      ) : null}
      <div ref={listRef} role="list" aria-label={strings.listLabel} className={styles.scroller} onKeyDown={onKeyDown} data-testid="findings-list">
        {rows.map((row) =>
          row.kind === 'group' ? (
            <div key={`g-${row.sheet}`} role="listitem" className={styles.row}>
              <Text as="h3" weight="semibold" className={styles.groupTitle} data-group-sheet={row.sheet}>
                {strings.sheetGroup(row.sheet || strings.workbookGroup, row.count)}
              </Text>
            </div>
          ) : (
            <FindingItem key={`f-${row.index}`} finding={row.finding} index={row.index} active={row.index === active} onSelect={onSelect} onFocus={setActive} />
          ),
        )}
        {rendered < shown.length ? (
          <div ref={sentinelRef} className={styles.more} data-testid="more-findings">
            {strings.moreFindings(rendered, shown.length)}
          </div>
        ) : null}
      </div>
      {filter === 'problems' && counts.info > 0 ? (
        <Button appearance="subtle" size="small" className={styles.infoToggle} data-testid="show-infos" onClick={() => setFilter('all')}>
          {strings.showInfos(counts.info)}
        </Button>
      ) : null}
    </section>
  );
}

function FindingItem({
  finding: f,
  index,
  active,
  onSelect,
  onFocus,
}: {
  finding: CondensedFinding;
  index: number;
  active: boolean;
  onSelect(f: CondensedFinding): void;
  onFocus(index: number): void;
}) {
  const { locale, strings } = useI18n();
  const styles = useFindingsStyles();
  // Worded here, for the few findings on screen, so a language switch costs no bulk re-wording.
  const message = wordFinding(f, locale).message;
  return (
    <div role="listitem" className={styles.row}>
      <button
        type="button"
        tabIndex={active ? 0 : -1}
        className={mergeClasses(styles.item, styles[f.severity])}
        data-index={index}
        data-rule={f.rule}
        data-severity={f.severity}
        data-sheet={f.sheet}
        data-cell={f.cell}
        data-count={f.count}
        title={f.sheet && f.cell ? strings.goToCell(f.sheet, f.cell) : undefined}
        onFocus={() => onFocus(index)}
        onClick={() => onSelect(f)}
      >
        <span className={styles.cell}>{f.cell}</span>
        <span className={styles.body}>
          <span>{message}</span>
          <span className={styles.detail} data-testid="finding-detail">
            {strings.severityName[f.severity]} · {f.rules.map((r) => strings.ruleName(r)).join(' / ')}
            {f.count > 1 ? ` · ${strings.foldedCount(f.count)}` : ''}
          </span>
        </span>
      </button>
    </div>
  );
}
