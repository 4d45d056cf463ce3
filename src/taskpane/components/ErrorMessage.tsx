import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PaneError } from '../paneError';
import { useStatusStyles } from './Status.styles';

/** An error: a title, one line per problem, an optional hint. Text is rendered as text. */
export function ErrorMessage({ error, intent = 'error' }: { error: PaneError; intent?: 'error' | 'warning' }) {
  const styles = useStatusStyles();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="error-state">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        <ul className={styles.problems}>
          {error.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {error.hint ? <div>{error.hint}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
