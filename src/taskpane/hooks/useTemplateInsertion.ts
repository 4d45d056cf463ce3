/**
 * "Indsæt skabelon": adds the Teknisk beregningsark sheets. A sheet of the same name is replaced
 * only after the user said so in the confirm dialog.
 */
import { useCallback, useState } from 'react';
import { templateChanges, type ProposalInput, type WorkbookChanges } from '../../engine';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { useSession } from '../session';

export type TemplateState =
  | { status: 'idle' }
  | { status: 'confirm'; conflicts: string[]; changes: WorkbookChanges }
  | { status: 'running' }
  | { status: 'done'; sheets: string[] }
  | { status: 'cancelled' }
  | { status: 'error'; error: PaneError };

export function useTemplateInsertion(example?: ProposalInput) {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<TemplateState>({ status: 'idle' });

  const insert = useCallback(
    async (changes: WorkbookChanges, replace: string[]) => {
      setState({ status: 'running' });
      try {
        await session.applyChanges({ ...changes, replaceSheets: [...(changes.replaceSheets ?? []), ...replace] });
        const sheets = (changes.addSheets ?? []).map((s) => s.name);
        if (sheets[0]) await session.select(sheets[0], 'A1');
        setState({ status: 'done', sheets });
      } catch (error) {
        setState({ status: 'error', error: describeError(error, locale, strings) });
      }
    },
    [session, locale, strings],
  );

  const request = useCallback(
    async (withExample: boolean) => {
      setState({ status: 'running' });
      try {
        const changes = templateChanges(withExample ? example : undefined);
        const existing = new Map((await session.sheetNames()).map((n) => [n.toLowerCase(), n]));
        const conflicts = (changes.addSheets ?? []).map((s) => existing.get(s.name.toLowerCase())).filter((n): n is string => n !== undefined);
        if (conflicts.length > 0) setState({ status: 'confirm', conflicts, changes });
        else await insert(changes, []);
      } catch (error) {
        setState({ status: 'error', error: describeError(error, locale, strings) });
      }
    },
    [session, example, insert, locale, strings],
  );

  const confirm = useCallback(async () => {
    if (state.status === 'confirm') await insert(state.changes, state.conflicts);
  }, [state, insert]);

  const cancel = useCallback(() => setState({ status: 'cancelled' }), []);
  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, request, confirm, cancel, clear };
}
