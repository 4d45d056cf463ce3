/**
 * "Fjern noter og rapport": removes exactly the tool's notes or comments (a person's stay) and the
 * Valideringsrapport sheet.
 */
import { useCallback, useState } from 'react';
import { REPORT_SHEET } from '../../engine';
import type { AnnotationMode } from '../../excel/OfficeWorkbook';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { nextPaint, useSession } from '../session';

export type RemovalState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; notesRemoved: number; sheetRemoved: boolean; mode: AnnotationMode }
  | { status: 'error'; error: PaneError };

export function useAnnotationRemoval() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<RemovalState>({ status: 'idle' });

  const run = useCallback(async () => {
    setState({ status: 'running' });
    // Let the progress show before Excel gets the (possibly long) request.
    await nextPaint();
    try {
      const report = await session.applyChanges({ clearToolNotes: true, removeSheets: [REPORT_SHEET] });
      setState({ status: 'done', notesRemoved: report.notesRemoved, sheetRemoved: report.sheetsRemoved.length > 0, mode: report.annotationMode });
    } catch (error) {
      setState({ status: 'error', error: describeError(error, locale, strings) });
    }
  }, [session, locale, strings]);

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear };
}
