/** The fake's notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10). */
import { fromA1, rangeToA1, splitSheetAddress } from '../../engine/cells';
import type * as Xl from '../api';
import { assertUnprotected, FakeExcelError } from './errors';
import type { CommentModel, CommentReplyModel, SheetModel } from './model';
import type { FakeContext } from './host';
import { FakeObject, FakeCollection, itemPath, methodPath, propertyPath, unknownProperty, type PathSpec } from './object';
import { FakeWorksheet } from './workbook';
import { parseA1Range } from './addresses';
import { FakeRange, rangeRows, rangeCols } from './range';

interface CellTarget {
  sheet: SheetModel;
  /** A1 of the cell. */
  key: string;
}

/**
 * The cell a note or comment goes on: a one-cell `Range` of this context, or a string.
 * - Comments (`CommentCollection.add`, `getItemByCell`): "If it's a string, it must contain the full
 *   address, including the sheet name. An InvalidArgument error is thrown if the provided range is
 *   larger than one cell." (Excel JavaScript API reference, ExcelApi 1.10), on the workbook's and a
 *   sheet's collection alike.
 * - Notes (`NoteCollection.add`): "a Range object or a string such as "A1". If the string is invalid,
 *   or the range is not a single cell, an InvalidCellAddress error is thrown." (ExcelApi 1.18); the
 *   workbook's collection has no sheet to read "A1" on, so there too it needs the sheet name.
 */
function cellTarget(ctx: FakeContext, scope: FakeWorksheet | null, address: Xl.XlRange | string, kind: 'note' | 'comment'): CellTarget {
  const refuse = (what: string) =>
    kind === 'comment'
      ? new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${what})`)
      : new FakeExcelError('InvalidArgument', `InvalidCellAddress: ${what}`);
  if (typeof address !== 'string') {
    const t = ctx.own(address as FakeRange).targetDuringSync();
    if (rangeRows(t) !== 1 || rangeCols(t) !== 1) throw refuse('the range is not a single cell');
    return { sheet: t.sheet, key: rangeToA1(t.range) };
  }
  const { sheet: sheetName, address: local } = splitSheetAddress(address);
  if (sheetName === null && (kind === 'comment' || !scope)) throw refuse(`"${address}" has no sheet name`);
  const sheet = sheetName !== null ? ctx.model.sheet(sheetName) : scope ? scope.live() : null;
  const range = parseA1Range(local);
  if (!sheet || !range || (scope && sheet !== scope.live()) || range.start.row !== range.end.row || range.start.col !== range.end.col) {
    throw refuse(`"${address}"`);
  }
  return { sheet, key: rangeToA1(range) };
}

function sortedKeys<V>(map: Map<string, V>): string[] {
  return [...map.keys()].sort((a, b) => {
    const pa = fromA1(a);
    const pb = fromA1(b);
    return pa.row - pb.row || pa.col - pb.col;
  });
}

export class FakeNoteCollection extends FakeCollection<CellTarget, FakeNote> implements Xl.XlNoteCollection {
  constructor(
    ctx: FakeContext,
    path: PathSpec,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx, path, '1.18');
  }

  protected list(): CellTarget[] {
    const sheets = this.scope ? [this.scope.live()] : this.ctx.model.sheets;
    return sheets.flatMap((sheet) => sortedKeys(sheet.notes).map((key) => ({ sheet, key })));
  }

  protected wrap(model: CellTarget): FakeNote {
    return new FakeNote(this.ctx, itemPath(this), { resolved: model }, false, '1.18');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'authorName'];
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(cellAddress: Xl.XlRange | string, content: any): FakeNote {
    return new FakeNote(
      this.ctx,
      methodPath(this, 'add', [cellAddress, content]),
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress, 'note');
        assertUnprotected(target.sheet);
        if (target.sheet.notes.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} already has a note.`);
        if (target.sheet.comments.has(target.key))
          throw new FakeExcelError('InvalidOperation', `The cell ${target.key} has a threaded comment; a cell holds either a note or a comment.`);
        target.sheet.notes.set(target.key, { content: String(content), author: this.ctx.host.userName });
        return target;
      },
      false,
      '1.18',
    );
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.ctx, methodPath(this, 'getItem', [key]), () => this.find(key), false, '1.18');
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.ctx, methodPath(this, 'getItemOrNullObject', [key]), () => this.find(key), true, '1.18');
  }

  private find(key: string): CellTarget | null {
    const target = cellTarget(this.ctx, this.scope, key, 'note');
    return target.sheet.notes.has(target.key) ? target : null;
  }
}

export class FakeNote extends FakeObject<CellTarget> implements Xl.XlNote {
  get authorName(): string {
    return this.get('authorName');
  }
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueSet('content', value, (t) => {
      assertUnprotected(t.sheet);
      t.sheet.notes.get(t.key)!.content = value;
    });
  }

  protected override exists(t: CellTarget): boolean {
    return this.ctx.model.sheets.includes(t.sheet) && t.sheet.notes.has(t.key);
  }

  protected readProperty(name: string, t: CellTarget): unknown {
    const note = t.sheet.notes.get(t.key)!;
    if (name === 'content') return note.content;
    if (name === 'authorName') return note.author;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'authorName'];
  }

  delete(): void {
    this.queueMethod('delete', [], (t) => {
      assertUnprotected(t.sheet);
      t.sheet.notes.delete(t.key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getLocation'), () => {
      const t = this.live();
      const at = fromA1(t.key);
      return { sheet: t.sheet, range: { start: at, end: at } };
    });
  }
}

// ---- threaded comments (ExcelApi 1.10) ----

export class FakeCommentCollection extends FakeCollection<CellTarget, FakeComment> implements Xl.XlCommentCollection {
  constructor(
    ctx: FakeContext,
    path: PathSpec,
    private readonly scope: FakeWorksheet | null,
  ) {
    super(ctx, path, '1.10');
  }

  protected list(): CellTarget[] {
    const sheets = this.scope ? [this.scope.live()] : this.ctx.model.sheets;
    return sheets.flatMap((sheet) => sortedKeys(sheet.comments).map((key) => ({ sheet, key })));
  }

  protected wrap(model: CellTarget): FakeComment {
    return new FakeComment(this.ctx, itemPath(this), { resolved: model }, false, '1.10');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'authorName', 'id'];
  }

  add(cellAddress: Xl.XlRange | string, content: string): FakeComment {
    return new FakeComment(
      this.ctx,
      methodPath(this, 'add', [cellAddress, content, null]),
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress, 'comment');
        assertUnprotected(target.sheet);
        if (target.sheet.comments.has(target.key)) throw new FakeExcelError('InvalidOperation', `The cell ${target.key} already has a comment thread.`);
        if (target.sheet.notes.has(target.key))
          throw new FakeExcelError('InvalidOperation', `The cell ${target.key} has a note; a cell holds either a note or a comment.`);
        target.sheet.comments.set(target.key, { id: this.ctx.model.newCommentId(), content, author: this.ctx.host.userName, replies: [] });
        return target;
      },
      false,
      '1.10',
    );
  }

  getItemByCell(cellAddress: Xl.XlRange | string): FakeComment {
    return new FakeComment(
      this.ctx,
      methodPath(this, 'getItemByCell', [cellAddress]),
      () => {
        const target = cellTarget(this.ctx, this.scope, cellAddress, 'comment');
        return target.sheet.comments.has(target.key) ? target : null;
      },
      false,
      '1.10',
    );
  }
}

export class FakeComment extends FakeObject<CellTarget> implements Xl.XlComment {
  private repliesProxy?: FakeCommentReplyCollection;

  private comment(t: CellTarget): CommentModel {
    return t.sheet.comments.get(t.key)!;
  }

  get authorName(): string {
    return this.get('authorName');
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueSet('content', value, (t) => (this.comment(t).content = value));
  }
  get replies(): FakeCommentReplyCollection {
    return (this.repliesProxy ??= new FakeCommentReplyCollection(this.ctx, propertyPath(this, 'replies'), this));
  }

  /** The comment model inside an operation. */
  modelDuringSync(): CommentModel {
    return this.comment(this.live());
  }

  protected override exists(t: CellTarget): boolean {
    return this.ctx.model.sheets.includes(t.sheet) && t.sheet.comments.has(t.key);
  }

  protected readProperty(name: string, t: CellTarget): unknown {
    const c = this.comment(t);
    if (name === 'content') return c.content;
    if (name === 'authorName') return c.author;
    if (name === 'id') return c.id;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'authorName', 'id'];
  }

  delete(): void {
    this.queueMethod('delete', [], (t) => {
      assertUnprotected(t.sheet);
      t.sheet.comments.delete(t.key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, methodPath(this, 'getLocation'), () => {
      const t = this.live();
      const at = fromA1(t.key);
      return { sheet: t.sheet, range: { start: at, end: at } };
    });
  }
}

interface ReplyTarget {
  comment: CommentModel;
  reply: CommentReplyModel;
}

export class FakeCommentReplyCollection extends FakeCollection<ReplyTarget, FakeCommentReply> implements Xl.XlCommentReplyCollection {
  constructor(
    ctx: FakeContext,
    path: PathSpec,
    private readonly parent: FakeComment,
  ) {
    super(ctx, path, '1.10');
  }

  protected list(): ReplyTarget[] {
    const comment = this.parent.modelDuringSync();
    return comment.replies.map((reply) => ({ comment, reply }));
  }

  protected wrap(model: ReplyTarget): FakeCommentReply {
    return new FakeCommentReply(this.ctx, itemPath(this), { resolved: model }, false, '1.10');
  }

  protected defaultItemProperties(): string[] {
    return ['content', 'id'];
  }

  add(content: string): FakeCommentReply {
    return new FakeCommentReply(
      this.ctx,
      methodPath(this, 'add', [content, null]),
      () => {
        const comment = this.parent.modelDuringSync();
        const reply = { id: this.ctx.model.newCommentId(), content, author: this.ctx.host.userName };
        comment.replies.push(reply);
        return { comment, reply };
      },
      false,
      '1.10',
    );
  }
}

export class FakeCommentReply extends FakeObject<ReplyTarget> implements Xl.XlCommentReply {
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.queueSet('content', value, (t) => (t.reply.content = value));
  }
  get id(): string {
    return this.get('id');
  }

  protected override exists(t: ReplyTarget): boolean {
    return t.comment.replies.includes(t.reply);
  }

  protected readProperty(name: string, t: ReplyTarget): unknown {
    if (name === 'content') return t.reply.content;
    if (name === 'id') return t.reply.id;
    if (name === 'authorName') return t.reply.author;
    throw unknownProperty(name);
  }

  protected defaultProperties(): string[] {
    return ['content', 'id', 'authorName'];
  }

  delete(): void {
    this.queueMethod('delete', [], (t) => t.comment.replies.splice(t.comment.replies.indexOf(t.reply), 1));
  }
}
