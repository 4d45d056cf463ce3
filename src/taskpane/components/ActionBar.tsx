import { Button, Checkbox, Switch, Text } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import { useActionBarStyles } from './ActionBar.styles';

/** The action the workbook's state calls for; it gets the primary (blue) button. */
export type PrimaryAction = 'template' | 'compute' | 'check';

export interface ActionBarProps {
  busy: boolean;
  primary: PrimaryAction;
  withExample: boolean;
  annotate: boolean;
  insertRef: RefObject<HTMLButtonElement | null>;
  onWithExampleChange(value: boolean): void;
  onAnnotateChange(value: boolean): void;
  onInsertTemplate(): void;
  onComputeTables(): void;
  onCheck(): void;
  onRemoveComments(): void;
}

/**
 * The actions as the steps a budget officer takes: 1 insert the template (with the example switch
 * beside it), 2 fill in Input, 3 compute; and, for any workbook, the check with its choice to
 * write notes. While an action runs the buttons are aria-disabled: they keep their tab stop.
 */
export function ActionBar(props: ActionBarProps) {
  const { strings } = useI18n();
  const styles = useActionBarStyles();
  const appearance = (action: PrimaryAction) => (props.primary === action ? 'primary' : 'secondary');
  const busyProps = { disabledFocusable: props.busy, title: props.busy ? strings.busyHint : undefined };
  return (
    <div role="group" aria-label={strings.actionsLabel} className={styles.root}>
      <section aria-labelledby="steps-title" className={styles.section}>
        <Text as="h2" weight="semibold" id="steps-title" className={styles.heading}>
          {strings.stepsLabel}
        </Text>
        <ol className={styles.steps}>
          <li className={styles.step}>
            <span className={styles.stepText}>{strings.stepInsert}</span>
            <div className={styles.row}>
              <Button
                ref={props.insertRef}
                appearance={appearance('template')}
                data-primary={props.primary === 'template'}
                {...busyProps}
                onClick={props.onInsertTemplate}
              >
                {strings.insertTemplate}
              </Button>
              <Switch
                checked={props.withExample}
                disabled={props.busy}
                label={strings.withExample}
                onChange={(_e, data) => props.onWithExampleChange(data.checked)}
              />
            </div>
          </li>
          <li className={styles.step}>
            <span className={styles.stepText}>{strings.stepFill}</span>
          </li>
          <li className={styles.step}>
            <span className={styles.stepText}>{strings.stepCompute}</span>
            <div className={styles.row}>
              <Button appearance={appearance('compute')} data-primary={props.primary === 'compute'} {...busyProps} onClick={props.onComputeTables}>
                {strings.computeTables}
              </Button>
            </div>
          </li>
        </ol>
      </section>
      <section aria-labelledby="check-title" className={styles.section}>
        <Text as="h2" weight="semibold" id="check-title" className={styles.heading}>
          {strings.checkLabel}
        </Text>
        <Text className={styles.help}>{strings.checkHelp}</Text>
        <div className={styles.row}>
          <Button appearance={appearance('check')} data-primary={props.primary === 'check'} {...busyProps} onClick={props.onCheck}>
            {strings.checkConsistency}
          </Button>
        </div>
        <Checkbox
          checked={props.annotate}
          disabled={props.busy}
          label={strings.writeAnnotations}
          onChange={(_e, data) => props.onAnnotateChange(data.checked === true)}
        />
        <div className={styles.row}>
          <Button appearance="subtle" {...busyProps} onClick={props.onRemoveComments}>
            {strings.removeComments}
          </Button>
        </div>
      </section>
    </div>
  );
}
