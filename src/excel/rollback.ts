/**
 * All or nothing. Office.js batches are not atomic: a request that fails halfway has run the
 * operations before the failure. So `apply` records, before its first write, what it may change
 * (the sheets by id, the defined names, the prior contents of the cells it writes in existing
 * sheets, the notes and comments), and on a failure puts the workbook back from that record:
 * sheets it added are deleted, renamed sheets get their names and places back, names, cells,
 * notes and comments their old contents.
 */
import { splitSheetAddress } from '../engine';
import type { XlRequestContext, XlWorksheet } from './api';
import { literalText } from './write';

/** The workbook as it was, as far as `apply` can change it. */
export interface PriorState {
  sheets: { id: string; name: string; position: number }[];
  names: { name: string; formula: string }[];
  /** Cells of existing sheets that `apply` writes, by block. */
  cells: { sheetId: string; row: number; col: number; formulas: unknown[][]; numberFormat: unknown[][] }[];
  /** Notes by `'Ark'!C7`, when the batch touches notes. */
  notes: Map<string, string> | null;
  /** Threaded comments by `'Ark'!C7`: content and replies, when the batch touches comments. */
  comments: Map<string, { content: string; replies: string[] }> | null;
}

/** Some of the workbook could not be put back; names what is left to do by hand. */
class RollbackIncompleteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly leftovers: string[],
  ) {
    super(`Handlingen mislykkedes, og projektmappen kunne ikke sættes helt tilbage. Tjek: ${leftovers.join('; ')}`);
    this.name = 'RollbackIncompleteError';
  }
}

interface UndoStep {
  what: string;
  queue(): void;
}

/** `'Ark'!C7` → sheet and cell. */
function place(at: string): { sheet: string; a1: string } {
  const { sheet, address } = splitSheetAddress(at);
  return { sheet: sheet ?? '', a1: address };
}

/**
 * Puts the workbook back as `prior` recorded it: compares it with the workbook as it is now and
 * runs the undo steps in one request. Should that fail too, it looks again and undoes what is
 * left one step per request, then throws `RollbackIncompleteError` naming what it could not.
 */
export async function rollback(context: XlRequestContext, prior: PriorState, cause: unknown, oneByOne = false): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name,items/id,items/position');
  const names = wb.names.load('items/name,items/formula');
  const notes = prior.notes ? wb.notes.load('items/content') : null;
  const comments = prior.comments ? wb.comments.load('items/content') : null;
  await context.sync();
  const noteAt = notes ? notes.items.map((note) => ({ note, location: note.getLocation().load('address') })) : [];
  const commentAt = comments
    ? comments.items.map((comment) => ({ comment, location: comment.getLocation().load('address'), replies: comment.replies.load('items/content') }))
    : [];
  await context.sync();

  const steps: UndoStep[] = [];
  const priorById = new Map(prior.sheets.map((s) => [s.id, s]));
  const byId = new Map<string, XlWorksheet>(sheets.items.map((ws) => [ws.id, ws]));
  // Sheets the batch added go first, so their names are free for the sheets they replaced.
  for (const ws of sheets.items) if (!priorById.has(ws.id)) steps.push({ what: `slet arket »${ws.name}«`, queue: () => ws.delete() });
  for (const p of prior.sheets) {
    const ws = byId.get(p.id);
    if (ws && ws.name !== p.name) steps.push({ what: `omdøb arket »${ws.name}« til »${p.name}«`, queue: () => (ws.name = p.name) });
  }
  for (const p of [...prior.sheets].sort((a, b) => a.position - b.position)) {
    const ws = byId.get(p.id);
    if (ws) steps.push({ what: `flyt arket »${p.name}«`, queue: () => (ws.position = p.position) });
  }

  const priorNames = new Map(prior.names.map((n) => [n.name.toLowerCase(), n]));
  const currentNames = new Map(names.items.map((n) => [n.name.toLowerCase(), n]));
  for (const n of names.items) {
    const before = priorNames.get(n.name.toLowerCase());
    if (!before) steps.push({ what: `fjern navnet ${n.name}`, queue: () => n.delete() });
    // Always: a name that reads right now may point at a sheet this rollback deletes.
    else steps.push({ what: `navnet ${n.name}`, queue: () => (n.formula = before.formula) });
  }
  for (const n of prior.names)
    if (!currentNames.has(n.name.toLowerCase())) steps.push({ what: `navnet ${n.name}`, queue: () => wb.names.add(n.name, n.formula) });

  for (const block of prior.cells) {
    const ws = byId.get(block.sheetId);
    if (!ws) continue;
    const rows = block.formulas.length;
    const cols = block.formulas[0]?.length ?? 0;
    // Text goes back as text (a Danish Excel would read "(1.144)" as a number).
    const formulas = block.formulas.map((row) => row.map((v) => (typeof v === 'string' && !v.startsWith('=') ? literalText(v) : v)));
    steps.push({
      what: `cellerne på arket »${priorById.get(block.sheetId)!.name}«`,
      queue: () => {
        const range = ws.getRangeByIndexes(block.row, block.col, rows, cols);
        range.formulas = formulas;
        range.numberFormat = block.numberFormat;
      },
    });
  }

  if (prior.notes) {
    const now = new Map(noteAt.map(({ note, location }) => [location.address, note]));
    for (const [at, note] of now) {
      const before = prior.notes.get(at);
      if (before === undefined) steps.push({ what: `noten i ${at}`, queue: () => note.delete() });
      else if (before !== note.content) steps.push({ what: `noten i ${at}`, queue: () => (note.content = before) });
    }
    for (const [at, content] of prior.notes) {
      if (now.has(at)) continue;
      const { sheet, a1 } = place(at);
      steps.push({ what: `noten i ${at}`, queue: () => wb.notes.add(wb.worksheets.getItem(sheet).getRange(a1), content) });
    }
  }
  if (prior.comments) {
    const now = new Map(commentAt.map(({ comment, location, replies }) => [location.address, { comment, replies }]));
    for (const [at, { comment, replies }] of now) {
      const before = prior.comments.get(at);
      if (!before) {
        steps.push({ what: `kommentaren i ${at}`, queue: () => comment.delete() });
        continue;
      }
      if (before.content !== comment.content) steps.push({ what: `kommentaren i ${at}`, queue: () => (comment.content = before.content) });
      const have = replies.items.map((r) => r.content);
      for (const r of replies.items) if (!before.replies.includes(r.content)) steps.push({ what: `et svar i ${at}`, queue: () => r.delete() });
      for (const text of before.replies) if (!have.includes(text)) steps.push({ what: `et svar i ${at}`, queue: () => comment.replies.add(text) });
    }
    for (const [at, before] of prior.comments) {
      if (now.has(at)) continue;
      const { sheet, a1 } = place(at);
      steps.push({
        what: `kommentaren i ${at}`,
        queue: () => {
          const thread = wb.comments.add(wb.worksheets.getItem(sheet).getRange(a1), before.content);
          for (const text of before.replies) thread.replies.add(text);
        },
      });
    }
  }

  if (steps.length === 0) return;
  if (!oneByOne) {
    try {
      for (const step of steps) step.queue();
      await context.sync();
    } catch {
      await rollback(context, prior, cause, true);
    }
    return;
  }
  const failed: string[] = [];
  for (const step of steps) {
    try {
      step.queue();
      await context.sync();
    } catch {
      failed.push(step.what);
    }
  }
  if (failed.length > 0) throw new RollbackIncompleteError(cause, failed);
}
