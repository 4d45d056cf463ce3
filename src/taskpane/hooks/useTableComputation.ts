/**
 * "Beregn tabeller": read the template, compute Tables A–E, write them into the output ranges.
 */
import { useCallback, useState } from 'react';
import { computeProposal, readTemplate, tableWrites, TEMPLATE_TABLES, type ProposalResult } from '../../engine';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { nextPaint, useSession } from '../session';

export type ComputePhase = 'reading' | 'computing' | 'writing';
export const COMPUTE_PHASES: readonly ComputePhase[] = ['reading', 'computing', 'writing'];

export type ComputeState =
  | { status: 'idle' }
  | { status: 'running'; phase: ComputePhase }
  | { status: 'done'; result: ProposalResult; cellsWritten: number }
  | { status: 'error'; error: PaneError };

export function useTableComputation() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [state, setState] = useState<ComputeState>({ status: 'idle' });

  const run = useCallback(async () => {
    try {
      setState({ status: 'running', phase: 'reading' });
      const snapshot = await session.read();
      setState({ status: 'running', phase: 'computing' });
      await nextPaint();
      const result = computeProposal(readTemplate(snapshot, { locale }));
      const writes = tableWrites(snapshot, result);
      setState({ status: 'running', phase: 'writing' });
      const applied = await session.applyChanges(writes);
      const firstTable = writes.cells?.[0];
      if (firstTable) await session.select(firstTable.sheet, 'A1');
      setState({ status: 'done', result, cellsWritten: applied.cellsWritten });
    } catch (error) {
      setState({ status: 'error', error: describeError(error, locale, strings) });
    }
  }, [session, locale, strings]);

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear, tableKeys: TEMPLATE_TABLES.map((t) => t.key) };
}
