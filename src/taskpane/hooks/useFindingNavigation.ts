/**
 * Clicking a finding: activate its sheet, then select its cell (as Excel needs it, in that order).
 * A finding on a hidden sheet cannot be shown there: the pane offers to show the sheet (hidden)
 * or explains why it cannot (very hidden), instead of showing Excel's error.
 */
import { useCallback, useState } from 'react';
import type { Finding } from '../../engine';
import { HiddenSheetError } from '../../excel/errors';
import { useI18n } from '../i18n';
import { describeError, type PaneError } from '../paneError';
import { useSession } from '../session';

type Target = Pick<Finding, 'sheet' | 'cell'>;

export interface HiddenSheet {
  sheet: string;
  veryHidden: boolean;
  target: Target;
}

export function useFindingNavigation() {
  const session = useSession();
  const { locale, strings } = useI18n();
  const [error, setError] = useState<PaneError | null>(null);
  const [hidden, setHidden] = useState<HiddenSheet | null>(null);

  const goTo = useCallback(
    async (finding: Target) => {
      if (!finding.sheet || !finding.cell) return;
      setError(null);
      setHidden(null);
      try {
        await session.select(finding.sheet, finding.cell);
      } catch (e) {
        if (e instanceof HiddenSheetError) setHidden({ sheet: e.sheet, veryHidden: e.veryHidden, target: finding });
        else setError(describeError(e, locale, strings));
      }
    },
    [session, locale, strings],
  );

  /** Shows the hidden sheet, then goes to the finding. */
  const showAndGo = useCallback(async () => {
    if (!hidden || hidden.veryHidden) return;
    try {
      await session.showSheet(hidden.sheet);
      await goTo(hidden.target);
    } catch (e) {
      setHidden(null);
      setError(describeError(e, locale, strings));
    }
  }, [hidden, session, goTo, locale, strings]);

  const dismissHidden = useCallback(() => setHidden(null), []);

  return { goTo, error, hidden, showAndGo, dismissHidden };
}
