/**
 * `tb kvantum FIL.json|FIL.xlsx [--out linjer.csv]`: the correction lines to key into Kvantum,
 * one per table, unit, bevilling and year, as CSV that Danish Excel opens correctly.
 */
import * as path from 'node:path';
import { computeProposal, kvantumCsv, normalizeProposal, parsePriceIndex, PriceIndexError, readTemplate, type PriceIndex } from '../engine';
import { inFile, localeOption, oneFile, readJson, readText, stringOption, UsageError, writeTextFile, type Command } from './commands';
import { NotXlsxError } from './errors';
import { XlsxWorkbook } from './xlsxAdapter';

export const kvantum: Command = {
  name: 'kvantum',
  usage: 'tb kvantum FIL.json|FIL.xlsx [--out linjer.csv]',
  summary: 'Skriv Kvantum-linjerne (én pr. tabel, udvalg, bevilling og år) som CSV',
  help: `
Beregner forslaget og skriver de linjer, der tastes i Kvantum: én linje pr. tabel (A–E),
udvalg, bevilling/profitcenter og år, med beløbet i hele 1.000 kr. Linjerne summerer præcis
til Tabel A–E. Linjer med beløbet 0 udelades.

  FIL.json   Forslaget i JSON-format.
  FIL.xlsx   Et udfyldt Teknisk beregningsark (arket ændres ikke).

CSV-filen åbner korrekt i dansk Excel: semikolon mellem felterne, decimalkomma, UTF-8 med BOM
og en overskriftsrække.

Udmøntes forslaget i et andet pris- og lønniveau (implementedPriceLevel, fx »udarbejdet i
2025 p/l, udmøntes i 2024 p/l«), skrives linjerne i det niveau; indekset gives med --index.

Tilvalg:
  --out linjer.csv   Skriv til filen i stedet for på skærmen.
  --index FIL        Pris- og lønindeks (JSON eller CSV som til tb convert) til implementedPriceLevel.
  --anlaeg           Omregn også anlæg (som tb convert --anlaeg).
  --locale da|en     Sprog for fejl i forslaget eller arket (standard da).
`,
  options: { out: { type: 'string' }, index: { type: 'string' }, anlaeg: { type: 'boolean' }, locale: { type: 'string' } },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'kvantum', 'en fil (FIL.json eller FIL.xlsx)');
    const out = stringOption(values, 'out');
    const locale = localeOption(values);
    if (out !== undefined && path.extname(out).toLowerCase() !== '.csv') throw new UsageError(`--out skal være en .csv-fil (fik ${out})`);
    const ext = path.extname(file).toLowerCase();
    let input: unknown;
    if (ext === '.json') input = await readJson(file);
    else if (ext === '.xlsx') {
      const snapshot = await (await XlsxWorkbook.open(file)).read();
      input = inFile(file, () => readTemplate(snapshot, { locale }));
    } else throw new NotXlsxError(file, 'tb kvantum læser et forslag i JSON (.json) eller et Teknisk beregningsark (.xlsx)');
    const indexFile = stringOption(values, 'index');
    let priceIndex: PriceIndex | undefined;
    if (indexFile !== undefined) {
      try {
        priceIndex = parsePriceIndex(await readText(indexFile));
      } catch (error) {
        if (error instanceof PriceIndexError) throw new PriceIndexError(`${indexFile}: ${error.message}`);
        throw error;
      }
    }
    inFile(file, () => normalizeProposal(input, { locale }));
    const result = inFile(file, () => computeProposal(input, { priceIndex, convertAnlaeg: values.anlaeg === true }));
    const implemented = (input as { implementedPriceLevel?: unknown }).implementedPriceLevel;
    if (typeof implemented === 'number' && implemented !== result.priceLevel && !result.implemented) {
      throw new UsageError(`forslaget er i ${result.priceLevel} p/l og udmøntes i ${implemented} p/l; angiv pris- og lønindekset med --index FIL`);
    }
    const lines = result.implemented ?? result;
    const csv = kvantumCsv(lines);
    if (out === undefined) io.out(csv);
    else {
      await writeTextFile(out, csv);
      io.out(`Skrev ${out}: ${lines.kvantum.length} ${lines.kvantum.length === 1 ? 'linje' : 'linjer'} til Kvantum (1.000 kr. ${lines.priceLevel} p/l).\n`);
    }
    return 0;
  },
};
