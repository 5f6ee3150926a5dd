// The bench's model of the network between a runner and PlanetScale, as pure arithmetic: every
// chunk takes half the round-trip time in each direction, and a new connection's first bytes
// wait one round trip more, for the TCP handshake that loopback does not make us wait for. Under
// it a fresh https call (TCP, TLS 1.3, request) costs 3 round trips, a kept-alive one 1.

/**
 * When a chunk that reached the proxy at `arrivalMs` is passed on: half a round trip later, one
 * round trip later still if it opens the connection, and never before the chunk ahead of it
 * (`previousMs`), so that a stream's bytes keep their order.
 */
export function deliveryTime(arrivalMs: number, previousMs: number, opensConnection: boolean, rttMs: number): number {
  return Math.max(previousMs, arrivalMs + rttMs / 2 + (opensConnection ? rttMs : 0));
}

/**
 * How many round trips a measure waits: its growth from one RTT to another, per unit of RTT.
 * Two non-zero RTTs, so that CPU work that overlaps a wait at both (TLS, parsing) cancels out.
 */
export function roundTrips(medianAtLowMs: number, medianAtHighMs: number, lowRttMs: number, highRttMs: number): number {
  if (!(highRttMs > lowRttMs)) throw new Error(`round trips need two RTTs, the second larger: got ${lowRttMs} and ${highRttMs}`);
  return Math.round(((medianAtHighMs - medianAtLowMs) / (highRttMs - lowRttMs)) * 100) / 100;
}
