/**
 * The real host: the global `Excel` of Office.js. Only the task pane's entry point imports this
 * file, after `Office.onReady`; the harness and jest use `./fake` instead.
 */
import type { ExcelHost, XlRequestContext } from './api';

/** Compile-time proof that Excel's own context satisfies the subset the adapter is written for. */
function asSubset(context: Excel.RequestContext): XlRequestContext {
  return context;
}

export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(asSubset(context))),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
  };
}
