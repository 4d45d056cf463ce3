/**
 * The real host: the global `Excel` of Office.js. Only the task pane's entry point imports this
 * file, after `Office.onReady`; the harness and jest use `./fake` instead.
 */
import type { ExcelHost, XlRequestContext } from './api';
import { jsonTextBytes } from './payload';

/** Compile-time proof that Excel's own context satisfies the subset the adapter is written for. */
function asSubset(context: Excel.RequestContext): XlRequestContext {
  return context;
}

/**
 * The one Office.js internal the adapter reads: the request the next `sync()` sends, built by the
 * library's own serializer (`ClientRequestContext._pendingRequest`,
 * `ClientRequestBase.buildRequestMessageBodyAndRequestFlags`, present in @microsoft/office-js
 * 1.1.x; test/excelPayload.test.ts runs it on the package's excel-web-16.00.debug.js). Office.js
 * comes from Microsoft's CDN and cannot be pinned, so where the internal is missing the measure
 * is `null` and the adapter falls back to its own estimate, with a smaller budget.
 */
interface OfficeJsRequestInternals {
  _pendingRequest?: { buildRequestMessageBodyAndRequestFlags?: () => { body: unknown } };
}

/** UTF-8 bytes of the pending request as Office.js serializes it, or null if the library hides it. */
export function officeJsRequestBytes(context: unknown): number | null {
  const request = (context as OfficeJsRequestInternals)._pendingRequest;
  if (typeof request?.buildRequestMessageBodyAndRequestFlags !== 'function') return null;
  return jsonTextBytes(JSON.stringify(request.buildRequestMessageBodyAndRequestFlags().body));
}

export function officeHost(): ExcelHost {
  return {
    // delayForCellEdit: while the user is typing in a cell, Excel waits instead of failing the batch.
    run: (batch) => Excel.run({ delayForCellEdit: true }, (context) => batch(asSubset(context))),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
    requestBytes: (context) => officeJsRequestBytes(context),
  };
}
