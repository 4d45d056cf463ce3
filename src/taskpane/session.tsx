/**
 * What the pane needs from a workbook: the engine's port plus navigation and the annotation mode.
 * `OfficeWorkbook` provides it, over Excel or over the harness's in-memory Excel.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { WorkbookChanges, WorkbookSnapshot } from '../engine';
import type { AnnotationMode, ApplyReport } from '../excel/OfficeWorkbook';

export interface WorkbookSession {
  read(): Promise<WorkbookSnapshot>;
  applyChanges(changes: WorkbookChanges): Promise<ApplyReport>;
  sheetNames(): Promise<string[]>;
  select(sheet: string, address: string): Promise<void>;
  showSheet(sheet: string): Promise<void>;
  annotationMode(): AnnotationMode;
}

const SessionContext = createContext<WorkbookSession | null>(null);

export function SessionProvider({ session, children }: { session: WorkbookSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): WorkbookSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/**
 * Lets the browser paint (a progress step) and handle input before the next piece of work: after
 * the next animation frame, or after 50 ms where frames do not come (a hidden pane).
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}
