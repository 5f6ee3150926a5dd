// Reads that are advice only (the minting token's own accesses): used when they are in by the time
// the calls they run beside are answered, and never worth holding the step for long.

const settled = (promise: Promise<unknown>): Promise<void> =>
  promise.then(
    () => undefined,
    () => undefined,
  );

/**
 * `read`'s value if it is in by the time `work` is done plus as long again as `work` took, from
 * this call; undefined otherwise, or when `read` fails. `work` is one round of calls sent now, so
 * the step waits at most one more round trip for the advice.
 */
export function adviceWithin<T>(read: Promise<T | undefined>, work: Promise<unknown>): Promise<T | undefined> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let answered = false;
  const late = settled(work).then(
    () =>
      new Promise<undefined>((resolve) => {
        // Once answered, no timer: a pending one would keep the process, and the step, alive.
        if (answered) resolve(undefined);
        else timer = setTimeout(resolve, Date.now() - started, undefined);
      }),
  );
  return Promise.race([read.catch(() => undefined), late]).finally(() => {
    answered = true;
    clearTimeout(timer);
  });
}
