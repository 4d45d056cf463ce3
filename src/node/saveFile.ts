/**
 * The one way the CLI writes a file: into a temporary file in the same folder, renamed over the
 * target only once it is written in full, so a failure leaves an existing file as it was.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WorkbookWriteError } from './errors';

/** Writes `bytes` to `file` through a temporary file and a rename. */
export async function saveFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new WorkbookWriteError(file, writeReason(error as NodeJS.ErrnoException));
  }
}

function writeReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return 'ingen skriveadgang, eller filen er åben i Excel';
    case 'ENOENT':
      return 'mappen findes ikke';
    case 'ENOSPC':
      return 'disken er fuld';
    case 'EISDIR':
      return 'der ligger en mappe med det navn';
    default:
      return `fejlkode ${error.code ?? 'ukendt'}`;
  }
}
