/**
 * Clicking a finding: activate its sheet, then select its cell (as Excel needs it, in that order).
 */
import { useCallback, useState } from 'react';
import type { Finding } from '../../engine';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { useSession } from '../session';

export function useFindingNavigation() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [error, setError] = useState<PaneError | null>(null);

  const goTo = useCallback(
    async (finding: Pick<Finding, 'sheet' | 'cell'>) => {
      if (!finding.sheet || !finding.cell) return;
      setError(null);
      try {
        await session.select(finding.sheet, finding.cell);
      } catch (e) {
        setError(describeError(e, locale, strings));
      }
    },
    [session, locale, strings],
  );

  return { goTo, error };
}
