import { Button, Switch } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useActionBarStyles } from './ActionBar.styles';

export interface ActionBarProps {
  busy: boolean;
  withExample: boolean;
  onWithExampleChange(value: boolean): void;
  onInsertTemplate(): void;
  onComputeTables(): void;
  onCheck(): void;
  onRemoveComments(): void;
}

/** The four actions; every one is disabled while another runs. */
export function ActionBar(props: ActionBarProps) {
  const { strings } = useI18n();
  const styles = useActionBarStyles();
  return (
    <div role="group" aria-label={strings.actionsLabel} className={styles.root}>
      <Button appearance="primary" className={styles.wide} disabled={props.busy} onClick={props.onCheck}>
        {strings.checkConsistency}
      </Button>
      <Button disabled={props.busy} onClick={props.onInsertTemplate}>
        {strings.insertTemplate}
      </Button>
      <Button disabled={props.busy} onClick={props.onComputeTables}>
        {strings.computeTables}
      </Button>
      <Switch
        className={styles.wide}
        checked={props.withExample}
        disabled={props.busy}
        label={strings.withExample}
        onChange={(_e, data) => props.onWithExampleChange(data.checked)}
      />
      <Button className={styles.wide} disabled={props.busy} onClick={props.onRemoveComments}>
        {strings.removeComments}
      </Button>
    </div>
  );
}
