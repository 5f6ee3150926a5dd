// Arrival times for `npm run load`: a Poisson process (independent arrivals at a mean rate),
// cut off at the end of the window. Pure, given a source of random numbers in [0, 1).

/** The jobs a minute one minting token can serve: each job makes `callsPerJob` calls. */
export function jobsPerMinute(requestsPerMinute: number, callsPerJob: number): number {
  return requestsPerMinute / callsPerJob;
}

/**
 * Start times (ms from 0) of jobs arriving at `perMinute` on average over `windowMs`: gaps drawn
 * from the exponential distribution, none at or past the window's end.
 */
export function poissonArrivals(perMinute: number, windowMs: number, random: () => number = Math.random): number[] {
  if (!(perMinute > 0) || !(windowMs > 0))
    throw new Error(`poissonArrivals: rate and window must be above 0, got ${perMinute}/min over ${windowMs} ms`);
  const meanGapMs = 60_000 / perMinute;
  const arrivals: number[] = [];
  // 1 - random() is in (0, 1], so the log is finite.
  for (let at = -Math.log(1 - random()) * meanGapMs; at < windowMs; at += -Math.log(1 - random()) * meanGapMs) arrivals.push(at);
  return arrivals;
}

/** The value at percentile `p` (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
