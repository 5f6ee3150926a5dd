// The benchmark's figures as a table (markdown, so it can go into the README as printed) and
// the targets issue 10 sets (as ratios from one run), checked.
import type { Summary } from './measure.ts';

export interface Results {
  machine: { cpus: number; cpuModel: string; platform: string; node: string; curl: string; jq: string };
  date: string;
  latencyMs: number;
  rounds: number;
  timings: {
    main: Summary;
    post: Summary;
    recipe: Summary;
    curlDelete: Summary;
    postNothingToDo: Summary;
    nodeE0: Summary;
  };
  scaling: { databases: number; main: Summary; recipe: Summary; ratio: number }[];
  startupOverheadMs: number;
  ratios: { mainToRecipe: number; postToCurlDelete: number; mainAndPostToRecipe: number };
  targets: { name: string; value: number; limit: number; met: boolean }[];
  bundles: { entry: string; files: { file: string; bytes: number }[]; loadedAtStartBytes: number; totalBytes: number }[];
}

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/** Judged on the exact figures, not the rounded ones shown (0.601 does not meet ≤ 0.6). */
export function checkTargets(t: Results['timings']): Results['targets'] {
  const target = (name: string, exact: number, limit: number) => ({ name, value: Math.round(exact * 1000) / 1000, limit, met: exact <= limit });
  return [
    target('main / curl recipe', t.main.median / t.recipe.median, 0.8),
    target('post / single curl DELETE', t.post.median / t.curlDelete.median, 2.3),
    target('post with nothing to do / `node -e 0`', t.postNothingToDo.median / t.nodeE0.median, 2.7),
  ];
}

const ms = (s: Summary) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

export function formatTables(r: Results): string {
  const t = r.timings;
  const lines = [
    `Each figure: median (min–max) of ${r.rounds} rounds, process spawn to exit; ${r.latencyMs} ms added to every API request.`,
    '',
    '| 2 databases + organization | time | ratio | target |',
    '|---|---|---|---|',
    `| action main | ${ms(t.main)} | ${r.ratios.mainToRecipe} × curl recipe | ≤ 0.8 |`,
    `| action post | ${ms(t.post)} | ${r.ratios.postToCurlDelete} × curl DELETE | ≤ 2.3 |`,
    `| action main + post | ${(t.main.median + t.post.median).toFixed(0)} ms | ${r.ratios.mainAndPostToRecipe} × curl recipe | |`,
    `| curl recipe (create, 3 grants, delete) | ${ms(t.recipe)} | | |`,
    `| single curl DELETE | ${ms(t.curlDelete)} | | |`,
    `| action post with nothing to do | ${ms(t.postNothingToDo)} | ${ratio(t.postNothingToDo.median, t.nodeE0.median)} × \`node -e 0\` (+${r.startupOverheadMs} ms) | ≤ 2.7 |`,
    `| \`node -e 0\` | ${ms(t.nodeE0)} | | |`,
    '',
    '| databases | action main | curl recipe | main / recipe |',
    '|---|---|---|---|',
    ...r.scaling.map((s) => `| ${s.databases} | ${ms(s.main)} | ${ms(s.recipe)} | ${s.ratio} |`),
    '',
    '| dist/ entry | loaded at start | total (with lazy chunks) |',
    '|---|---|---|',
    ...r.bundles.map((b) => `| ${b.entry} | ${b.loadedAtStartBytes.toLocaleString('en-US')} B | ${b.totalBytes.toLocaleString('en-US')} B |`),
  ];
  return lines.join('\n');
}

export function formatTargets(targets: Results['targets']): string {
  return targets.map((t) => `${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value} (target ≤ ${t.limit})`).join('\n');
}
