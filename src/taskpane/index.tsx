/**
 * The task pane inside Excel: Office.js is loaded by taskpane.html; the adapter gets the real host.
 * Opened anywhere else (a plain browser tab), the page points to the harness instead.
 */
import { createRoot } from 'react-dom/client';
import { OfficeWorkbook } from '../excel/OfficeWorkbook';
import { officeHost } from '../excel/officeHost';
import { TaskPane } from './components/App';
import { NotInExcel } from './components/NotInExcel';
import { initialLocale, themeFromBackground } from './preferences';

void Office.onReady((info) => {
  const root = createRoot(document.getElementById('root')!);
  if (info.host === Office.HostType.Excel)
    root.render(
      <TaskPane
        session={new OfficeWorkbook(officeHost())}
        initialLocale={initialLocale(Office.context.displayLanguage)}
        theme={themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor)}
      />,
    );
  else root.render(<NotInExcel />);
});
