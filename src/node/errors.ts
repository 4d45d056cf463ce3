/**
 * File errors of the Node side, one class per condition. All extend `FileError`, so the CLI can
 * report any of them as one clear line without a stack trace.
 */
import type { InputProblem } from '../engine';

export class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

/** The file does not exist. */
export class FileNotFoundError extends FileError {
  constructor(file: string) {
    super(file, `${file}: filen findes ikke`);
    this.name = 'FileNotFoundError';
  }
}

/** The file exists but is not an .xlsx workbook (wrong extension, .xls, CSV, empty, damaged). */
export class NotXlsxError extends FileError {
  constructor(
    file: string,
    readonly reason: string,
  ) {
    super(file, `${file}: ${reason}`);
    this.name = 'NotXlsxError';
  }
}

/** The file would be overwritten, and the caller did not say it may be. */
export class FileExistsError extends FileError {
  constructor(file: string) {
    super(file, `${file} findes allerede; brug --force for at overskrive den`);
    this.name = 'FileExistsError';
  }
}

/** Writing the workbook failed; the original file, if any, is untouched. */
export class WorkbookWriteError extends FileError {
  constructor(file: string, reason: string) {
    super(file, `${file} kunne ikke gemmes: ${reason}`);
    this.name = 'WorkbookWriteError';
  }
}

/** A JSON input file (proposal, price index) that is not valid JSON. */
export class InvalidJsonError extends FileError {
  constructor(file: string, reason: string) {
    super(file, `${file}: er ikke gyldig JSON (${reason})`);
    this.name = 'InvalidJsonError';
  }
}

/**
 * An input file whose content cannot be used (an invalid proposal, an unreadable template),
 * with every problem located inside it.
 */
export class InvalidInputError extends FileError {
  constructor(
    file: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(file, problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'InvalidInputError';
  }
}

/** A change the adapter refuses: adding a sheet over an existing one, writing to a missing sheet. */
export class WorkbookChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookChangeError';
  }
}
