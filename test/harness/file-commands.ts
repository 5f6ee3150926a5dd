// Parsing of the runner's file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH,
// GITHUB_STEP_SUMMARY), ported from actions/runner src/Runner.Worker/FileCommandManager.cs
// (EnvFileKeyValuePairs, AddPathFileCommand, SetEnvFileCommand, CreateStepSummaryCommand).

/** Thrown for the contents the runner refuses; the runner then fails the step. */
export class FileCommandError extends Error {
  override name = 'FileCommandError';
}

export interface FileCommandParse {
  /** Pairs in file order, as the runner applies them (a later duplicate overwrites an earlier one). */
  pairs: [string, string][];
  /** Set when the runner would throw. Pairs read before the bad line have already been applied by then. */
  error?: FileCommandError;
}

/** .NET File.ReadAllText drops a UTF-8 byte order mark; Node's readFileSync(…, 'utf8') keeps it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads the pairs of a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner's
 * EnvFileKeyValuePairs does, on Linux (only "\n" ends a line; a "\r" before it stays in the text):
 * - lines are split on "\n" and empty lines are skipped;
 * - whichever of "=" and "<<" comes first in the line decides the form;
 * - `NAME=VALUE` splits at the first "=";
 * - `NAME<<DELIM` takes the following lines up to a line exactly equal to DELIM; the newline
 *   before DELIM is not part of the value (an immediately following DELIM gives "");
 * - failures: a line with neither "=" nor "<<", an empty name or delimiter in the heredoc form,
 *   a heredoc line without a newline (EOF marker missing new line), DELIM never found.
 * Stricter than the runner in one place: `=value` (empty name in the `=` form) is an error here.
 * The runner's check for it tests the whole line instead of the name (a bug), so it would
 * accept the pair with an empty name; the harness (test/harness/README.md) makes an empty name fail.
 */
export function parseFileCommandPairs(content: string): FileCommandParse {
  const text = stripBom(content);
  const pairs: [string, string][] = [];
  let index = 0;

  // Returns the next line and whether it was terminated by "\n" (mirrors ReadLine(text, ref index, out newline)).
  const readLine = (): { line: string; newline: boolean } | null => {
    if (index >= text.length) return null;
    const start = index;
    const lf = text.indexOf('\n', index);
    if (lf < 0) {
      index = text.length;
      return { line: text.slice(start), newline: false };
    }
    index = lf + 1;
    return { line: text.slice(start, lf), newline: true };
  };

  try {
    for (let r = readLine(); r !== null; r = readLine()) {
      const line = r.line;
      if (line === '') continue;
      const equalsIndex = line.indexOf('=');
      const heredocIndex = line.indexOf('<<');
      if (equalsIndex >= 0 && (heredocIndex < 0 || equalsIndex < heredocIndex)) {
        const key = line.slice(0, equalsIndex);
        if (key === '') throw new FileCommandError(`Invalid format '${line}'. Name must not be empty`);
        pairs.push([key, line.slice(equalsIndex + 1)]);
      } else if (heredocIndex >= 0 && (equalsIndex < 0 || heredocIndex < equalsIndex)) {
        const key = line.slice(0, heredocIndex);
        const delimiter = line.slice(heredocIndex + 2);
        if (key === '' || delimiter === '') {
          throw new FileCommandError(`Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
        }
        const startIndex = index;
        let endIndex = index;
        let t = readLine();
        while (t === null || t.line !== delimiter) {
          if (t === null) throw new FileCommandError(`Invalid value. Matching delimiter not found '${delimiter}'`);
          if (!t.newline) throw new FileCommandError('Invalid value. EOF marker missing new line.');
          endIndex = index - 1;
          t = readLine();
        }
        pairs.push([key, endIndex > startIndex ? text.slice(startIndex, endIndex) : '']);
      } else {
        throw new FileCommandError(`Invalid format '${line}'`);
      }
    }
  } catch (e) {
    if (e instanceof FileCommandError) return { pairs, error: e };
    throw e;
  }
  return { pairs };
}

/**
 * Parses GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV content into a record (later keys win).
 * Throws FileCommandError (message as the runner's) on the contents for which the runner fails the step.
 */
export function parseFileCommand(content: string): Record<string, string> {
  const { pairs, error } = parseFileCommandPairs(content);
  if (error) throw error;
  return pairsToRecord(pairs);
}

export function pairsToRecord(pairs: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of pairs) out[k] = v;
  return out;
}

/**
 * GITHUB_PATH as AddPathFileCommand reads it: File.ReadAllLines (lines end at "\r\n", "\n" or "\r"),
 * empty lines skipped, a repeated entry moves to the end. Returned in file order; the runner
 * prepends them to PATH in reverse order (the last one written comes first).
 */
export function parsePathFile(content: string): string[] {
  const text = stripBom(content);
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const at = out.indexOf(line);
    if (at >= 0) out.splice(at, 1);
    out.push(line);
  }
  return out;
}

/** Names GITHUB_ENV may not set (compared case-insensitively), from SetEnvFileCommand. */
export const SET_ENV_BLOCK_LIST = ['NODE_OPTIONS'];

/** CreateStepSummaryCommand.AttachmentSizeLimit, in bytes. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
