import { Badge, Button, mergeClasses, Subtitle2, Text, ToggleButton } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { countBySeverity, wordFinding, type CondensedFinding, type Severity } from '../../engine';
import { useI18n } from '../i18n';
import { useFindingsStyles } from './FindingsPanel.styles';

/** What the list shows; by default errors and warnings, remarks (infos) only when asked for. */
export type FindingsFilter = 'problems' | Severity | 'all';
const FILTERS: readonly FindingsFilter[] = ['problems', 'error', 'warning', 'info', 'all'];

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Rows rendered beyond the visible ones, above and below, so short scrolls show no gap. */
const OVERSCAN = 6;
/** First guesses of a row's height in px, before the row is measured. */
const GROUP_HEIGHT = 36;
const ITEM_HEIGHT = 64;

export interface FindingsPanelProps {
  findings: CondensedFinding[];
  /** Sheets that are hidden or very hidden in the workbook: their findings say so. */
  hiddenSheets?: ReadonlySet<string>;
  onSelect(finding: CondensedFinding): void;
}

function matches(filter: FindingsFilter, f: CondensedFinding): boolean {
  return filter === 'all' || (filter === 'problems' ? f.severity !== 'info' : f.severity === filter);
}

type Row = { kind: 'group'; sheet: string; count: number } | { kind: 'item'; finding: CondensedFinding; index: number };

/** The list's rows (a heading per sheet, then its findings) and, per finding, its row. */
function layOut(shown: readonly CondensedFinding[]): { rows: Row[]; rowOf: number[] } {
  const rows: Row[] = [];
  const rowOf: number[] = [];
  const perSheet = new Map<string, number>();
  for (const f of shown) perSheet.set(f.sheet, (perSheet.get(f.sheet) ?? 0) + 1);
  let last: string | null = null;
  shown.forEach((finding, index) => {
    if (finding.sheet !== last) rows.push({ kind: 'group', sheet: finding.sheet, count: perSheet.get(finding.sheet) ?? 0 });
    last = finding.sheet;
    rowOf.push(rows.length);
    rows.push({ kind: 'item', finding, index });
  });
  return { rows, rowOf };
}

/**
 * Findings grouped by sheet, errors first. The list is one Tab stop: the arrow keys, Page Up/Down,
 * Home and End move between findings, Enter goes to the cell. Only the rows in view (and a few
 * around them) are in the DOM, so a whole catalogue's thousands of findings cost no more to show,
 * filter or re-word than a screenful; each row tells screen readers its place in the whole list.
 */
export function FindingsPanel({ findings, hiddenSheets, onSelect }: FindingsPanelProps) {
  const { strings } = useI18n();
  const styles = useFindingsStyles();
  const [filter, setFilter] = useState<FindingsFilter>('problems');
  const [active, setActive] = useState(0);
  const scrollerRef = useRef<HTMLDivElement>(null);
  // The finding to focus once its row is rendered (after a key press scrolled it into view).
  const pendingFocus = useRef<number | null>(null);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const shown = useMemo(() => findings.filter((f) => matches(filter, f)), [findings, filter]);
  const { rows, rowOf } = useMemo(() => layOut(shown), [shown]);
  const activeRowRef = useRef<number | undefined>(undefined);
  activeRowRef.current = rowOf[active];

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (i) => (rows[i].kind === 'group' ? GROUP_HEIGHT : ITEM_HEIGHT),
    overscan: OVERSCAN,
    // `data-index` is the finding's number, on its button.
    indexAttribute: 'data-row',
    // The active finding stays rendered wherever the list is scrolled: it is the list's Tab stop.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const activeRow = activeRowRef.current;
      if (activeRow === undefined || indexes.includes(activeRow)) return indexes;
      return [...indexes, activeRow].sort((a, b) => a - b);
    },
  });

  useEffect(() => {
    setActive(0);
    scrollerRef.current?.scrollTo({ top: 0 });
  }, [findings, filter]);

  const virtualRows = virtualizer.getVirtualItems();
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const button = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: true });
  });

  const focusItem = (index: number) => {
    const target = Math.max(0, Math.min(index, shown.length - 1));
    setActive(target);
    pendingFocus.current = target;
    // Its sheet's heading too, when the finding is the sheet's first.
    const row = rowOf[target];
    virtualizer.scrollToIndex(row > 0 && rows[row - 1].kind === 'group' && index < active ? row - 1 : row, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: shown.length - 1,
      PageDown: active + 10,
      PageUp: active - 10,
    };
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
      <div ref={scrollerRef} className={styles.scroller} data-testid="findings-scroller" data-rows={rows.length} data-findings={shown.length}>
        <div
          role="list"
          aria-label={strings.listLabel}
          className={styles.list}
          style={{ height: `${virtualizer.getTotalSize()}px` }}
          onKeyDown={onKeyDown}
          data-testid="findings-list"
        >
          {virtualRows.map((v) => {
            const row = rows[v.index];
            return (
              <div
                key={v.key}
                ref={virtualizer.measureElement}
                data-row={v.index}
                role="listitem"
                aria-setsize={rows.length}
                aria-posinset={v.index + 1}
                className={styles.row}
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {row.kind === 'group' ? (
                  <Text as="h3" weight="semibold" className={styles.groupTitle} data-group-sheet={row.sheet}>
                    {strings.sheetGroup(row.sheet || strings.workbookGroup, row.count)}
                    {hiddenSheets?.has(row.sheet) ? ` ${strings.hiddenSheetMark}` : ''}
                  </Text>
                ) : (
                  <FindingItem
                    finding={row.finding}
                    index={row.index}
                    active={row.index === active}
                    hidden={hiddenSheets?.has(row.finding.sheet) ?? false}
                    onSelect={onSelect}
                    onFocus={setActive}
                  />
                )}
              </div>
            );
          })}
        </div>
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
  hidden,
  onSelect,
  onFocus,
}: {
  finding: CondensedFinding;
  index: number;
  active: boolean;
  hidden: boolean;
  onSelect(f: CondensedFinding): void;
  onFocus(index: number): void;
}) {
  const { locale, strings } = useI18n();
  const styles = useFindingsStyles();
  // Worded here, for the few findings on screen, so a language switch costs no bulk re-wording.
  const message = wordFinding(f, locale).message;
  return (
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
      data-hidden-sheet={hidden || undefined}
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
        {hidden ? (
          <span className={styles.hiddenMark} data-testid="hidden-sheet-mark">
            {strings.hiddenSheetMark}
          </span>
        ) : null}
      </span>
    </button>
  );
}
