#!/usr/bin/env node
/**
 * `tb`: the technical tables (Tabel A–E) outside Excel. Parses the command line, runs one
 * command and turns every expected failure into one Danish line per problem and an exit code:
 * 0 success, 1 `check` found errors, 2 invalid input or unreadable file, 70 unexpected error.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PriceIndexError, ProposalValidationError, TemplateError, type Locale } from '../engine';
import { COMMANDS, UsageError, type CliIo, type Command } from './commands';
import { DamagedPackageError, FileError, WorkbookChangeError } from './errors';

export { type CliIo } from './commands';

export const EXIT = { ok: 0, findings: 1, invalid: 2, unexpected: 70 } as const;

const GENERAL_HELP = `tb – tekniske tabeller (Tabel A–E) til korrektioner i Kvantum

Brug:
${COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}
  tb help KOMMANDO
      Hjælp til én kommando (også: tb KOMMANDO --help)
  tb --version
      Vis versionen

Beløb er i 1.000 kr.; besparelser er negative. Se README for forslagets JSON-format.

Slutkoder: 0 ok, 1 tjekket fandt fejl, 2 ugyldigt input eller ulæselig fil, 70 uventet fejl.
`;

function commandHelp(c: Command): string {
  return `Brug: ${c.usage}\n\n${c.help.trim()}\n`;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs `tb` with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io, localeOf(argv));
  }
}

/**
 * The language asked for with `--locale en` (or `--locale=en`), for the words the CLI puts
 * around a message ("error:" instead of "fejl:"); read from the raw arguments, so that even a
 * command line that cannot be parsed is answered in it.
 */
function localeOf(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice('--locale='.length) : undefined;
    if (value === 'en') return 'en';
  }
  return 'da';
}

const WORDS: Record<Locale, { error: string; unexpected: string; seeHelp: string }> = {
  da: { error: 'fejl', unexpected: 'Uventet fejl', seeHelp: 'Se tb --help.' },
  en: { error: 'error', unexpected: 'Unexpected error', seeHelp: 'See tb --help.' },
};

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(GENERAL_HELP);
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`tb ${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (name === 'help') {
    const target = rest[0] === undefined ? undefined : findCommand(rest[0]);
    io.out(target ? commandHelp(target) : GENERAL_HELP);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) throw new UsageError(`ukendt kommando "${name}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  const parsed = parse(command, rest);
  return command.run(parsed.positionals, parsed.values, io);
}

/** The version in package.json, one folder above src/ and lib/ alike. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function parse(command: Command, args: readonly string[]) {
  const config: ParseArgsConfig = { args: [...args], options: command.options, allowPositionals: true, strict: true };
  try {
    return parseArgs(config) as { positionals: string[]; values: Record<string, string | boolean | undefined> };
  } catch (error) {
    throw new UsageError(parseErrorText(error as Error & { code?: string }, command));
  }
}

function parseErrorText(error: Error & { code?: string }, command: Command): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `tb ${command.name} kender ikke tilvalget ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `tilvalget ${option} skal have en værdi`;
    default:
      return error.message;
  }
}

function reportError(error: unknown, io: CliIo, locale: Locale): number {
  const words = WORDS[locale];
  const line = (text: string) => io.err(`${words.error}: ${text}\n`);
  if (error instanceof UsageError) {
    line(error.message);
    io.err(`${words.seeHelp}\n`);
    return EXIT.invalid;
  }
  if (error instanceof ProposalValidationError || error instanceof TemplateError) {
    for (const p of error.problems) line(p.path ? `${p.path}: ${p.message}` : p.message);
    return EXIT.invalid;
  }
  if (error instanceof PriceIndexError) {
    for (const text of error.message.split('\n')) if (text.trim() !== '') line(text.trim());
    return EXIT.invalid;
  }
  if (error instanceof FileError || error instanceof WorkbookChangeError || error instanceof DamagedPackageError) {
    for (const text of error.message.split('\n')) line(text);
    return EXIT.invalid;
  }
  io.err(`${words.unexpected}: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.unexpected;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
