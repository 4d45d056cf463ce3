/**
 * Plain-text output of the CLI: Tables A–E as the catalogue prints them, and a check report.
 */
import {
  compareFindings,
  condenseFindings,
  countBySeverity,
  formatDanish,
  TEMPLATE_TABLES,
  type CheckReport,
  type Finding,
  type ProposalResult,
  type Severity,
} from '../engine';

const GAP = 2;

/** A label column and right-aligned number columns of one shared width, so tables line up. */
interface Columns {
  label: number;
  number: number;
}

function row(columns: Columns, label: string, cells: readonly string[]): string {
  return `${label.padEnd(columns.label)}${cells.map((c) => c.padStart(columns.number + GAP)).join('')}`.trimEnd();
}

function numbers(values: readonly number[]): string[] {
  return values.map((v) => formatDanish(v));
}

/**
 * Tables A–E as the catalogue shows them: title, "Udvalg | 1.000 kr. 2025 p/l", the years, one
 * row per unit by full name, Total; Danish numbers ("-1.474"), zeros printed as 0. Then the
 * summary and the payback. The column "Bevilling, profitcenter mv." is left out: the tool never
 * fills it.
 */
export function formatTables(result: ProposalResult, title = ''): string {
  const s = result.summary;
  const summaryRows: [string, readonly number[]][] = [
    ['Samlet varig ændring', s.netPermanent],
    ['Anlægsinvesteringer', s.investments.anlæg],
    ['Serviceinvesteringer', s.investments.service],
    ['Samlet økonomisk påvirkning', s.economicImpact],
  ];
  const tables = TEMPLATE_TABLES.map((spec) => ({ spec, table: result.tables[spec.key] }));
  const allNumbers = [
    ...tables.flatMap(({ table }) => [...table.rows.flatMap((r) => r.values), ...table.total]),
    ...summaryRows.flatMap(([, values]) => values),
  ];
  const columns: Columns = {
    label: Math.max(...tables.flatMap(({ table }) => table.rows.map((r) => r.name.length)), ...summaryRows.map(([label]) => label.length)),
    number: Math.max(...result.years.map((y) => String(y).length), ...numbers(allNumbers).map((t) => t.length)),
  };
  const years = result.years.map(String);
  const unitLine = `1.000 kr. ${result.priceLevel} p/l`;

  const lines: string[] = [];
  if (title !== '') lines.push(title, '');
  for (const { spec, table } of tables) {
    lines.push(
      spec.title,
      `${'Udvalg'.padEnd(columns.label + GAP)}${unitLine}`,
      row(columns, '', years),
      ...table.rows.map((r) => row(columns, r.name, numbers(r.values))),
      row(columns, 'Total', numbers(table.total)),
      '',
    );
  }
  lines.push(`Forslagets samlede økonomiske konsekvenser (${unitLine})`, row(columns, '', years));
  for (const [label, values] of summaryRows) lines.push(row(columns, label, numbers(values)));
  lines.push(s.payback ? `Tilbagebetalingstid: ${s.payback.years} år (${s.payback.year})` : 'Tilbagebetalingstid: nås ikke inden for forslagets år');
  for (const f of result.findings) lines.push(`Bemærk: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

const SEVERITY_WORDS: Record<Severity, [string, string]> = {
  error: ['fejl', 'fejl'],
  warning: ['advarsel', 'advarsler'],
  info: ['bemærkning', 'bemærkninger'],
};

function count(n: number, severity: Severity): string {
  const [one, many] = SEVERITY_WORDS[severity];
  return `${n} ${n === 1 ? one : many}`;
}

/** The check report in Danish: counts per severity first, then the findings sheet by sheet. */
export function formatCheckReport(report: CheckReport, file: string, sheetOrder: readonly string[]): string {
  const counts = countBySeverity(report.findings);
  const lines = [`${file}: ${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${count(counts.info, 'info')}.`];
  lines.push(`Fandt ${report.tables.length} ${report.tables.length === 1 ? 'tabel' : 'tabeller'}.`);
  const sorted = condenseFindings([...report.findings].sort(compareFindings(sheetOrder)));
  const bySheet = new Map<string, Finding[]>();
  for (const f of sorted) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, findings] of bySheet) {
    lines.push('', sheet === '' ? 'Projektmappen' : `Ark »${sheet}«`);
    const width = Math.max(...findings.map((f) => f.cell.length));
    for (const f of findings) lines.push(`  ${SEVERITY_WORDS[f.severity][0].padEnd(12)}${f.cell.padEnd(width + 2)}${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
