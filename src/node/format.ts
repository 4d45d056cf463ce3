/**
 * Plain-text output of the CLI: Tables A–E as the catalogue prints them, and a check report.
 */
import {
  compareFindings,
  condenseFindings,
  countBySeverity,
  formatDanish,
  paybackText,
  severityCount,
  SEVERITY_WORDS,
  TEMPLATE_TABLES,
  type CheckReport,
  type Finding,
  type ProposalResult,
} from '../engine';

const GAP = 2;

/** A label column and right-aligned number columns of one shared width, so tables line up. */
interface Columns {
  label: number;
  number: number;
}

/** A row of right-aligned numbers; with `textWidth`, the first cell is a left-aligned text column. */
function row(columns: Columns, label: string, cells: readonly string[], textWidth?: number): string {
  const [first, ...rest] = textWidth === undefined ? ['', ...cells] : cells;
  const text = textWidth === undefined ? '' : `${' '.repeat(GAP)}${first.padEnd(textWidth)}`;
  return `${label.padEnd(columns.label)}${text}${rest.map((c) => c.padStart(columns.number + GAP)).join('')}`.trimEnd();
}

const BEVILLING_HEADER = 'Bevilling, profitcenter mv.';

function numbers(values: readonly number[]): string[] {
  return values.map((v) => formatDanish(v));
}

/**
 * Tables A–E as the catalogue shows them: title, "Udvalg | 1.000 kr. 2025 p/l", the years, one
 * row per unit by full name, Total; Danish numbers ("-1.474"), zeros printed as 0. Then Tabel 1
 * with the payback. One row per unit and bevilling, with the column "Bevilling,
 * profitcenter mv." filled.
 */
export function formatTables(result: ProposalResult, title = ''): string {
  const tables = TEMPLATE_TABLES.map((spec) => ({ spec, table: result.tables[spec.key] }));
  const allNumbers = [
    ...tables.flatMap(({ table }) => [...table.rows.flatMap((r) => r.values), ...table.total]),
    ...result.tabel1.rows.flatMap((r) => r.values),
  ];
  const columns: Columns = {
    label: Math.max(...tables.flatMap(({ table }) => table.rows.map((r) => r.name.length))),
    number: Math.max(...result.years.map((y) => String(y).length), ...numbers(allNumbers).map((t) => t.length)),
  };
  const years = result.years.map(String);
  const unitLine = `1.000 kr. ${result.priceLevel} p/l`;
  const bevillingWidth = Math.max(BEVILLING_HEADER.length, ...tables.flatMap(({ table }) => table.rows.map((r) => r.bevilling.length)));
  const withBevilling = (bevilling: string, cells: readonly string[]) => [bevilling.padEnd(bevillingWidth), ...cells];

  const lines: string[] = [];
  if (title !== '') lines.push(title, '');
  for (const { spec, table } of tables) {
    lines.push(
      spec.title,
      `${'Udvalg'.padEnd(columns.label + GAP)}${unitLine}`,
      row(columns, '', withBevilling(BEVILLING_HEADER, years), bevillingWidth),
      ...table.rows.map((r) => row(columns, r.name, withBevilling(r.bevilling, numbers(r.values)), bevillingWidth)),
      row(columns, 'Total', withBevilling('', numbers(table.total)), bevillingWidth),
      '',
    );
  }
  lines.push(...formatTabel1(result, columns.number), '', 'Forklaring', ...result.explanation);
  for (const f of result.findings) lines.push(`Bemærk: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

/** The check report in Danish: counts per severity first, then the findings sheet by sheet. */
export function formatCheckReport(report: CheckReport, file: string, sheetOrder: readonly string[]): string {
  const counts = countBySeverity(report.findings);
  const sorted = condenseFindings([...report.findings].sort(compareFindings(sheetOrder)));
  // The counts are the checker's; say so when the list below folds them into fewer lines.
  const folded = sorted.length < report.findings.length ? ` (vist samlet i ${formatDanish(sorted.length, 0)} ${sorted.length === 1 ? 'linje' : 'linjer'})` : '';
  const lines = [
    `${file}: ${severityCount('error', counts.error)}, ${severityCount('warning', counts.warning)}, ${severityCount('info', counts.info)}${folded}.`,
  ];
  lines.push(`Fandt ${report.tables.length} ${report.tables.length === 1 ? 'tabel' : 'tabeller'}.`);
  const bySheet = new Map<string, Finding[]>();
  for (const f of sorted) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, findings] of bySheet) {
    lines.push('', sheet === '' ? 'Projektmappen' : `Ark »${sheet}«`);
    const width = Math.max(...findings.map((f) => f.cell.length));
    for (const f of findings) lines.push(`  ${SEVERITY_WORDS.da[f.severity].one.padEnd(12)}${f.cell.padEnd(width + 2)}${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Tabel 1 with its own label width (its lines are long texts), the styringsområde and the payback. */
function formatTabel1(result: ProposalResult, numberWidth: number): string[] {
  const t = result.tabel1;
  const columns: Columns = { label: Math.max(...t.rows.map((r) => r.label.length)), number: numberWidth };
  const styringWidth = Math.max('Styringsområde'.length, ...t.rows.map((r) => r.styringsomraade.length));
  const lastYear = result.years[result.years.length - 1];
  return [
    'Tabel 1. Forslagets samlede økonomiske konsekvenser',
    row(columns, `1.000 kr. ${result.priceLevel} p/l`, ['Styringsområde'.padEnd(styringWidth), ...result.years.map(String)], styringWidth),
    ...t.rows.map((r) =>
      r.kind === 'heading' ? r.label : row(columns, r.label, [r.styringsomraade.padEnd(styringWidth), ...numbers(r.values)], styringWidth),
    ),
    `Tilbagebetalingstid baseret på serviceeffektivisering: ${paybackText(t.payback.service, lastYear)}`,
    `Tilbagebetalingstid baseret på totaløkonomi: ${paybackText(t.payback.total, lastYear)}`,
  ];
}
