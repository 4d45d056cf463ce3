/**
 * File errors of the Node side, one class per condition. All extend `FileError`, so the CLI can
 * report any of them as one clear line without a stack trace.
 */
import type { InputProblem } from '../engine';
import type { JsonSyntaxProblem } from './jsonText';

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

/** A JSON input file (proposal, price index) that is not valid JSON, located by line and column. */
export class InvalidJsonError extends FileError {
  constructor(
    file: string,
    readonly problem: JsonSyntaxProblem,
  ) {
    super(file, `${file}: er ikke gyldig JSON: linje ${problem.line}, kolonne ${problem.column}: ${problem.reason}`);
    this.name = 'InvalidJsonError';
  }
}

/** A path that exists but cannot be read as a file: a folder, no access, a device. */
class UnreadableFileError extends FileError {
  constructor(file: string, reason: string) {
    super(file, `${file}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** Why reading `file` failed, as the error to report. */
export function readFailure(file: string, error: NodeJS.ErrnoException): FileError {
  switch (error.code) {
    case 'ENOENT':
      return new FileNotFoundError(file);
    case 'EISDIR':
      return new UnreadableFileError(file, 'er en mappe, ikke en fil');
    case 'EACCES':
    case 'EPERM':
      return new UnreadableFileError(file, 'kan ikke læses (ingen adgang)');
    default:
      return new UnreadableFileError(file, `kan ikke læses (fejlkode ${error.code ?? 'ukendt'})`);
  }
}

/** An output path that names the input file: writing there would replace the original. */
export class SameFileError extends FileError {
  constructor(input: string, output: string) {
    super(output, `--annotate ${output} er selve filen, der tjekkes; vælg et andet filnavn til den kommenterede kopi (${input} bevares uændret)`);
    this.name = 'SameFileError';
  }
}

/** A write into a sheet whose protection is on: nothing is written. */
export class ProtectedSheetError extends FileError {
  constructor(file: string, sheets: readonly string[]) {
    super(
      file,
      `${file}: arket ${sheets.map((s) => `»${s}«`).join(', ')} er beskyttet; ` +
        `fjern arkbeskyttelsen i Excel (Gennemse > Fjern beskyttelse af ark), og kør igen. Intet er skrevet.`,
    );
    this.name = 'ProtectedSheetError';
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

/** A workbook package whose parts do not fit together (a part that is named but missing, an element not where it must be). */
export class DamagedPackageError extends Error {
  constructor(detail: string) {
    super(`Projektmappen er beskadiget eller opbygget på en måde, tb ikke kender (${detail}); åbn den i Excel, gem den, og prøv igen. Intet er skrevet.`);
    this.name = 'DamagedPackageError';
  }
}

/** A change the adapter refuses: adding a sheet over an existing one, writing to a missing sheet. */
export class WorkbookChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookChangeError';
  }
}
