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

/** Lets React paint (a progress step) before a long synchronous computation. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
