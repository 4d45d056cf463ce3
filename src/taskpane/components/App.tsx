/**
 * The task pane. It only shows state and forwards clicks: every workbook action lives in a hook
 * (`useWorkbookCheck`, `useTableComputation`, …) that talks to the session, never to Excel.
 */
import { FluentProvider, MessageBar, MessageBarBody, Switch, Title3, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import forslag4 from '../../../examples/forslag4.json';
import { ProposalSchema } from '../../engine';
import { CHECK_PHASES, useWorkbookCheck } from '../hooks/useWorkbookCheck';
import { COMPUTE_PHASES, useTableComputation } from '../hooks/useTableComputation';
import { useTemplateInsertion } from '../hooks/useTemplateInsertion';
import { useAnnotationRemoval } from '../hooks/useAnnotationRemoval';
import { useFindingNavigation } from '../hooks/useFindingNavigation';
import { HiddenSheetNotice } from './HiddenSheetNotice';
import { I18nProvider, useI18n, type PaneLocale } from '../i18n';
import { SessionProvider, type WorkbookSession } from '../session';
import { ActionBar } from './ActionBar';
import { ConfirmReplaceDialog } from './ConfirmReplaceDialog';
import { ErrorMessage } from './ErrorMessage';
import { FindingsPanel } from './FindingsPanel';
import { Progress } from './Progress';
import { ResultSummary } from './ResultSummary';
import { useAppStyles } from './App.styles';

const EXAMPLE = ProposalSchema.parse(forslag4);

type LastAction = 'template' | 'compute' | 'check' | 'remove' | null;

export interface TaskPaneProps {
  session: WorkbookSession;
  initialLocale?: PaneLocale;
}

/** The pane with its providers: theme, language, workbook session. */
export function TaskPane({ session, initialLocale = 'da' }: TaskPaneProps) {
  const [locale, setLocale] = useState<PaneLocale>(initialLocale);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <I18nProvider locale={locale}>
        <SessionProvider session={session}>
          <PaneBody locale={locale} onLocaleChange={setLocale} />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>
  );
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
  const [last, setLast] = useState<LastAction>(null);

  const busy =
    check.state.status === 'running' || compute.state.status === 'running' || template.state.status === 'running' || removal.state.status === 'running';

  const start = (action: Exclude<LastAction, null>, run: () => Promise<void>) => {
    setLast(action);
    void run();
  };

  return (
    <main className={styles.root} data-testid="task-pane" aria-busy={busy}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {strings.appTitle}
        </Title3>
        <Switch label={strings.languageSwitch} checked={locale === 'en'} onChange={(_e, data) => onLocaleChange(data.checked ? 'en' : 'da')} />
      </header>

      <ActionBar
        busy={busy}
        withExample={withExample}
        onWithExampleChange={setWithExample}
        onInsertTemplate={() => start('template', () => template.request(withExample))}
        onComputeTables={() => start('compute', compute.run)}
        onCheck={() => start('check', check.run)}
        onRemoveComments={() => start('remove', removal.run)}
      />

      <ConfirmReplaceDialog
        sheets={template.state.status === 'confirm' ? template.state.conflicts : null}
        onConfirm={() => void template.confirm()}
        onCancel={template.cancel}
      />

      {last === 'check' && check.state.status === 'running' ? (
        <Progress text={strings.phase[check.state.phase]} step={CHECK_PHASES.indexOf(check.state.phase)} steps={CHECK_PHASES.length} />
      ) : null}
      {last === 'compute' && compute.state.status === 'running' ? (
        <Progress text={strings.phase[compute.state.phase]} step={COMPUTE_PHASES.indexOf(compute.state.phase)} steps={COMPUTE_PHASES.length} />
      ) : null}
      {last === 'template' && template.state.status === 'running' ? <Progress text={strings.phase.inserting} step={0} steps={0} /> : null}
      {last === 'remove' && removal.state.status === 'running' ? <Progress text={strings.phase.removing} step={0} steps={0} /> : null}

      {last === 'template' && template.state.status === 'done' ? <Success text={strings.templateInserted(template.state.sheets)} /> : null}
      {last === 'template' && template.state.status === 'cancelled' ? <Success text={strings.templateCancelled} intent="info" /> : null}
      {last === 'template' && template.state.status === 'error' ? <ErrorMessage error={template.state.error} /> : null}

      {last === 'compute' && compute.state.status === 'done' ? (
        <>
          <Success text={strings.tablesWritten(compute.state.cellsWritten)} />
          <ResultSummary result={compute.state.result} tableKeys={compute.tableKeys} />
        </>
      ) : null}
      {last === 'compute' && compute.state.status === 'error' ? <ErrorMessage error={compute.state.error} /> : null}

      {last === 'remove' && removal.state.status === 'done' ? <Success text={strings.commentsRemoved(removal.state.notesRemoved, removal.state.sheetRemoved)} /> : null}
      {last === 'remove' && removal.state.status === 'error' ? <ErrorMessage error={removal.state.error} /> : null}

      {last === 'check' && check.state.status === 'error' ? <ErrorMessage error={check.state.error} /> : null}
      {last === 'check' && check.state.status === 'done' ? (
        <>
          {check.state.annotationError ? (
            <ErrorMessage error={check.state.annotationError} intent="warning" />
          ) : (
            <Success text={strings.annotationMode[check.state.mode]} intent="info" testId="annotation-mode" mode={check.state.mode} />
          )}
          {check.state.notesSkipped.length > 0 ? <Success text={strings.notesSkipped(check.state.notesSkipped)} intent="warning" /> : null}
          {navigation.error ? <ErrorMessage error={navigation.error} /> : null}
          {navigation.hidden ? <HiddenSheetNotice hidden={navigation.hidden} onShow={() => void navigation.showAndGo()} onDismiss={navigation.dismissHidden} /> : null}
          <FindingsPanel findings={check.state.findings} onSelect={(f) => void navigation.goTo(f)} />
        </>
      ) : null}
    </main>
  );
}

function Success({ text, intent = 'success', testId, mode }: { text: string; intent?: 'success' | 'info' | 'warning'; testId?: string; mode?: string }) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId ?? `message-${intent}`} data-mode={mode}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
