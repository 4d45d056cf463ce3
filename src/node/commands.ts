/**
 * The commands of `tb`. Each reads its files, runs the pure engine and writes through the
 * ExcelJS adapter; failures are thrown as typed errors for `cli.ts` to report.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import {
  annotationChanges,
  checkWorkbook,
  computeProposal,
  normalizeProposal,
  convertPriceLevel,
  countBySeverity,
  parsePriceIndex,
  PriceIndexError,
  ProposalValidationError,
  readTemplate,
  tableWrites,
  TemplateError,
  templateChanges,
  type Locale,
  type ProposalInput,
  type ProposalResult,
  type RoundingMode,
  type TemplateOptions,
} from '../engine';
import { FileExistsError, InvalidInputError, InvalidJsonError, NotXlsxError, readFailure, SameFileError } from './errors';
import { formatCheckReport, formatTables } from './format';
import { parseJsonText } from './jsonText';
import { kvantum } from './kvantum';
import { saveFile } from './saveFile';
import { XlsxWorkbook } from './xlsxAdapter';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A command line that cannot be run: unknown command or option, missing or extra argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  usage: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: readonly string[], values: Values, io: CliIo): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function oneFile(positionals: readonly string[], command: string, what: string): string {
  if (positionals.length === 0) throw new UsageError(`tb ${command} mangler ${what}`);
  if (positionals.length > 1) throw new UsageError(`tb ${command} tager én fil, men fik ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

function extension(file: string): string {
  return path.extname(file).toLowerCase();
}

function requireXlsxName(file: string, option: string): void {
  if (extension(file) !== '.xlsx') throw new UsageError(`${option} skal være en .xlsx-fil (fik ${file})`);
}

function choice<T extends string>(value: string | boolean | undefined, option: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} skal være ${allowed.join(' eller ')} (fik ${String(value)})`);
}

/** `--locale da|en`, Danish unless asked. */
export function localeOption(values: Values): Locale {
  return choice(values.locale, 'locale', ['da', 'en'], 'da');
}

export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function yearOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`--${option} skal være et årstal (fik ${value})`);
  return Number(value);
}

/** True when `a` and `b` name the same file (also through another spelling or a link). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

export async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw readFailure(file, error as NodeJS.ErrnoException);
  }
}

export async function readJson(file: string): Promise<unknown> {
  const parsed = parseJsonText(await readText(file));
  if (!parsed.ok) throw new InvalidJsonError(file, parsed.problem);
  return parsed.value;
}

/** Runs `fn`, locating a proposal's or template's problems in `file`. */
export function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ProposalValidationError || error instanceof TemplateError) throw new InvalidInputError(file, error.problems);
    throw error;
  }
}

/** Writes a text file through a temporary file in the same folder, as the adapter saves workbooks. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  await saveFile(file, Buffer.from(text, 'utf8'));
}

function printResult(result: ProposalResult, format: 'table' | 'json', title: string, io: CliIo): void {
  io.out(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatTables(result, title));
}

/** Reads a template workbook, computes it and returns the workbook with Tables A–E written. */
async function computeWorkbook(
  wb: XlsxWorkbook,
  file: string,
  rounding: RoundingMode,
  locale: Locale = 'da',
): Promise<{ input: ProposalInput; result: ProposalResult }> {
  const snapshot = await wb.read();
  const input = inFile(file, () => readTemplate(snapshot, { locale }));
  const result = inFile(file, () => computeProposal(input, { rounding }));
  await wb.apply(inFile(file, () => tableWrites(snapshot, result, { locale })));
  return { input, result };
}

// ---------------------------------------------------------------------------------------------
// tb init

const init: Command = {
  name: 'init',
  usage: 'tb init FIL.xlsx [--from forslag.json] [--force]',
  summary: 'Lav et Teknisk beregningsark (evt. udfyldt)',
  help: `
Skriver et nyt Teknisk beregningsark med fanerne Vejledning, Input, Tabeller og Kvantum.

Tilvalg:
  --from forslag.json   Udfyld fanen Input med forslaget og beregn Tabel A–E.
  --years 2024-2029     Årene i et tomt ark (standard 2024-2029).
  --price-level 2025    Pris- og lønniveau i et tomt ark (standard 2025).
  --force               Overskriv FIL.xlsx, hvis den findes.
`,
  options: {
    from: { type: 'string' },
    years: { type: 'string' },
    'price-level': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'init', 'filnavnet på det nye ark (FIL.xlsx)');
    requireXlsxName(file, 'FIL');
    const from = stringOption(values, 'from');
    const options = templateOptions(values);
    if (from && (options.years || options.priceLevel)) throw new UsageError('--years og --price-level gælder kun uden --from (forslaget har sine egne år)');
    if (!values.force && (await exists(file))) throw new FileExistsError(file);

    const proposal = from === undefined ? undefined : ((await readJson(from)) as ProposalInput);
    const wb = XlsxWorkbook.create();
    await wb.apply(inFile(from ?? file, () => templateChanges(proposal, options)));
    if (from) await computeWorkbook(wb, file, 'total');
    await wb.save(file);
    io.out(
      from
        ? `Skrev ${file}: fanen Input er udfyldt fra ${from}, og Tabel A–E er beregnet.\n`
        : `Skrev ${file}: et tomt Teknisk beregningsark. Udfyld fanen Input, og kør tb compute ${file}.\n`,
    );
    return 0;
  },
};

function templateOptions(values: Values): TemplateOptions {
  const options: TemplateOptions = {};
  const years = stringOption(values, 'years');
  if (years !== undefined) {
    const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(years);
    if (!m || Number(m[2]) < Number(m[1]) || Number(m[2]) - Number(m[1]) > 20)
      throw new UsageError(`--years skal være et interval som 2024-2029 (fik ${years})`);
    options.years = Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i);
  }
  const priceLevel = yearOption(stringOption(values, 'price-level'), 'price-level');
  if (priceLevel !== undefined) options.priceLevel = priceLevel;
  return options;
}

// ---------------------------------------------------------------------------------------------
// tb compute

const compute: Command = {
  name: 'compute',
  usage: 'tb compute FIL.xlsx|FIL.json [--out UD.xlsx] [--format table|json]',
  summary: 'Beregn Tabel A–E',
  help: `
Beregner Tabel A–E for et forslag.

  FIL.json   Forslaget i JSON-format: tabellerne skrives på skærmen.
  FIL.xlsx   Et udfyldt Teknisk beregningsark: tabellerne skrives i arkets Tabel A–E
             (kun talcellerne), Tabel 1 og forklaringen under dem, og linjerne til
             Kvantum i arket Kvantum (det tilføjes, hvis arket er lavet før det fandtes).
             Ingen andre celler røres.

Tilvalg:
  --out UD.xlsx            Gem arket som UD.xlsx i stedet for at overskrive FIL.xlsx.
  --format table|json      table (standard): tabellerne som i kataloget;
                           json: resultatet, præcis som computeProposal returnerer det.
                           For et ark skrives tabellerne kun på skærmen, når --format er angivet.
  --rounding total|cell    total (standard): rækkerne summerer til totalen, og C = A + B;
                           cell: hver celle afrundes for sig (som ældre tabeller).
  --locale da|en           Sprog for fejl i forslaget eller arket (standard da).
`,
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
    rounding: { type: 'string' },
    locale: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'compute', 'en fil (FIL.xlsx eller FIL.json)');
    const format = choice(values.format, 'format', ['table', 'json'], 'table');
    const rounding = choice(values.rounding, 'rounding', ['total', 'cell'], 'total');
    const locale = localeOption(values);
    const out = stringOption(values, 'out');

    if (extension(file) === '.json') {
      if (out !== undefined) throw new UsageError(`--out gælder kun for et ark; lav et udfyldt ark med tb init UD.xlsx --from ${file}`);
      const proposal = await readJson(file);
      inFile(file, () => normalizeProposal(proposal, { locale }));
      const result = inFile(file, () => computeProposal(proposal, { rounding }));
      printResult(result, format, titleOf(proposal), io);
      return 0;
    }
    if (extension(file) !== '.xlsx' && extension(file) !== '.xls') {
      throw new NotXlsxError(file, 'tb compute læser et Teknisk beregningsark (.xlsx) eller et forslag i JSON (.json)');
    }
    if (out !== undefined) requireXlsxName(out, '--out');
    const target = out ?? file;
    const wb = await XlsxWorkbook.open(file);
    const { input, result } = await computeWorkbook(wb, file, rounding, locale);
    await wb.save(target);
    if (values.format !== undefined) printResult(result, format, titleOf(input), io);
    const lines = `${result.kvantum.length} ${result.kvantum.length === 1 ? 'Kvantum-linje' : 'Kvantum-linjer'}`;
    const message = `Skrev Tabel A–E og ${lines} til ${target}${target === file ? '' : ` (ud fra ${file})`}.\n`;
    if (format === 'json') io.err(message);
    else io.out(message);
    return 0;
  },
};

function titleOf(proposal: unknown): string {
  const title = (proposal as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? title : '';
}

// ---------------------------------------------------------------------------------------------
// tb check

const check: Command = {
  name: 'check',
  usage: 'tb check FIL.xlsx [--format text|json] [--annotate UD.xlsx]',
  summary: 'Tjek tabellerne i en projektmappe',
  help: `
Finder tekniske tabeller overalt i projektmappen og melder, hvad der ikke stemmer.

Tilvalg:
  --format text|json     text (standard): antal pr. alvorlighed, derefter fund pr. ark;
                         json: { findings: [...], tables: [...] }.
  --annotate UD.xlsx     Gem en kopi med en note på hver celle med et fund og arket Valideringsrapport.
  --locale da|en         Sprog for fundene (standard da).

Slutkode 0: ingen fejl; 1: der er fejl; 2: filen kan ikke læses; 70: uventet fejl.
`,
  options: {
    format: { type: 'string' },
    annotate: { type: 'string' },
    locale: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'check', 'en projektmappe (FIL.xlsx)');
    const format = choice(values.format, 'format', ['text', 'json'], 'text');
    const locale = localeOption(values);
    const annotate = stringOption(values, 'annotate');
    if (annotate !== undefined) {
      requireXlsxName(annotate, '--annotate');
      if (await sameFile(annotate, file)) throw new SameFileError(file, annotate);
    }

    const wb = await XlsxWorkbook.open(file);
    const snapshot = await wb.read();
    const report = checkWorkbook(snapshot, { locale });
    if (format === 'json') {
      const findings = report.findings.map(({ params: _params, range: _range, ...rest }) => rest);
      io.out(`${JSON.stringify({ findings, tables: report.tables }, null, 2)}\n`);
    } else {
      io.out(
        formatCheckReport(
          report,
          file,
          snapshot.sheets.map((s) => s.name),
        ),
      );
    }
    if (annotate !== undefined) {
      await wb.apply(annotationChanges(snapshot, report, { locale }));
      await wb.save(annotate);
      const message = `Skrev ${annotate} med noter og arket Valideringsrapport.\n`;
      if (format === 'json') io.err(message);
      else io.out(message);
    }
    return countBySeverity(report.findings).error > 0 ? 1 : 0;
  },
};

// ---------------------------------------------------------------------------------------------
// tb convert

const convert: Command = {
  name: 'convert',
  usage: 'tb convert forslag.json --to ÅR --index indeks.json|csv',
  summary: 'Omregn et forslag til et andet pris- og lønniveau',
  help: `
Omregner forslagets beløb fra dets pris- og lønniveau (priceLevel) til ÅR med et pris- og
lønindeks: beløb · indeks[ÅR] / indeks[priceLevel]. Som standard omregnes kun servicebeløb
(effekter, varig drift, bevillingsflyt og serviceinvesteringer).

Tilvalg:
  --to ÅR                 Det nye pris- og lønniveau.
  --index FIL             Indekset som JSON ({"2024": 100, "2025": 103.2}) eller CSV (år;indeks pr. linje).
  --anlaeg                Omregn også anlægsinvesteringer.
  --out UD.json           Gem det omregnede forslag i UD.json i stedet for at skrive det på skærmen.
`,
  options: {
    to: { type: 'string' },
    index: { type: 'string' },
    anlaeg: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'convert', 'forslaget (forslag.json)');
    const to = yearOption(stringOption(values, 'to'), 'to');
    const indexFile = stringOption(values, 'index');
    if (to === undefined) throw new UsageError('tb convert mangler --to ÅR');
    if (indexFile === undefined) throw new UsageError('tb convert mangler --index FIL');
    const proposal = (await readJson(file)) as ProposalInput;
    const indexText = await readText(indexFile);
    let converted: ProposalInput;
    try {
      const index = parsePriceIndex(indexText);
      converted = inFile(file, () => convertPriceLevel(proposal, to, index, { includeAnlaeg: values.anlaeg === true }));
    } catch (error) {
      if (error instanceof PriceIndexError) throw new PriceIndexError(`${indexFile}: ${error.message}`);
      throw error;
    }
    const text = `${JSON.stringify(converted, null, 2)}\n`;
    const out = stringOption(values, 'out');
    if (out === undefined) {
      io.out(text);
    } else {
      await writeTextFile(out, text);
      io.out(`Skrev ${out}: forslaget i ${to}-p/l.\n`);
    }
    return 0;
  },
};

export const COMMANDS: readonly Command[] = [init, compute, check, convert, kvantum];
