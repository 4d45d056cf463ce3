/**
 * "Tjek konsistens": read the whole workbook and check it, a few sheets at a time so the pane
 * stays responsive and shows its progress on a whole catalogue. The workbook is changed only when
 * the user chose to write notes and the Valideringsrapport sheet; the result says what was written.
 */
import { useCallback, useState } from 'react';
import {
  annotationBuilder,
  checkSheets,
  type CheckReport,
  condenseFindings,
  countBySeverity,
  type CondensedFinding,
  type Finding,
  type Severity,
  type SheetTables,
  type TableInfo,
  type WorkbookChanges,
  type WorkbookSnapshot,
  withWorkbookFindings,
} from '../../engine';
import type { AnnotationMode } from '../../excel/OfficeWorkbook';
import { useI18n, type PaneLocale } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { nextPaint, useSession } from '../session';

export type CheckPhase = 'reading' | 'checking' | 'annotating';
export const CHECK_PHASES: readonly CheckPhase[] = ['reading', 'checking', 'annotating'];

/** What the optional annotation wrote. */
interface Annotation {
  mode: AnnotationMode;
  /** Cells that got a note (or comment). */
  cells: number;
  notesSkipped: string[];
  error?: PaneError;
}

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; phase: CheckPhase; sheetsDone: number; sheets: number }
  | {
      status: 'done';
      /** The checker's findings, one per cell and year. */
      findings: Finding[];
      /** What the pane lists: the same findings with repetitions folded. */
      condensed: CondensedFinding[];
      /** Counts of the checker's findings per severity. */
      counts: Record<Severity, number>;
      tables: TableInfo[];
      /** Sheets hidden or very hidden in the workbook: the list marks their findings. */
      hiddenSheets: ReadonlySet<string>;
      /** The language the findings are worded in. */
      locale: PaneLocale;
      /** Absent when nothing was written. */
      annotation?: Annotation;
    }
  | { status: 'error'; error: PaneError };

/** The longest the check runs before it lets the browser paint and handle input. */
const SLICE_MS = 25;

/**
 * Checks the workbook sheet by sheet, yielding between slices. Findings come in tab order either
 * way, so the result equals `checkWorkbook(snapshot)`; and as every fold of `condenseFindings`
 * stays within one sheet, condensing sheet by sheet equals condensing the whole.
 */
export async function checkInSlices(
  snapshot: WorkbookSnapshot,
  locale: PaneLocale,
  onProgress: (done: number, total: number) => void,
): Promise<{ findings: Finding[]; condensed: CondensedFinding[]; tables: TableInfo[] }> {
  const findings: Finding[] = [];
  const condensed: CondensedFinding[] = [];
  const tables: TableInfo[] = [];
  const discovered: SheetTables[] = [];
  const total = snapshot.sheets.length;
  let index = 0;
  while (index < total) {
    const started = performance.now();
    do {
      const part = checkSheets({ sheets: [snapshot.sheets[index]], names: snapshot.names }, { locale });
      discovered.push(...part.discovered);
      findings.push(...part.findings);
      condensed.push(...condenseFindings(part.findings, locale));
      tables.push(...part.tables);
      index++;
    } while (index < total && performance.now() - started < SLICE_MS);
    onProgress(index, total);
    if (index < total) await nextPaint();
  }
  return { ...withWorkbookFindings({ findings, condensed }, discovered, { locale }), tables };
}

/** Findings turned into notes and report rows between two looks at the clock. */
const FINDINGS_PER_STEP = 100;

/**
 * The notes and the Valideringsrapport for a report, made a slice at a time like the check, so
 * that a catalogue's 8,000 findings do not hold the pane in one task. Equals
 * `annotationChanges(snapshot, report, { locale })`. Findings come in tab order, so progress
 * counts the sheets whose findings are done.
 */
export async function annotateInSlices(
  snapshot: WorkbookSnapshot,
  report: CheckReport,
  locale: PaneLocale,
  onProgress: (sheetsDone: number, sheets: number) => void,
): Promise<WorkbookChanges> {
  const builder = annotationBuilder(snapshot, report, { locale });
  const tab = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const total = report.findings.length;
  let sheetsDone = 0;
  while (builder.added < total) {
    const started = performance.now();
    do builder.add(FINDINGS_PER_STEP);
    while (builder.added < total && performance.now() - started < SLICE_MS);
    sheetsDone = Math.max(sheetsDone, tab.get(report.findings[builder.added - 1].sheet) ?? 0);
    onProgress(builder.added < total ? sheetsDone : snapshot.sheets.length, snapshot.sheets.length);
    if (builder.added < total) await nextPaint();
  }
  return builder.changes();
}

export function useWorkbookCheck() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<CheckState>({ status: 'idle' });

  const run = useCallback(
    async (annotate: boolean) => {
      try {
        setState({ status: 'running', phase: 'reading', sheetsDone: 0, sheets: 0 });
        await nextPaint();
        const snapshot = await session.read();
        const total = snapshot.sheets.length;
        setState({ status: 'running', phase: 'checking', sheetsDone: 0, sheets: total });
        await nextPaint();
        const report = await checkInSlices(snapshot, locale, (done) => setState({ status: 'running', phase: 'checking', sheetsDone: done, sheets: total }));
        const condensed = report.condensed;
        let annotation: Annotation | undefined;
        if (annotate) {
          setState({ status: 'running', phase: 'annotating', sheetsDone: 0, sheets: total });
          await nextPaint();
          const changes = await annotateInSlices(snapshot, report, locale, (done) =>
            setState({ status: 'running', phase: 'annotating', sheetsDone: done, sheets: total }),
          );
          await nextPaint();
          annotation = { mode: session.annotationMode(), cells: 0, notesSkipped: [] };
          try {
            const applied = await session.applyChanges(changes);
            annotation = { mode: applied.annotationMode, cells: applied.notesWritten, notesSkipped: applied.notesSkipped };
            if (applied.annotationError) annotation.error = { title: strings.errorTitle.excel, lines: [{ text: applied.annotationError }] };
          } catch (error) {
            annotation.error = describeError(error, locale, strings);
          }
        }
        setState({
          status: 'done',
          findings: report.findings,
          condensed,
          counts: countBySeverity(report.findings),
          tables: report.tables,
          hiddenSheets: new Set(snapshot.sheets.filter((s) => s.hidden).map((s) => s.name)),
          locale,
          annotation,
        });
      } catch (error) {
        setState({ status: 'error', error: describeError(error, locale, strings) });
      }
    },
    [session, locale, strings],
  );

  // Findings carry their parameters (folded ones their merged parameters), so the list words the
  // findings it shows in the pane's language when it renders them: no new check, no bulk work.
  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear };
}
