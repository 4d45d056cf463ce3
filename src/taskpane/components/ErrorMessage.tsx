import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sheetRef } from '../../engine';
import type { PaneError } from '../paneError';
import { useStatusStyles } from './Status.styles';

export interface ErrorMessageProps {
  error: PaneError;
  intent?: 'error' | 'warning';
  /** Takes the user to a cited cell; without it cells are shown as text. */
  onGoTo?(sheet: string, cell: string): void;
}

/** An error: a title, one line per problem (a cited cell is a link to it), an optional hint. Text is rendered as text. */
export function ErrorMessage({ error, intent = 'error', onGoTo }: ErrorMessageProps) {
  const styles = useStatusStyles();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="error-state">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        <ul className={styles.problems}>
          {error.lines.map((line, i) => (
            <li key={i}>
              {line.sheet && line.cell ? (
                <>
                  {onGoTo ? (
                    <Link as="button" data-go-sheet={line.sheet} data-go-cell={line.cell} onClick={() => onGoTo(line.sheet!, line.cell!)}>
                      {sheetRef(line.sheet, line.cell)}
                    </Link>
                  ) : (
                    sheetRef(line.sheet, line.cell)
                  )}
                  {`: ${line.text}`}
                </>
              ) : (
                line.text
              )}
            </li>
          ))}
        </ul>
        {error.hint ? <div>{error.hint}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
