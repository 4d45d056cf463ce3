import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { HiddenSheet } from '../hooks/useFindingNavigation';
import { useI18n } from '../i18n';

const TEXT = {
  da: {
    hiddenTitle: (s: string) => `Arket »${s}« er skjult`,
    hiddenBody: 'Fundet ligger på et skjult ark. Vil du vise arket og gå til cellen?',
    show: 'Vis arket',
    veryHiddenTitle: (s: string) => `Arket »${s}« er meget skjult`,
    veryHiddenBody:
      'Arket er skjult, så det ikke kan vises fra Excels menuer (»meget skjult«, sat med Visual Basic). ' +
      'Bed den, der har lavet projektmappen, om at vise det, eller se fundet på arket Valideringsrapport.',
    close: 'Luk',
  },
  en: {
    hiddenTitle: (s: string) => `The sheet "${s}" is hidden`,
    hiddenBody: 'The finding is on a hidden sheet. Show the sheet and go to the cell?',
    show: 'Show the sheet',
    veryHiddenTitle: (s: string) => `The sheet "${s}" is very hidden`,
    veryHiddenBody:
      'The sheet is hidden so that Excel\'s menus cannot show it ("very hidden", set with Visual Basic). ' +
      'Ask whoever made the workbook to show it, or see the finding on the Valideringsrapport sheet.',
    close: 'Close',
  },
} as const;

/** A finding on a hidden sheet was clicked: offer to show the sheet, or say why it cannot be. */
export function HiddenSheetNotice({ hidden, onShow, onDismiss }: { hidden: HiddenSheet; onShow: () => void; onDismiss: () => void }) {
  const { locale } = useI18n();
  const t = TEXT[locale];
  return (
    <MessageBar intent={hidden.veryHidden ? 'warning' : 'info'} layout="multiline" data-testid="hidden-sheet">
      <MessageBarBody>
        <MessageBarTitle>{hidden.veryHidden ? t.veryHiddenTitle(hidden.sheet) : t.hiddenTitle(hidden.sheet)}</MessageBarTitle>
        {hidden.veryHidden ? t.veryHiddenBody : t.hiddenBody}
      </MessageBarBody>
      <MessageBarActions>
        {hidden.veryHidden ? null : (
          <Button appearance="primary" onClick={onShow}>
            {t.show}
          </Button>
        )}
        <Button onClick={onDismiss}>{t.close}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
