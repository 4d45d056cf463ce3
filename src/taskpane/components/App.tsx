/**
 * The task pane. It only shows state and forwards clicks: every workbook action lives in a hook
 * (`useWorkbookCheck`, `useTableComputation`, …) that talks to the session, never to Excel.
 *
 * After every action focus moves to its result and a live region announces it; while an action
 * runs the buttons stay in the tab order (aria-disabled), so keyboard users do not lose their place.
 */
import { FluentProvider, MessageBar, MessageBarBody, Switch, Title3, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import forslag4 from '../../../examples/forslag4.json';
import { GUIDE_SHEET, INPUT_SHEET, ProposalSchema, REPORT_SHEET, TABLES_SHEET } from '../../engine';
import { CHECK_PHASES, useWorkbookCheck } from '../hooks/useWorkbookCheck';
import { COMPUTE_PHASES, useTableComputation } from '../hooks/useTableComputation';
import { useTemplateInsertion } from '../hooks/useTemplateInsertion';
import { useAnnotationRemoval } from '../hooks/useAnnotationRemoval';
import { useFindingNavigation } from '../hooks/useFindingNavigation';
import { HiddenSheetNotice } from './HiddenSheetNotice';
import { I18nProvider, useI18n, type PaneLocale } from '../i18n';
import { rememberAnnotate, rememberedAnnotate, rememberLocale } from '../preferences';
import { SessionProvider, useSession, type WorkbookSession } from '../session';
import { ActionBar, type PrimaryAction } from './ActionBar';
import { ConfirmReplaceDialog } from './ConfirmReplaceDialog';
import { ErrorMessage } from './ErrorMessage';
import { FindingsPanel } from './FindingsPanel';
import { Progress } from './Progress';
import { ResultSummary } from './ResultSummary';
import { useAppStyles } from './App.styles';

const EXAMPLE = ProposalSchema.parse(forslag4);
const TEMPLATE_SHEETS = [GUIDE_SHEET, INPUT_SHEET, TABLES_SHEET];

type LastAction = 'template' | 'compute' | 'check' | 'remove' | null;

export type PaneTheme = 'light' | 'dark';

export interface TaskPaneProps {
  session: WorkbookSession;
  initialLocale?: PaneLocale;
  /** Follows Office's theme (dark when Office's body background is dark). */
  theme?: PaneTheme;
}

/** The pane with its providers: theme, language, workbook session. */
export function TaskPane({ session, initialLocale = 'da', theme = 'light' }: TaskPaneProps) {
  const [locale, setLocale] = useState<PaneLocale>(initialLocale);
  const changeLocale = useCallback((next: PaneLocale) => {
    setLocale(next);
    rememberLocale(next);
  }, []);
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale} data-theme={theme}>
      <I18nProvider locale={locale}>
        <SessionProvider session={session}>
          <PaneBody locale={locale} onLocaleChange={changeLocale} />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

/** Which action the workbook calls for: the template first, then computing, else a check. */
function usePrimaryAction(refreshKey: unknown): PrimaryAction {
  const session = useSession();
  const [primary, setPrimary] = useState<PrimaryAction>('check');
  useEffect(() => {
    let live = true;
    session
      .sheetNames()
      .then((names) => {
        if (!live) return;
        const lower = new Set(names.map((n) => n.toLowerCase()));
        const hasTemplate = [INPUT_SHEET, TABLES_SHEET].every((n) => lower.has(n.toLowerCase()));
        const others = names.filter((n) => n !== REPORT_SHEET && !TEMPLATE_SHEETS.some((t) => t.toLowerCase() === n.toLowerCase()));
        setPrimary(hasTemplate ? 'compute' : others.length <= 1 ? 'template' : 'check');
      })
      .catch(() => live && setPrimary('check'));
    return () => {
      live = false;
    };
  }, [session, refreshKey]);
  return primary;
}

function PaneBody({ locale, onLocaleChange }: { locale: PaneLocale; onLocaleChange(locale: PaneLocale): void }) {
  const { strings } = useI18n();
  const styles = useAppStyles();
  const check = useWorkbookCheck();
  const compute = useTableComputation();
  const template = useTemplateInsertion(EXAMPLE);
  const removal = useAnnotationRemoval();
  const navigation = useFindingNavigation();
  const [withExample, setWithExample] = useState(false);
  const [annotate, setAnnotate] = useState(rememberedAnnotate);
  const [last, setLast] = useState<LastAction>(null);
  const [finished, setFinished] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const insertRef = useRef<HTMLButtonElement>(null);
  const primary = usePrimaryAction(finished);

  const busy =
    check.state.status === 'running' ||
    compute.state.status === 'running' ||
    template.state.status === 'running' ||
    removal.state.status === 'running' ||
    template.state.status === 'confirm';

  const start = (action: Exclude<LastAction, null>, run: () => Promise<void>) => {
    if (busy) return;
    setLast(action);
    void run().then(() => setFinished((n) => n + 1));
  };

  const lastState =
    last === 'check'
      ? check.state.status
      : last === 'compute'
        ? compute.state.status
        : last === 'template'
          ? template.state.status
          : last === 'remove'
            ? removal.state.status
            : 'idle';
  const settled = lastState === 'done' || lastState === 'error' || lastState === 'cancelled';

  // Focus to the result once an action has settled (not after a cancelled dialog: see onCancel).
  useEffect(() => {
    if (settled && lastState !== 'cancelled') resultRef.current?.focus();
  }, [settled, lastState, finished]);

  const announcement = settled ? resultText() : '';

  function resultText(): string {
    if (last === 'check' && check.state.status === 'done') {
      const a = check.state.annotation;
      return `${strings.checkDone(check.state.counts)} ${a ? strings.annotationsWritten(a.cells, a.mode) : strings.nothingWritten}`;
    }
    if (last === 'compute' && compute.state.status === 'done') return strings.tablesWritten(compute.state.cellsWritten);
    if (last === 'template' && template.state.status === 'done') return strings.templateInserted(template.state.sheets);
    if (last === 'template' && template.state.status === 'cancelled') return strings.templateCancelled;
    if (last === 'remove' && removal.state.status === 'done') return removedText();
    const error =
      (last === 'check' && check.state.status === 'error' && check.state.error) ||
      (last === 'compute' && compute.state.status === 'error' && compute.state.error) ||
      (last === 'template' && template.state.status === 'error' && template.state.error) ||
      (last === 'remove' && removal.state.status === 'error' && removal.state.error);
    return error ? `${error.title}. ${error.lines.map((l) => (l.cell ? `${l.sheet}!${l.cell}: ${l.text}` : l.text)).join(' ')}` : '';
  }

  function removedText(): string {
    if (removal.state.status !== 'done') return '';
    const { notesRemoved, sheetRemoved, mode } = removal.state;
    return notesRemoved === 0 && !sheetRemoved ? strings.nothingToRemove : strings.commentsRemoved(notesRemoved, sheetRemoved, mode);
  }

  const goTo = (sheet: string, cell: string) => void navigation.goTo({ sheet, cell });

  let result: ReactNode = null;
  if (last === 'check' && check.state.status === 'running') {
    const s = check.state;
    result = (
      <Progress
        text={s.phase === 'checking' && s.sheets > 0 ? strings.checkingSheets(s.sheetsDone, s.sheets) : strings.phase[s.phase]}
        step={CHECK_PHASES.indexOf(s.phase) + (s.sheets > 0 ? s.sheetsDone / s.sheets : 0)}
        steps={CHECK_PHASES.length}
      />
    );
  } else if (last === 'compute' && compute.state.status === 'running') {
    result = <Progress text={strings.phase[compute.state.phase]} step={COMPUTE_PHASES.indexOf(compute.state.phase)} steps={COMPUTE_PHASES.length} />;
  } else if (last === 'template' && template.state.status === 'running') {
    result = <Progress text={strings.phase.inserting} step={0} steps={0} />;
  } else if (last === 'remove' && removal.state.status === 'running') {
    result = <Progress text={strings.phase.removing} step={0} steps={0} />;
  } else if (last === 'template' && template.state.status === 'done') {
    result = <Notice text={strings.templateInserted(template.state.sheets)} />;
  } else if (last === 'template' && template.state.status === 'cancelled') {
    result = <Notice text={strings.templateCancelled} intent="info" />;
  } else if (last === 'template' && template.state.status === 'error') {
    result = <ErrorMessage error={template.state.error} onGoTo={goTo} />;
  } else if (last === 'compute' && compute.state.status === 'done') {
    result = (
      <>
        <Notice text={strings.tablesWritten(compute.state.cellsWritten)} />
        <ResultSummary result={compute.state.result} tableKeys={compute.tableKeys} />
      </>
    );
  } else if (last === 'compute' && compute.state.status === 'error') {
    result = <ErrorMessage error={compute.state.error} onGoTo={goTo} />;
  } else if (last === 'remove' && removal.state.status === 'done') {
    result = <Notice text={removedText()} />;
  } else if (last === 'remove' && removal.state.status === 'error') {
    result = <ErrorMessage error={removal.state.error} />;
  } else if (last === 'check' && check.state.status === 'error') {
    result = <ErrorMessage error={check.state.error} />;
  } else if (last === 'check' && check.state.status === 'done') {
    const a = check.state.annotation;
    result = (
      <>
        <Notice text={strings.checkDone(check.state.counts)} intent="info" testId="check-summary" />
        {a?.error ? <ErrorMessage error={a.error} intent="warning" /> : null}
        <Notice
          text={a ? strings.annotationsWritten(a.cells, a.mode) : strings.nothingWritten}
          intent={a ? 'success' : 'info'}
          testId="annotation-mode"
          mode={a ? a.mode : 'none'}
        />
        {a && a.notesSkipped.length > 0 ? <Notice text={strings.notesSkipped(a.notesSkipped)} intent="warning" /> : null}
        {navigation.error ? <ErrorMessage error={navigation.error} /> : null}
        {navigation.hidden ? (
          <HiddenSheetNotice hidden={navigation.hidden} onShow={() => void navigation.showAndGo()} onDismiss={navigation.dismissHidden} />
        ) : null}
        <FindingsPanel findings={check.state.condensed} hiddenSheets={check.state.hiddenSheets} onSelect={(f) => void navigation.goTo(f)} />
      </>
    );
  }

  return (
    <main className={styles.root} data-testid="task-pane" aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {strings.appTitle}
        </Title3>
        <Switch label={strings.languageSwitch} checked={locale === 'en'} onChange={(_e, data) => onLocaleChange(data.checked ? 'en' : 'da')} />
      </header>
      <div className={styles.intro} data-testid="intro">
        <p className={styles.introLine}>{strings.intro[0]}</p>
        <p className={styles.introLine}>{strings.intro[1]}</p>
      </div>

      <ActionBar
        busy={busy}
        primary={primary}
        withExample={withExample}
        annotate={annotate}
        insertRef={insertRef}
        onWithExampleChange={setWithExample}
        onAnnotateChange={(value) => {
          setAnnotate(value);
          rememberAnnotate(value);
        }}
        onInsertTemplate={() => start('template', () => template.request(withExample))}
        onComputeTables={() => start('compute', compute.run)}
        onCheck={() => start('check', () => check.run(annotate))}
        onRemoveComments={() => start('remove', removal.run)}
      />

      <ConfirmReplaceDialog
        sheets={template.state.status === 'confirm' ? template.state.conflicts : null}
        onConfirm={() => void template.confirm().then(() => setFinished((n) => n + 1))}
        onCancel={() => {
          template.cancel();
          // Back to the button that opened the dialog.
          requestAnimationFrame(() => insertRef.current?.focus());
        }}
      />

      <div ref={resultRef} tabIndex={-1} className={styles.result} data-testid="result">
        {result}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="live-region">
        {announcement}
      </div>
    </main>
  );
}

function Notice({ text, intent = 'success', testId, mode }: { text: string; intent?: 'success' | 'info' | 'warning'; testId?: string; mode?: string }) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId ?? `message-${intent}`} data-mode={mode}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
