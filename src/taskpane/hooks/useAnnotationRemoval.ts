/**
 * "Fjern kommentarer": removes exactly the tool's notes (a person's notes stay) and the
 * Valideringsrapport sheet.
 */
import { useCallback, useState } from 'react';
import { REPORT_SHEET } from '../../engine';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { useSession } from '../session';

export type RemovalState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; notesRemoved: number; sheetRemoved: boolean }
  | { status: 'error'; error: PaneError };

export function useAnnotationRemoval() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<RemovalState>({ status: 'idle' });

  const run = useCallback(async () => {
    setState({ status: 'running' });
    try {
      const report = await session.applyChanges({ clearToolNotes: true, removeSheets: [REPORT_SHEET] });
      setState({ status: 'done', notesRemoved: report.notesRemoved, sheetRemoved: report.sheetsRemoved.length > 0 });
    } catch (error) {
      setState({ status: 'error', error: describeError(error, locale, strings) });
    }
  }, [session, locale, strings]);

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear };
}
