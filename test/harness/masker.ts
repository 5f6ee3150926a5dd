// The runner's secret masker (GitHub.DistributedTask.Logging.SecretMasker with the value encoders
// the runner's HostContext registers), for `::add-mask::` values.

/** Uri.EscapeDataString: everything but the RFC 3986 unreserved characters A-Z a-z 0-9 - . _ ~ is %XX-escaped. */
function uriDataEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Newtonsoft JsonConvert.ToString without the surrounding quotes (default escape handling). */
function jsonStringEscape(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}

function base64Shift(value: string, shift: number): string {
  const bytes = Buffer.from(value, 'utf8');
  return (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64');
}

/** ValueEncoders registered by the runner's HostContext (each result is masked too when non-empty). */
export const VALUE_ENCODERS: ((value: string) => string)[] = [
  (v) => Buffer.from(v, 'utf8').toString('base64'), // Base64StringEscape
  (v) => base64Shift(v, 1), // Base64StringEscapeShift1
  (v) => base64Shift(v, 2), // Base64StringEscapeShift2
  (v) => v.replaceAll("'", "''"), // ExpressionStringEscape
  jsonStringEscape, // JsonStringEscape
  uriDataEscape, // UriDataEscape
  (v) =>
    // XmlDataEscape (SecurityElement.Escape)
    v.replace(/[<>"'&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '&': '&amp;' })[c] ?? c),
  (v) => (v.length > 8 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : ''), // TrimDoubleQuotes
];

export class SecretMasker {
  #values = new Set<string>();

  /** SecretMasker.AddValue: the value and each non-empty encoding of it. */
  addValue(value: string): void {
    if (value === '') return;
    this.#values.add(value);
    for (const encode of VALUE_ENCODERS) {
      const encoded = encode(value);
      if (encoded !== '') this.#values.add(encoded);
    }
  }

  /**
   * What `::add-mask::DATA` registers: the whole (unescaped) value and each non-empty trimmed line of it.
   * Returns false for a blank value, which the runner refuses with a warning.
   */
  addMask(data: string): boolean {
    if (data.trim() === '') return false;
    for (const line of data.split(/\r\n|\r|\n/)) {
      const t = line.trim();
      if (t !== '') this.addValue(t);
    }
    this.addValue(data);
    return true;
  }

  /** Every masked string (values and their encodings). */
  get values(): string[] {
    return [...this.#values];
  }

  /** SecretMasker.MaskSecrets: every occurrence of every value, overlapping or touching ranges merged, each range → "***". */
  mask(input: string): string {
    if (input === '' || this.#values.size === 0) return input;
    const ranges: [number, number][] = [];
    for (const v of this.#values) {
      for (let i = input.indexOf(v); i >= 0; i = input.indexOf(v, i + 1)) ranges.push([i, i + v.length]);
    }
    if (ranges.length === 0) return input;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let pos = 0;
    let cur: [number, number] | null = null;
    for (const r of ranges) {
      if (cur && r[0] <= cur[1]) {
        cur[1] = Math.max(cur[1], r[1]);
        continue;
      }
      if (cur) {
        out += input.slice(pos, cur[0]) + '***';
        pos = cur[1];
      }
      cur = [r[0], r[1]];
    }
    if (cur) {
      out += input.slice(pos, cur[0]) + '***';
      pos = cur[1];
    }
    return out + input.slice(pos);
  }
}
