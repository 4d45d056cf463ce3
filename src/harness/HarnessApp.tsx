/**
 * "Prøv uden Excel": the task pane and the same `src/excel` adapter, over the in-memory Excel API
 * and a workbook read from a local .xlsx. The left side plays Excel (sheet tabs, name box, cells);
 * nothing leaves the browser.
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, mergeClasses, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { startTransition, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { FakeExcel, modelFromXlsx, WorkbookModel } from '../excel/fake';
import { OfficeWorkbook } from '../excel/OfficeWorkbook';
import { TaskPane, type PaneTheme } from '../taskpane/components/App';
import { initialLocale } from '../taskpane/preferences';
import type { WorkbookSession } from '../taskpane/session';
import { useHarnessStyles } from './Harness.styles';
import { HARNESS_BATCHES, withRoundTrips } from './roundTrips';
import { SheetView } from './SheetView';
import { workbookFile } from './download';

const DEFAULT_FILE_NAME = 'projektmappe.xlsx';
/** How often, at most, the grid shows what the pane's round trips changed. */
const GRID_REFRESH_MS = 300;

/**
 * The adapter, made to wait for a workbook that is still being opened: an action clicked while a
 * file loads runs on that file, never on the one before it.
 */
function waitingSession(workbook: OfficeWorkbook, loading: { current: Promise<void> }): WorkbookSession {
  const loaded = <T,>(run: () => Promise<T>) => loading.current.then(run);
  return {
    read: () => loaded(() => workbook.read()),
    applyChanges: (changes) => loaded(() => workbook.applyChanges(changes)),
    sheetNames: () => loaded(() => workbook.sheetNames()),
    select: (sheet, address) => loaded(() => workbook.select(sheet, address)),
    showSheet: (sheet) => loaded(() => workbook.showSheet(sheet)),
    annotationMode: () => workbook.annotationMode(),
  };
}

export function HarnessApp({ apiVersion, theme = 'light' }: { apiVersion?: string; theme?: PaneTheme }) {
  const styles = useHarnessStyles();
  const excel = useMemo(() => new FakeExcel(WorkbookModel.blank(), { apiVersion }), [apiVersion]);
  const loading = useRef<Promise<void>>(Promise.resolve());
  const session = useMemo(() => waitingSession(new OfficeWorkbook(withRoundTrips(excel), HARNESS_BATCHES), loading), [excel]);
  const [generation, setGeneration] = useState(0);
  const [fileName, setFileName] = useState(DEFAULT_FILE_NAME);
  const [fileError, setFileError] = useState<string | null>(null);

  // Re-render after executed batches, as Excel's grid would, but at most every GRID_REFRESH_MS:
  // a catalogue's check is hundreds of round trips. Excel repaints its grid outside the pane, so
  // the grid renders as a transition, which React cuts into short tasks that yield to the pane;
  // a grid a moment behind the workbook is redrawn at the next refresh.
  const [, setGridVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const refresh = () => {
      timer = undefined;
      last = performance.now();
      startTransition(() => setGridVersion((n) => n + 1));
    };
    const unsubscribe = excel.subscribe(() => {
      if (timer === undefined) timer = setTimeout(refresh, Math.max(0, last + GRID_REFRESH_MS - performance.now()));
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [excel]);

  const model = excel.model;
  const active = model.activeSheet;

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    // A fresh pane at once, whose actions wait for the file.
    setGeneration((g) => g + 1);
    const load = (async () => {
      try {
        const opened = await modelFromXlsx(new Uint8Array(await file.arrayBuffer()));
        excel.open(opened);
        setFileName(file.name);
        setFileError(null);
      } catch (error) {
        setFileError(`${file.name} kan ikke læses som .xlsx-projektmappe: ${(error as Error).message}`);
      }
    })();
    loading.current = load;
    await load;
  };

  const download = async () => {
    const bytes = await workbookFile(excel.model);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  // A click on the grid or a tab is the person's own: redrawn at once, not as a transition.
  const redraw = () => setGridVersion((n) => n + 1);

  const selectCell = (row: number, col: number) => {
    model.select(active, { start: { row, col }, end: { row, col } });
    redraw();
  };

  const selection = model.selectionRef();
  // The pane re-renders on its own state only, not with every change to the grid beside it.
  const pane = useMemo(
    () => <TaskPane key={generation} session={session} initialLocale={initialLocale(navigator.language)} theme={theme} />,
    [generation, session, theme],
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang="da">
      <div className={styles.root}>
        <section className={styles.workbook} aria-label="Projektmappe">
          <div className={styles.toolbar}>
            <label className={styles.fileLabel}>
              Åbn projektmappe
              <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void open(e)} />
            </label>
            <Button size="small" onClick={() => void download()}>
              Download
            </Button>
            <span className={styles.fileName} data-testid="file-name">
              {fileName}
            </span>
          </div>
          {fileError ? (
            <MessageBar intent="error">
              <MessageBarBody>{fileError}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.toolbar}>
            <output className={styles.nameBox} aria-label="Navnefelt" data-testid="name-box" data-selection={selection}>
              {selection}
            </output>
          </div>
          <div role="tablist" aria-label="Ark" className={styles.tabs}>
            {model.sheets
              .filter((s) => s.visibility === 'Visible')
              .map((s) => (
                <button
                  key={s.id}
                  type="button"
                  role="tab"
                  aria-selected={s === active}
                  data-sheet-tab={s.name}
                  className={mergeClasses(styles.tab, s === active && styles.tabActive)}
                  onClick={() => {
                    model.activate(s);
                    redraw();
                  }}
                >
                  {s.name}
                </button>
              ))}
          </div>
          {active ? <SheetView model={model} sheet={active} onSelect={selectCell} /> : null}
        </section>
        {/* Not a landmark: the pane's own <main> is the page's main landmark, as in Excel. */}
        <div className={styles.pane} data-testid="pane-host">
          {pane}
        </div>
      </div>
    </FluentProvider>
  );
}
