/**
 * "Tjek konsistens": read the whole workbook, check it, annotate it (notes or comments, and the
 * Valideringsrapport sheet). Findings are shown even when the annotation is refused.
 */
import { useCallback, useMemo, useState } from 'react';
import { annotationChanges, checkWorkbook, wordFinding, type Finding, type TableInfo } from '../../engine';
import type { AnnotationMode } from '../../excel/OfficeWorkbook';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { nextPaint, useSession } from '../session';

export type CheckPhase = 'reading' | 'checking' | 'annotating';
export const CHECK_PHASES: readonly CheckPhase[] = ['reading', 'checking', 'annotating'];

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; phase: CheckPhase }
  | {
      status: 'done';
      findings: Finding[];
      tables: TableInfo[];
      mode: AnnotationMode;
      notesSkipped: string[];
      annotationError?: PaneError;
    }
  | { status: 'error'; error: PaneError };

export function useWorkbookCheck() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<CheckState>({ status: 'idle' });

  const run = useCallback(async () => {
    try {
      setState({ status: 'running', phase: 'reading' });
      const snapshot = await session.read();
      setState({ status: 'running', phase: 'checking' });
      await nextPaint();
      const report = checkWorkbook(snapshot, { locale });
      setState({ status: 'running', phase: 'annotating' });
      let notesSkipped: string[] = [];
      let annotationError: PaneError | undefined;
      let mode = session.annotationMode();
      try {
        const applied = await session.applyChanges(annotationChanges(snapshot, report, { locale }));
        notesSkipped = applied.notesSkipped;
        mode = applied.annotationMode;
        if (applied.annotationError) annotationError = { title: strings.errorTitle.excel, lines: [applied.annotationError] };
      } catch (error) {
        annotationError = describeError(error, locale, strings);
      }
      setState({ status: 'done', findings: report.findings, tables: report.tables, mode, notesSkipped, annotationError });
    } catch (error) {
      setState({ status: 'error', error: describeError(error, locale, strings) });
    }
  }, [session, locale, strings]);

  // Findings carry their parameters, so switching language re-words them without a new check.
  const worded = useMemo<CheckState>(
    () => (state.status === 'done' ? { ...state, findings: state.findings.map((f) => wordFinding(f, locale)) } : state),
    [state, locale],
  );

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state: worded, run, clear };
}
