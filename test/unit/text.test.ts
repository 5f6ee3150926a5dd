// Values and errors as they appear inside messages.
import { describe, expect, it } from 'vitest';
import { errorMessage, show } from '../../src/report/text.ts';

describe('errorMessage', () => {
  it("is the error's message, else its name, else the value; never empty", () => {
    expect(errorMessage(new Error('socket hang up'))).toBe('socket hang up');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
    expect(errorMessage('SIGTERM')).toBe('SIGTERM');
    expect(errorMessage('')).toBe('unknown error');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('show', () => {
  it('quotes, escapes line breaks, and clips only huge values', () => {
    expect(show('a\n::add-path::/tmp')).toBe('"a\\n::add-path::/tmp"');
    expect(show('x'.repeat(200))).toBe(JSON.stringify(`${'x'.repeat(97)}...`));
  });
});
