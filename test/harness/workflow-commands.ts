// Workflow commands on stdout/stderr, ported from actions/runner src/Runner.Common/ActionCommand.cs
// (TryParseV2 `::name props::data`, TryParse `##[name props]data`) and ActionCommandManager.

export interface WorkflowCommand {
  /** Command name, lower-cased (the runner matches names case-insensitively). */
  command: string;
  /** Properties as written (names keep their case), values unescaped (%0D %0A %3A %2C %25). */
  properties: Record<string, string>;
  /** Data, unescaped (%0D %0A %25). */
  message: string;
  /** Index of the line in StepResult.lines (0-based). */
  line: number;
}

/** Commands the runner registers (ActionCommandManager extensions plus stop-commands). */
export const REGISTERED_COMMANDS = [
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

type Mapping = [token: string, replacement: string];
// Applied in this order, each a plain replace-all of the escape by its token (as the runner does).
const DATA_MAPPINGS: Mapping[] = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25'],
];
const PROPERTY_MAPPINGS: Mapping[] = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25'],
];
const LEGACY_MAPPINGS: Mapping[] = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25'],
];

function unescape(s: string, mappings: Mapping[]): string {
  let out = s;
  for (const [token, replacement] of mappings) out = out.replaceAll(replacement, token);
  return out;
}
export const unescapeData = (s: string): string => unescape(s, DATA_MAPPINGS);
export const unescapeProperty = (s: string): string => unescape(s, PROPERTY_MAPPINGS);

/** .NET `s.Split('=', 2, StringSplitOptions.RemoveEmptyEntries)`, keeping only two-part results. */
function splitProperty(s: string): [string, string] | null {
  const t = s.replace(/^=+/, '');
  const i = t.indexOf('=');
  if (i < 0) return null;
  const value = t.slice(i + 1);
  return value === '' ? null : [t.slice(0, i), value];
}

function parseProperties(s: string, separator: string, unesc: (v: string) => string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const part of s.split(separator)) {
    if (part === '') continue;
    const pair = splitProperty(part);
    if (pair) props[pair[0]] = unesc(pair[1]);
  }
  return props;
}

/** .NET's Char.IsWhiteSpace, which the runner's TrimStart uses: wider than JS's (U+0085). */
export const dotnetTrimStart = (line: string): string =>
  line.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');

/**
 * Parses one output line as the runner does: first `::name props::data` (after trimming leading
 * whitespace), then the legacy `##[name props]data` anywhere in the line. `registered` is the set of
 * lower-cased names that count as commands (others leave the line as plain output).
 */
export function parseCommandLine(text: string, registered: ReadonlySet<string>): Omit<WorkflowCommand, 'line'> | null {
  if (text === '') return null;
  // TryParseV2
  const message = dotnetTrimStart(text);
  if (message.startsWith('::')) {
    const end = message.indexOf('::', 2);
    if (end >= 0) {
      const info = message.slice(2, end);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (registered.has(name.toLowerCase())) {
        return {
          command: name.toLowerCase(),
          properties: space > 0 ? parseProperties(info.slice(space + 1).trim(), ',', unescapeProperty) : {},
          message: unescapeData(message.slice(end + 2)),
        };
      }
    }
  }
  // TryParse (legacy ##[...] form)
  const prefix = text.indexOf('##[');
  if (prefix >= 0) {
    const rb = text.indexOf(']', prefix);
    if (rb >= 0) {
      const info = text.slice(prefix + 3, rb);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (registered.has(name.toLowerCase())) {
        const unesc = (v: string) => unescape(v, LEGACY_MAPPINGS);
        return {
          command: name.toLowerCase(),
          properties: space > 0 ? parseProperties(info.slice(space + 1), ';', unesc) : {},
          message: unesc(text.slice(rb + 1)),
        };
      }
    }
  }
  return null;
}
