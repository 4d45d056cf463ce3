/**
 * "Beregn tabeller": read the template, compute Tables A–E, write them into the output ranges.
 */
import { useCallback, useMemo, useState } from 'react';
import { computeProposal, readTemplate, tableWrites, TEMPLATE_TABLES, TemplateError, type ProposalResult, type WorkbookSnapshot } from '../../engine';
import { useI18n, type PaneLocale } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { nextPaint, useSession } from '../session';

export type ComputePhase = 'reading' | 'computing' | 'writing';
export const COMPUTE_PHASES: readonly ComputePhase[] = ['reading', 'computing', 'writing'];

export type ComputeState =
  | { status: 'idle' }
  | { status: 'running'; phase: ComputePhase }
  | { status: 'done'; result: ProposalResult; cellsWritten: number }
  | { status: 'error'; error: PaneError };

/** An error as caught, worded only when shown: a language switch words it again. */
type Failed = { status: 'error'; cause: unknown; snapshot?: WorkbookSnapshot; result?: ProposalResult };

/**
 * The template's problems in `locale`: the template is read again, and the tables placed again
 * when the reading went well, as problems are worded where they are found.
 */
function inLocale(cause: unknown, failed: Failed, locale: PaneLocale): unknown {
  const { snapshot, result } = failed;
  if (!(cause instanceof TemplateError) || !snapshot) return cause;
  try {
    readTemplate(snapshot, { locale });
    if (result) tableWrites(snapshot, result, { locale });
  } catch (error) {
    if (error instanceof TemplateError) return error;
  }
  return cause;
}

export function useTableComputation() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [current, setState] = useState<Exclude<ComputeState, { status: 'error' }> | Failed>({ status: 'idle' });
  const state = useMemo<ComputeState>(
    () => (current.status === 'error' ? { status: 'error', error: describeError(inLocale(current.cause, current, locale), locale, strings) } : current),
    [current, locale, strings],
  );

  const run = useCallback(async () => {
    let snapshot: WorkbookSnapshot | undefined;
    let result: ProposalResult | undefined;
    try {
      setState({ status: 'running', phase: 'reading' });
      snapshot = await session.read();
      setState({ status: 'running', phase: 'computing' });
      await nextPaint();
      result = computeProposal(readTemplate(snapshot, { locale }));
      const writes = tableWrites(snapshot, result, { locale });
      setState({ status: 'running', phase: 'writing' });
      const applied = await session.applyChanges(writes);
      const firstTable = writes.cells?.[0];
      if (firstTable) await session.select(firstTable.sheet, 'A1');
      setState({ status: 'done', result, cellsWritten: applied.cellsWritten });
    } catch (error) {
      setState({ status: 'error', cause: error, snapshot, result });
    }
  }, [session, locale]);

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, clear, tableKeys: TEMPLATE_TABLES.map((t) => t.key) };
}
