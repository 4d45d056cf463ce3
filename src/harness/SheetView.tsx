import { mergeClasses } from '@fluentui/react-components';
import { columnLetters, rangeFromA1, rangeToA1, type CellRange } from '../engine';
import { cellDisplayValue, type SheetModel, type WorkbookModel } from '../excel/fake';
import { useHarnessStyles } from './Harness.styles';

const MIN_ROWS = 20;
const MIN_COLS = 8;
/** The harness shows at most this much of a sheet; it is a viewer, not a spreadsheet. */
const MAX_ROWS = 300;
const MAX_COLS = 40;

/**
 * As Excel shows a value: numbers in Danish form, grouped in thousands only when the cell's number
 * format asks for it (Excel's General format shows the year 2025 as 2025, not 2.025).
 */
function display(value: string | number | boolean, numberFormat?: string): string {
  if (typeof value === 'number') return value.toLocaleString('da-DK', { maximumFractionDigits: 4, useGrouping: /#[,.]##0/.test(numberFormat ?? '') });
  if (typeof value === 'boolean') return value ? 'SAND' : 'FALSK';
  return value;
}

function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
}

export interface SheetViewProps {
  model: WorkbookModel;
  sheet: SheetModel;
  onSelect(row: number, col: number): void;
}

/** The active sheet's cells; a note shows as Excel's red corner and as the cell's tooltip. */
export function SheetView({ model, sheet, onSelect }: SheetViewProps) {
  const styles = useHarnessStyles();
  // As far as the cells and the notes go: a note may sit on an empty cell beyond the used range.
  const ends = [model.usedRange(sheet, false)?.end, ...[...sheet.notes.keys(), ...sheet.comments.keys()].map((a1) => rangeFromA1(a1).end)];
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, ...ends.map((end) => (end?.row ?? 0) + 3)));
  const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, ...ends.map((end) => (end?.col ?? 0) + 2)));
  return (
    <div className={styles.gridScroller}>
      <table className={styles.grid} data-testid="sheet-grid" data-sheet={sheet.name} aria-label={sheet.name}>
        <thead>
          <tr>
            <th className={styles.heading} />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col" className={styles.heading}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row" className={styles.heading}>
                {r + 1}
              </th>
              {Array.from({ length: cols }, (_, c) => {
                const a1 = rangeToA1({ start: { row: r, col: c }, end: { row: r, col: c } });
                const value = cellDisplayValue(model, sheet, r, c);
                const note = sheet.notes.get(a1)?.content ?? sheet.comments.get(a1)?.content;
                const isError = typeof value === 'string' && value.startsWith('#');
                return (
                  <td
                    key={c}
                    data-cell={a1}
                    data-note={note}
                    title={note}
                    className={mergeClasses(
                      styles.cell,
                      typeof value === 'number' && styles.number,
                      inRange(sheet.selection, r, c) && styles.selected,
                      note !== undefined && styles.noted,
                      isError && styles.error,
                    )}
                    onClick={() => onSelect(r, c)}
                  >
                    {display(value, model.cell(sheet, r, c)?.numberFormat)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
