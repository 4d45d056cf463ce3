/**
 * The in-memory Excel as the pane meets real Excel: every `sync()` is a round trip that returns in
 * a later task, as Office.js's request does, never in the same one. The in-memory Excel answers a
 * sync at once (a microtask), so a read or write of a whole catalogue, dozens of syncs, would run
 * as one main-thread task of seconds in the harness, where in Excel the pane stays free between
 * round trips. And as the harness also does Excel's own work (running the request) in the pane's
 * thread, its batches are smaller than the adapter's defaults for Excel, so that no one round trip
 * holds the page for long. For the same reason the harness does not measure pending requests
 * (the in-memory Excel would serialize the whole request each time the adapter asks): the adapter
 * then goes by its own estimates, which for batches this small stay far below Excel's 5 MB; the
 * in-memory Excel still refuses any request over that limit at `sync()`.
 */
import type { ExcelHost, XlRequestContext } from '../excel/api';
import type { OfficeWorkbookOptions } from '../excel/OfficeWorkbook';

/** The harness's batch sizes: well below what the adapter sends Excel. */
export const HARNESS_BATCHES: OfficeWorkbookOptions = {
  maxCellsPerSync: 2_000,
  maxRequestBytes: 200_000,
  maxStepsPerRequest: 100,
  maxSheetsPerSync: 25,
  maxNotesPerSync: 100,
};

/** Resolves in a new task (after input and paint had their turn), like a response from Excel. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `host`, with each sync answered in a later task. */
export function withRoundTrips(host: ExcelHost): ExcelHost {
  return {
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    requestBytes: () => null,
    run: (batch) =>
      host.run((context) => {
        const roundTrips: XlRequestContext = {
          get workbook() {
            return context.workbook;
          },
          async sync<T>(passThrough?: T): Promise<T> {
            await nextTask();
            return context.sync(passThrough);
          },
        };
        return batch(roundTrips);
      }),
  };
}
