import { Field, ProgressBar } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useStatusStyles } from './Status.styles';

/** Step `step` of `steps`, with the step's text; announced politely to screen readers. */
export function Progress({ text, step, steps }: { text: string; step: number; steps: number }) {
  const { strings } = useI18n();
  const styles = useStatusStyles();
  return (
    <div role="status" aria-live="polite" className={styles.progress} data-testid="progress">
      <Field label={strings.progressLabel} validationMessage={text} validationState="none">
        <ProgressBar value={steps > 0 ? step / steps : undefined} max={1} />
      </Field>
    </div>
  );
}
