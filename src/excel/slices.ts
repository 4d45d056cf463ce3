/**
 * Taking turns with the page. The adapter runs in the task pane's thread, in Excel as in the
 * harness: planning the writes of a catalogue's report (50,000 cells, 8,000 notes) between two
 * round trips would hold the pane for longer than a person notices. `pause` lets input and paint
 * have their turn once the current task has run `budgetMs`; it costs nothing before that.
 */

/** A new task, after the page had its turn (a timer: a message channel would also do). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Slicer {
  /** Yields to the page when the current slice has run its budget. */
  pause(): Promise<void>;
  /** Starts a new slice: after a round trip to Excel, the page has had its turn. */
  restart(): void;
}

export function timeSlicer(budgetMs: number): Slicer {
  let started = performance.now();
  return {
    async pause() {
      if (performance.now() - started < budgetMs) return;
      await nextTask();
      started = performance.now();
    },
    restart() {
      started = performance.now();
    },
  };
}
