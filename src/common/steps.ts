/**
 * Work done in steps: a generator that yields where it may pause. A service runs it with the event
 * loop served at each pause (inSteps), so that a long rebuild does not hold up the requests waiting
 * meanwhile; a script runs it at once (atOnce). Both give the same result.
 */
export type Steps<T> = Generator<void, T>;

export function atOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function inSteps<T>(steps: Steps<T>, pause: () => Promise<void> = nextTurn): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Until the event loop has served what waits (I/O, timers, other requests). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
