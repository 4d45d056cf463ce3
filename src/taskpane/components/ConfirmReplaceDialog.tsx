import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export interface ConfirmReplaceDialogProps {
  sheets: string[] | null;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before "Indsæt skabelon" replaces sheets of the same name. */
export function ConfirmReplaceDialog({ sheets, onConfirm, onCancel }: ConfirmReplaceDialogProps) {
  const { strings } = useI18n();
  return (
    <Dialog open={sheets !== null} modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.confirmReplaceTitle}</DialogTitle>
          <DialogContent>{sheets ? strings.confirmReplaceBody(sheets) : null}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {strings.confirmReplace}
            </Button>
            <Button onClick={onCancel}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
