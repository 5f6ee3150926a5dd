/**
 * A value from the workflow or the API, shown inside a message: quoted and JSON-escaped, so a
 * newline in it cannot start a line of its own, and cut short only when huge (`limit` is above
 * the 63 characters of a token name, so a name is always shown whole).
 */
export function show(value: string, limit = 100): string {
  const clipped = value.length > limit ? `${value.slice(0, limit - 3)}...` : value;
  return JSON.stringify(clipped);
}
