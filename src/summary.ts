// The job summary: what was minted, for how long, with which accesses. Never the secret or the ID.

import type { GrantedResource } from './grants.js';

/** Markdown table cell text: pipes and backticks would break the table. */
function cell(text: string): string {
  return text.replace(/[|`\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

export function mintSummary(options: {
  name: string;
  org: string;
  expiresAt: string;
  granted: readonly GrantedResource[];
  cleanup: boolean;
}): string {
  const rows = options.granted.map(
    (g) => `| ${cell(g.resource_name)} | ${cell(g.resource_type)} | ${g.accesses.map((a) => `\`${cell(a)}\``).join(', ')} |`,
  );
  const fate = options.cleanup
    ? 'It is deleted by this action\'s post step when the job ends.'
    : 'cleanup is false: it stays valid until it expires.';
  return [
    '### PlanetScale service token',
    '',
    '| Token | Organization | Expires |',
    '| --- | --- | --- |',
    `| \`${cell(options.name)}\` | ${cell(options.org)} | ${cell(options.expiresAt)} |`,
    '',
    '| Resource | Type | Accesses |',
    '| --- | --- | --- |',
    ...rows,
    '',
    fate,
    '',
  ].join('\n');
}

export function deletedSummary(name: string, outcome: 'deleted' | 'already-gone'): string {
  return outcome === 'deleted'
    ? `Service token \`${cell(name)}\` was deleted by the post step.\n`
    : `Service token \`${cell(name)}\` was already gone when the post step came to delete it.\n`;
}
