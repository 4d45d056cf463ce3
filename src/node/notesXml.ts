/**
 * Cell notes as Excel stores them: a comments part (authors and rich text) and a legacy VML
 * drawing holding one hidden shape per note. The tool edits only its own notes: a note a person
 * wrote keeps its runs, author and shape; the tool's part is added as runs of its own after them.
 */
import { fromA1, TOOL_NOTE_MARKER } from '../engine';
import { a1 } from './sheetXml';
import { attr, escapeXml, unescapeXml } from './xlsxPackage';

/** The author the tool writes its own notes as. */
const TOOL_AUTHOR = 'Teknisk beregningsark';

export const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

interface CommentSpan {
  start: number;
  end: number;
  ref: string;
  xml: string;
}

function prefixOf(xml: string): string {
  return /<(\w+:)?comments[\s>]/.exec(xml)?.[1] ?? '';
}

function comments(xml: string, p: string): CommentSpan[] {
  const out: CommentSpan[] = [];
  const re = new RegExp(`<${p}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, 'g');
  for (const m of xml.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, ref: attr(m[0], 'ref') ?? '', xml: m[0] });
  return out;
}

/** The plain text of a comment element (its `<t>` contents, phonetic runs left out). */
export function commentText(commentXml: string): string {
  const p = /<(\w+:)?comment[\s>]/.exec(commentXml)?.[1] ?? '';
  const body = commentXml.replace(new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), '');
  return [...body.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))].map((m) => unescapeXml(m[1])).join('');
}

/** The runs of a comment's `<text>`, a bare `<t>` turned into one run so runs can follow it. */
function runsOf(commentXml: string, p: string): string[] {
  const text = new RegExp(`<${p}text\\b[^>]*>([\\s\\S]*?)</${p}text>`).exec(commentXml)?.[1] ?? '';
  const runs = [...text.matchAll(new RegExp(`<${p}r\\b[^>]*>[\\s\\S]*?</${p}r>`, 'g'))].map((m) => m[0]);
  if (runs.length > 0) return runs;
  const bare = new RegExp(`<${p}t(?:\\s[^>]*)?>[\\s\\S]*?</${p}t>`).exec(text)?.[0];
  return bare ? [`<${p}r>${bare}</${p}r>`] : [];
}

function runText(run: string, p: string): string {
  return [...run.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g'))].map((m) => unescapeXml(m[1])).join('');
}

function withRunText(run: string, p: string, text: string): string {
  return run.replace(new RegExp(`<${p}t(?:\\s[^>]*)?>[\\s\\S]*?</${p}t>`), `<${p}t xml:space="preserve">${escapeXml(text)}</${p}t>`);
}

function replaceRuns(commentXml: string, p: string, runs: readonly string[]): string {
  return commentXml.replace(new RegExp(`(<${p}text\\b[^>]*>)[\\s\\S]*?(</${p}text>)`), `$1${runs.join('')}$2`);
}

/** The person's runs of a comment: every run before the tool's marker, the marker's run cut short. */
function personRuns(commentXml: string, p: string): string[] {
  const kept: string[] = [];
  for (const run of runsOf(commentXml, p)) {
    const text = runText(run, p);
    const at = text.indexOf(TOOL_NOTE_MARKER);
    if (at < 0) {
      kept.push(run);
      continue;
    }
    if (at > 0) kept.push(withRunText(run, p, text.slice(0, at)));
    break;
  }
  // The separator before the tool's part is whitespace at the end of the person's text.
  while (kept.length > 0) {
    const last = kept[kept.length - 1];
    const trimmed = runText(last, p).replace(/\s+$/, '');
    if (trimmed === runText(last, p)) break;
    if (trimmed === '') kept.pop();
    else {
      kept[kept.length - 1] = withRunText(last, p, trimmed);
      break;
    }
  }
  return kept;
}

export interface NotesEdit {
  xml: string;
  /** Cells whose comment was removed (their VML shape goes too), 0-based. */
  removed: { row: number; col: number }[];
  /** Cells that got a new comment (they need a VML shape), 0-based. */
  added: { row: number; col: number }[];
}

/** Takes the tool's part off every note; a note left without a person's text is removed. */
export function clearToolNotes(xml: string): NotesEdit {
  const p = prefixOf(xml);
  const removed: { row: number; col: number }[] = [];
  let doc = xml;
  for (const c of comments(xml, p).reverse()) {
    if (!commentText(c.xml).includes(TOOL_NOTE_MARKER)) continue;
    const kept = personRuns(c.xml, p);
    if (kept.length === 0) {
      removed.push(fromA1(c.ref));
      doc = `${doc.slice(0, c.start)}${doc.slice(c.end)}`;
    } else {
      doc = `${doc.slice(0, c.start)}${replaceRuns(c.xml, p, kept)}${doc.slice(c.end)}`;
    }
  }
  return { xml: doc, removed, added: [] };
}

function authorId(xml: string, p: string): { xml: string; id: number } {
  const authors = [...xml.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, 'g'))].map((m) => unescapeXml(m[1] ?? ''));
  const at = authors.indexOf(TOOL_AUTHOR);
  if (at >= 0) return { xml, id: at };
  const author = `<${p}author>${TOOL_AUTHOR}</${p}author>`;
  const close = xml.indexOf(`</${p}authors>`);
  if (close >= 0) return { xml: `${xml.slice(0, close)}${author}${xml.slice(close)}`, id: authors.length };
  const selfClosing = new RegExp(`<${p}authors\\s*/>`).exec(xml);
  if (selfClosing)
    return { xml: `${xml.slice(0, selfClosing.index)}<${p}authors>${author}</${p}authors>${xml.slice(selfClosing.index + selfClosing[0].length)}`, id: 0 };
  const list = xml.indexOf(`<${p}commentList`);
  return { xml: `${xml.slice(0, list)}<${p}authors>${author}</${p}authors>${xml.slice(list)}`, id: 0 };
}

/**
 * Adds the tool's text to the note of each cell: after a person's note on the same cell, or as
 * a new note by the tool's author.
 */
export function addToolNotes(xml: string, notes: readonly { row: number; col: number; text: string }[]): NotesEdit {
  const p = prefixOf(xml);
  const author = authorId(xml, p);
  let doc = author.xml;
  const added: { row: number; col: number }[] = [];
  const fresh: string[] = [];
  const byRef = new Map(comments(doc, p).map((c) => [c.ref, c]));
  const replaced: { start: number; end: number; xml: string }[] = [];
  for (const note of notes) {
    const ref = a1(note.row, note.col);
    const existing = byRef.get(ref);
    const part = `${TOOL_NOTE_MARKER}\n${note.text}`;
    if (existing) {
      const kept = personRuns(existing.xml, p);
      const runs = [...kept, `<${p}r><${p}t xml:space="preserve">${escapeXml(kept.length > 0 ? `\n\n${part}` : part)}</${p}t></${p}r>`];
      replaced.push({ start: existing.start, end: existing.end, xml: replaceRuns(existing.xml, p, runs) });
      continue;
    }
    fresh.push(
      `<${p}comment ref="${ref}" authorId="${author.id}">` +
        `<${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(part)}</${p}t></${p}r></${p}text></${p}comment>`,
    );
    added.push({ row: note.row, col: note.col });
  }
  for (const r of replaced.sort((x, y) => y.start - x.start)) doc = `${doc.slice(0, r.start)}${r.xml}${doc.slice(r.end)}`;
  if (fresh.length > 0) {
    const close = doc.indexOf(`</${p}commentList>`);
    if (close >= 0) doc = `${doc.slice(0, close)}${fresh.join('')}${doc.slice(close)}`;
    else {
      const selfClosing = new RegExp(`<${p}commentList\\s*/>`).exec(doc)!;
      doc = `${doc.slice(0, selfClosing.index)}<${p}commentList>${fresh.join('')}</${p}commentList>${doc.slice(selfClosing.index + selfClosing[0].length)}`;
    }
  }
  return { xml: doc, removed: [], added };
}

// ---------------------------------------------------------------------------------------------
// The VML drawing

export function emptyVml(idBlock: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
    NOTE_SHAPETYPE +
    '</xml>'
  );
}

const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The id block (`o:idmap data`) a VML drawing uses, or null. */
export function vmlIdBlock(vml: string): number | null {
  const m = /<o:idmap\b[^>]*\sdata\s*=\s*"(\d+)/.exec(vml);
  return m ? Number(m[1]) : null;
}

function noteShape(id: number, row: number, col: number, z: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" ` +
    `style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:110pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" ` +
    `o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 5}, 15, ${row + 7}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function shapes(vml: string): { start: number; end: number; row: number; col: number; note: boolean }[] {
  return [...vml.matchAll(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    row: Number(/<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[0])?.[1] ?? -1),
    col: Number(/<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[0])?.[1] ?? -1),
    note: /ObjectType\s*=\s*"Note"/.test(m[0]),
  }));
}

/** Removes the note shapes of `removed` cells and adds hidden note shapes for `added` cells. */
export function editVml(vml: string, edit: Pick<NotesEdit, 'removed' | 'added'>, idBlock: number): string {
  let doc = vml;
  for (const s of shapes(doc).reverse()) {
    if (s.note && edit.removed.some((r) => r.row === s.row && r.col === s.col)) doc = `${doc.slice(0, s.start)}${doc.slice(s.end)}`;
  }
  if (edit.added.length === 0) return doc;
  const existing = shapes(doc);
  const toAdd = edit.added.filter((a) => !existing.some((s) => s.note && s.row === a.row && s.col === a.col));
  if (!doc.includes('id="_x0000_t202"')) doc = doc.replace(/<\/xml>\s*$/, `${NOTE_SHAPETYPE}</xml>`);
  const ids = [...doc.matchAll(/\sid\s*=\s*"_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(idBlock * 1024 + 1, ...ids.map((n) => n + 1));
  const added = toAdd.map((a, i) => noteShape(next++, a.row, a.col, existing.length + i + 1)).join('');
  return doc.replace(/<\/xml>\s*$/, `${added}</xml>`);
}
