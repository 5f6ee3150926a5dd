// The runner harness itself: it must parse and chain exactly as the GitHub runner does, or the
// end-to-end tests prove nothing.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMasks, parseFileCommand, parseWorkflowCommand, runJob, runStep } from './runner/index.ts';

describe('parseFileCommand', () => {
  it('reads NAME=VALUE, splitting at the first =', () => {
    expect(parseFileCommand('a=1\n\nb=x=y\n')).toEqual({ a: '1', b: 'x=y' });
  });
  it('reads @actions/core heredocs, multi-line values, without the newline before the delimiter', () => {
    const d = 'ghadelimiter_0f2c6e1e-1d6b-4bd5-9d3f-2f1b3b1d2c3a';
    expect(parseFileCommand(`k<<${d}\nline1\nline2\n${d}\nempty<<${d}\n${d}\n`)).toEqual({ k: 'line1\nline2', empty: '' });
  });
  it('lets the first of = or << decide', () => {
    expect(parseFileCommand('a=b<<c\n')).toEqual({ a: 'b<<c' });
    expect(parseFileCommand('a<<EOF\nx=y\nEOF\n')).toEqual({ a: 'x=y' });
  });
  it('fails as the runner does', () => {
    expect(() => parseFileCommand('a<<EOF\nvalue\n')).toThrow(/Matching delimiter not found/);
    expect(() => parseFileCommand('a<<EOF\nvalue\nEOF')).toThrow(/Matching delimiter not found/);
    expect(() => parseFileCommand('=value\n')).toThrow(/name must not be empty/);
    expect(() => parseFileCommand('novalue\n')).toThrow(/Invalid format/);
  });
});

describe('workflow commands and masks', () => {
  it('parses commands with properties and escapes', () => {
    expect(parseWorkflowCommand('::error file=a%3Ab.ts,line=3::bad%0Anews 100%25', 7)).toEqual({
      command: 'error',
      properties: { file: 'a:b.ts', line: '3' },
      message: 'bad\nnews 100%',
      line: 7,
    });
    expect(parseWorkflowCommand('plain :: text', 0)).toBeUndefined();
  });
  it('processes no command between ::stop-commands:: markers', async () => {
    const dir = fixtureAction(
      `console.log('::stop-commands::tok');
console.log('::add-mask::not-a-mask');
console.log('::error::not an error');
console.log('::tok::');
console.log('::error::an error');`,
      '',
    );
    const main = await runStep({ actionDir: dir, step: 'main' });
    expect(main.masks).toEqual([]);
    expect(main.errors).toEqual(['an error']);
    expect(main.maskedLog).toBe('::add-mask::not-a-mask\n::error::not an error\nError: an error');
  });

  it('masks the whole value and each trimmed line of it', () => {
    expect(applyMasks('x secret-one y two z', ['secret-one\n  two  '])).toBe('x *** y *** z');
  });
});

function fixtureAction(main: string, post: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-action-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(
    join(dir, 'action.yml'),
    'name: fixture\ninputs:\n  some-input:\n    default: dflt\n  other input:\n    required: true\nruns:\n  using: node24\n  main: dist/main.mjs\n  post: dist/post.mjs\n',
  );
  writeFileSync(join(dir, 'dist/main.mjs'), main);
  writeFileSync(join(dir, 'dist/post.mjs'), post);
  return dir;
}

const fileCommand = `import { appendFileSync } from 'node:fs';
const put = (file, k, v) => appendFileSync(process.env[file], k + '<<EOF\\n' + v + '\\nEOF\\n');`;

describe('runStep and runJob', () => {
  it('passes inputs with defaults and hyphenated names, and a clean env', async () => {
    const dir = fixtureAction(
      `console.log(JSON.stringify({ a: process.env['INPUT_SOME-INPUT'], b: process.env['INPUT_OTHER_INPUT'], path: process.env.GITHUB_ACTION_PATH ?? null, leaked: process.env.VITEST ?? null }));`,
      '',
    );
    const main = await runStep({ actionDir: dir, step: 'main', inputs: { 'other input': 'given' } });
    expect(JSON.parse(main.stdout)).toEqual({ a: 'dflt', b: 'given', path: null, leaked: null });
  });

  it('chains state, env and masks from main into post, and runs post after a failed main', async () => {
    const dir = fixtureAction(
      `${fileCommand}
console.log('before the mask: s3cret');
console.log('::add-mask::s3cret');
console.log('after the mask: s3cret');
put('GITHUB_STATE', 'key', 'value');
put('GITHUB_ENV', 'FROM_MAIN', 'yes');
put('GITHUB_OUTPUT', 'out', 'o');
process.exitCode = 1;`,
      `console.log('post sees state=' + process.env.STATE_key + ' env=' + process.env.FROM_MAIN + ' s3cret');`,
    );
    const { main, post } = await runJob({ actionDir: dir, inputs: { 'other input': 'x' } });
    expect(main.exitCode).toBe(1);
    expect(main.outputs).toEqual({ out: 'o' });
    expect(main.maskedLog).toBe('before the mask: s3cret\nafter the mask: ***');
    expect(post.exitCode).toBe(0);
    expect(post.maskedLog).toBe('post sees state=value env=yes ***');
  });

  it('fails a step whose file commands the runner would refuse', async () => {
    const dir = fixtureAction(`${fileCommand}\nput('GITHUB_ENV', 'NODE_OPTIONS', '--require x');`, '');
    const main = await runStep({ actionDir: dir, step: 'main' });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual(['runner: GITHUB_ENV: NODE_OPTIONS may not be set']);
  });

  it('cancels as the runner does: SIGINT, then SIGTERM after the grace period', async () => {
    const dir = fixtureAction(
      `process.on('SIGINT', () => console.log('got SIGINT, ignoring'));
process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(3); });
setInterval(() => {}, 1000);
console.log('ready');`,
      '',
    );
    const main = await runStep({ actionDir: dir, step: 'main', cancelAfterMs: 300, graceMs: { term: 300, kill: 300 } });
    expect(main.lines).toEqual(['ready', 'got SIGINT, ignoring', 'got SIGTERM']);
    expect(main.exitCode).toBe(3);
  });
});
