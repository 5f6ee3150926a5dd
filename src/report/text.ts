/**
 * A value from the workflow or the API, shown inside a message: quoted and JSON-escaped, so a
 * newline in it cannot start a line of its own, and cut short only when huge (`limit` is above
 * the 63 characters of a token name, so a name is always shown whole).
 */
export function show(value: string, limit = 100): string {
  const clipped = value.length > limit ? `${value.slice(0, limit - 3)}...` : value;
  return JSON.stringify(clipped);
}

/** What an error says, for a message: never empty (an Error without a message gives its name). */
export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message || error.name : String(error)) || 'unknown error';
}

/** A TTL as the inputs take it: `1h`, `90m`, `45s`. */
export function formatTtl(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
