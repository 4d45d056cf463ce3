/**
 * `tb kvantum FIL.json|FIL.xlsx [--out linjer.csv]`: the correction lines to key into Kvantum,
 * one per table, unit, bevilling and year, as CSV that Danish Excel opens correctly.
 */
import * as path from 'node:path';
import { computeProposal, kvantumCsv, readTemplate } from '../engine';
import { inFile, oneFile, readJson, stringOption, UsageError, writeTextFile, type Command } from './commands';
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

Tilvalg:
  --out linjer.csv   Skriv til filen i stedet for på skærmen.
`,
  options: { out: { type: 'string' } },
  async run(positionals, values, io) {
    const file = oneFile(positionals, 'kvantum', 'en fil (FIL.json eller FIL.xlsx)');
    const out = stringOption(values, 'out');
    if (out !== undefined && path.extname(out).toLowerCase() !== '.csv') throw new UsageError(`--out skal være en .csv-fil (fik ${out})`);
    const ext = path.extname(file).toLowerCase();
    let input: unknown;
    if (ext === '.json') input = await readJson(file);
    else if (ext === '.xlsx') {
      const snapshot = await (await XlsxWorkbook.open(file)).read();
      input = inFile(file, () => readTemplate(snapshot));
    } else throw new NotXlsxError(file, 'tb kvantum læser et forslag i JSON (.json) eller et Teknisk beregningsark (.xlsx)');
    const result = inFile(file, () => computeProposal(input));
    const csv = kvantumCsv(result);
    if (out === undefined) io.out(csv);
    else {
      await writeTextFile(out, csv);
      io.out(`Skrev ${out}: ${result.kvantum.length} ${result.kvantum.length === 1 ? 'linje' : 'linjer'} til Kvantum.\n`);
    }
    return 0;
  },
};
