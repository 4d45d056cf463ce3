import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export interface ConfirmReplaceDialogProps {
  sheets: string[] | null;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before "Indsæt skabelon" replaces sheets of the same name; Annuller is the default. */
export function ConfirmReplaceDialog({ sheets, onConfirm, onCancel }: ConfirmReplaceDialogProps) {
  const { strings } = useI18n();
  return (
    <Dialog open={sheets !== null} modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.confirmReplaceTitle}</DialogTitle>
          <DialogContent>{sheets ? strings.confirmReplaceBody(sheets) : null}</DialogContent>
          <DialogActions>
            {/* The safe choice has the focus; replacing takes a deliberate move. */}
            <Button appearance="primary" autoFocus onClick={onCancel}>
              {strings.cancel}
            </Button>
            <Button onClick={onConfirm}>{strings.confirmReplace}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
