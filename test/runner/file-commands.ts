// The runner's parsing of file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV) and of
// workflow commands on stdout, as shared/runner/CONTRACT.md describes them.

/**
 * Parses NAME=VALUE and NAME<<DELIM heredoc pairs. Throws, as the runner fails the step, on a
 * missing delimiter, a missing final newline in a heredoc, or an empty name.
 */
export function parseFileCommand(content: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals < 0 && heredoc < 0) throw new Error(`Invalid format '${line}'`);
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (!name) throw new Error(`Invalid format '${line}': name must not be empty`);
      result[name] = line.slice(equals + 1);
      continue;
    }
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    if (!name) throw new Error(`Invalid format '${line}': name must not be empty`);
    if (!delimiter) throw new Error(`Invalid format '${line}': delimiter must not be empty`);
    const value: string[] = [];
    let closed = false;
    for (i = i + 1; i < lines.length; i++) {
      if (lines[i] === delimiter) {
        closed = true;
        break;
      }
      value.push(lines[i]!);
    }
    // The delimiter line must be followed by a newline: it cannot be the file's last fragment.
    if (!closed || i === lines.length - 1) throw new Error(`Matching delimiter not found '${delimiter}'`);
    result[name] = value.join('\n');
  }
  return result;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** Index of the line in the step's output. */
  line: number;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** `::command key=value,key=value::message`, with leading white space allowed as the runner does. */
export function parseWorkflowCommand(line: string, index: number): WorkflowCommand | undefined {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = trimmed.slice(2, end);
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  if (!command) return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, message: unescapeData(trimmed.slice(end + 2)), line: index };
}

/** What the runner hides for one ::add-mask:: value: the whole value and each non-empty trimmed line. */
export function maskForms(value: string): string[] {
  const forms = new Set<string>([value]);
  for (const line of value.split(/\r?\n/)) if (line.trim()) forms.add(line.trim());
  return [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
}

export function applyMasks(line: string, masks: readonly string[]): string {
  let masked = line;
  for (const mask of masks) for (const form of maskForms(mask)) masked = masked.split(form).join('***');
  return masked;
}
