// The result of reading an input: a value, or errors that say which input, what is wrong and
// what would be right. Shared by every parser; no I/O.

export interface InputError {
  input: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };
export type ReadInput = (name: string) => string;

/** How an error reads in the log: which input, what is wrong, what would be right. */
export function formatInputError(e: InputError): string {
  return `Input "${e.input}": ${e.message}`;
}

export const fail = (input: string, message: string): Parsed<never> => ({ ok: false, errors: [{ input, message }] });
