/**
 * Microsoft's Office.js (the @microsoft/office-js package, as the CDN serves it) loaded into a Node
 * sandbox, offline: enough to queue operations on a real `Excel.RequestContext` and read the
 * request the library would send. Nothing is sent; there is no Excel behind it.
 */
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';

const LIBRARY = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

export interface OfficeJs {
  /** A fresh `Excel.RequestContext`. */
  newContext(): Excel.RequestContext;
  /** The request body the context's next `sync()` sends, as the library builds it. */
  pendingBody(context: Excel.RequestContext): unknown;
  /** Hands the library a response body (`{ Results }`) for the pending request, as if Excel had sent it. */
  receive(context: Excel.RequestContext, response: { Results: unknown[] }): void;
}

interface PendingRequest {
  buildRequestMessageBodyAndRequestFlags(): { body: unknown };
  processResponse(results: unknown[]): void;
}

let loaded: OfficeJs | undefined;

function pending(context: Excel.RequestContext): PendingRequest {
  return (context as unknown as { _pendingRequest: PendingRequest })._pendingRequest;
}

export function loadOfficeJs(): OfficeJs {
  if (loaded) return loaded;
  const noop = () => undefined;
  const sandbox: Record<string, unknown> = {
    console: { log: noop, warn: noop, error: noop, info: noop },
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/', search: '', hash: '' },
    document: { createElement: () => ({}), getElementsByTagName: () => [], addEventListener: noop, readyState: 'complete' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(LIBRARY, 'utf8'), sandbox, { filename: LIBRARY });
  const excel = sandbox.Excel as typeof Excel;
  if (typeof excel?.RequestContext !== 'function') throw new Error(`${LIBRARY} did not define Excel.RequestContext`);
  loaded = {
    newContext: () => new excel.RequestContext(),
    pendingBody: (context) => pending(context).buildRequestMessageBodyAndRequestFlags().body,
    receive: (context, response) => pending(context).processResponse(response.Results),
  };
  return loaded;
}
