/**
 * The fake's requests in Office.js's own wire format, so that their size is what Excel on the web
 * would receive. Office.js (`ClientRequestBase.buildRequestMessageBodyAndRequestFlags` in
 * `@microsoft/office-js/dist/excel-web-16.00.debug.js`) sends one JSON body per `sync()`:
 *
 *   { "Actions": [ { "Id", "ActionType", "Name", "ObjectPathId", "ArgumentInfo" | "QueryInfo", "L" } … ],
 *     "ObjectPaths": { "<id>": { "Id", "ObjectPathType", "Name", "ParentObjectPathId", "ArgumentInfo" } … } }
 *
 * Every proxy object (a range, a sheet, a collection, `format`, `font`) is an object path created
 * with an "instantiate" action; property writes, method calls and loads are actions on a path; a
 * request carries every path its actions use, with their parents, each time it is used; `L` lists,
 * on the action that uses a path last, the paths the host may then release. The fake builds this
 * same body and measures it as UTF-8 (test/excelPayload.test.ts compares it with Office.js's).
 *
 * Responses are built the way Office.js reads them (`ClientRequestBase.processResponse`): a body
 * `{ "Results": [ { "ActionId", "Value" } … ] }` whose values carry the loaded properties by their
 * wire names (`Values`, `Address`), a collection's items under `_Items` with their `_Id`, a null
 * object as null. The host measures that body (`./host.ts`); test/excelPayload.test.ts hands it
 * to Office.js and reads the same values back.
 */

import { jsonBytes } from '../payload';

/** `OfficeExtension.ObjectPathType`. */
export const PATH_GLOBAL = 1;
export const PATH_METHOD = 3;
export const PATH_PROPERTY = 4;
export const PATH_INDEXER = 5;

/** `OfficeExtension.ActionType`. */
export const ACTION_INSTANTIATE = 1;
export const ACTION_QUERY = 2;
export const ACTION_METHOD = 3;
export const ACTION_SET_PROPERTY = 4;

export interface WirePath {
  id: number;
  type: number;
  name: string;
  parent: number | null;
  args?: unknown[];
  /** Path ids of arguments that are API objects (0 for plain values), as Office.js sends them. */
  refs?: number[];
}

export interface WireAction {
  id: number;
  type: number;
  name: string;
  path: number;
  args?: unknown[];
  refs?: number[];
  select?: string[];
  /** A collection's page: `$top` and `$skip` of a load. */
  top?: number;
  skip?: number;
}

/** An API object as an argument: Office.js sends its path id in its place. */
export interface PathHolder {
  readonly pathId: number;
}

function isPathHolder(value: unknown): value is PathHolder {
  return typeof value === 'object' && value !== null && typeof (value as PathHolder).pathId === 'number';
}

/** Arguments as Office.js serializes them: objects by path id, with `ReferencedObjectPathIds`. */
export function wireArguments(args: readonly unknown[]): { args: unknown[]; refs?: number[] } {
  if (!args.some(isPathHolder)) return { args: [...args] };
  return { args: args.map((a) => (isPathHolder(a) ? a.pathId : a)), refs: args.map((a) => (isPathHolder(a) ? a.pathId : 0)) };
}

function argumentInfo(args: unknown[] | undefined, refs: number[] | undefined): Record<string, unknown> {
  const info: Record<string, unknown> = { Arguments: args ?? [] };
  if (refs) info.ReferencedObjectPathIds = refs;
  return info;
}

/** The request body Office.js would send for these actions. */
function requestBody(actions: readonly WireAction[], paths: ReadonlyMap<number, WirePath>): { Actions: unknown[]; ObjectPaths: Record<string, unknown> } {
  // The paths each action uses: its own, its arguments', and their parents.
  const uses = (action: WireAction): number[] => {
    const out = new Set<number>();
    const visit = (id: number) => {
      for (let path = paths.get(id); path && !out.has(path.id); path = path.parent === null ? undefined : paths.get(path.parent)) {
        out.add(path.id);
        for (const ref of path.refs ?? []) if (ref) visit(ref);
      }
    };
    visit(action.path);
    for (const ref of action.refs ?? []) if (ref) visit(ref);
    return [...out];
  };
  const used = actions.map(uses);
  const lastUse = new Map<number, number>();
  used.forEach((ids, index) => ids.forEach((id) => lastUse.set(id, index)));

  const objectPaths: Record<string, unknown> = {};
  for (const id of [...lastUse.keys()].sort((a, b) => a - b)) {
    const p = paths.get(id)!;
    const json: Record<string, unknown> = { Id: p.id, ObjectPathType: p.type, Name: p.name };
    if (p.parent !== null) json.ParentObjectPathId = p.parent;
    if (p.args) json.ArgumentInfo = argumentInfo(p.args, p.refs);
    objectPaths[String(id)] = json;
  }
  const released = new Map<number, number[]>();
  for (const [id, index] of lastUse) {
    const list = released.get(index);
    if (list) list.push(id);
    else released.set(index, [id]);
  }
  const body = actions.map((a, index) => {
    const json: Record<string, unknown> = { Id: a.id, ActionType: a.type, Name: a.name, ObjectPathId: a.path };
    if (a.type === ACTION_QUERY) {
      const query: Record<string, unknown> = { Select: a.select ?? [] };
      if (a.top !== undefined) query.Top = a.top;
      if (a.skip !== undefined) query.Skip = a.skip;
      json.QueryInfo = query;
    } else if (a.type === ACTION_METHOD || a.type === ACTION_SET_PROPERTY) json.ArgumentInfo = argumentInfo(a.args, a.refs);
    const l = released.get(index);
    if (l) json.L = l.sort((x, y) => x - y);
    return json;
  });
  return { Actions: body, ObjectPaths: objectPaths };
}

/** Bytes of the request body Office.js would send for these actions. */
export function requestBytes(actions: readonly WireAction[], paths: ReadonlyMap<number, WirePath>): number {
  return actions.length === 0 ? 0 : jsonBytes(requestBody(actions, paths));
}
