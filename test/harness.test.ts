import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FileCommandError,
  HARNESS_GITHUB_ENV,
  SecretMasker,
  inputEnvName,
  parseCommandLine,
  parseFileCommand,
  parseFileCommandPairs,
  parsePathFile,
  readActionInputs,
  REGISTERED_COMMANDS,
  runJob,
  runUses,
  runStep,
} from './harness/index.ts';
import { LineSplitter } from './harness/runner.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'harness-action');
const repoRoot = path.resolve(here, '..');
const SECRET = 'pscale_tkn_s3cr3tValue';
const baseInputs = { 'service-token-id': 'tok-id-1', secret: SECRET };

const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('parseFileCommand', () => {
  it('reads NAME=VALUE lines, splitting at the first "=" and skipping empty lines', () => {
    expect(parseFileCommand('a=1\n\nb=x=y\nempty=\n\n')).toEqual({ a: '1', b: 'x=y', empty: '' });
  });

  it('lets a later duplicate win and keeps names as written', () => {
    expect(parseFileCommand('Key=1\nkey=2\nKey=3\n')).toEqual({ Key: '3', key: '2' });
  });

  it('only "\\n" ends a line (Linux runner): a "\\r" stays in the value', () => {
    expect(parseFileCommand('a=1\r\nb=2\n')).toEqual({ a: '1\r', b: '2' });
  });

  it('accepts a last NAME=VALUE line without a newline', () => {
    expect(parseFileCommand('a=1\nb=2')).toEqual({ a: '1', b: '2' });
  });

  it('reads the heredoc form NAME<<DELIM, the newline before DELIM not part of the value', () => {
    expect(parseFileCommand('k<<EOF\nline1\nline2\nEOF\nnext=1\n')).toEqual({ k: 'line1\nline2', next: '1' });
  });

  it('reads the @actions/core form key<<ghadelimiter_<uuid>', () => {
    const d = 'ghadelimiter_0f8fad5b-d9cb-469f-a165-70867728950e';
    const content = `token<<${d}\npscale_tkn_abc\n${d}\njson<<${d}\n{"a": [1,\n2]}\n\n${d}\n`;
    expect(parseFileCommand(content)).toEqual({ token: 'pscale_tkn_abc', json: '{"a": [1,\n2]}\n' });
  });

  it('gives "" for a heredoc with no lines or one empty line, and keeps inner empty lines', () => {
    expect(parseFileCommand('a<<EOF\nEOF\nb<<EOF\n\nEOF\nc<<EOF\n\n\nEOF\nd<<EOF\nx\n\ny\nEOF\n')).toEqual({
      a: '',
      b: '',
      c: '\n',
      d: 'x\n\ny',
    });
  });

  it('lets whichever of "=" and "<<" comes first decide the form', () => {
    expect(parseFileCommand('a=b<<c\n')).toEqual({ a: 'b<<c' });
    expect(parseFileCommand('k<<END=1\nvalue\nEND=1\n')).toEqual({ k: 'value' });
  });

  it('accepts a closing delimiter without a newline after it (as the runner does)', () => {
    expect(parseFileCommand('k<<EOF\nv\nEOF')).toEqual({ k: 'v' });
  });

  it('only a line exactly equal to DELIM ends the heredoc', () => {
    expect(parseFileCommand('k<<EOF\n EOF\nEOF \nEOFX\nEOF\n')).toEqual({ k: ' EOF\nEOF \nEOFX' });
  });

  const failures: [string, string, RegExp][] = [
    ['a line with neither "=" nor "<<"', 'ok=1\njust-a-name\n', /^Invalid format 'just-a-name'$/],
    ['an empty name in NAME=VALUE', '=value\n', /Name must not be empty/],
    ['an empty name in the heredoc form', '<<EOF\nv\nEOF\n', /Name must not be empty and delimiter must not be empty/],
    ['an empty delimiter', 'k<<\nv\n\n', /Name must not be empty and delimiter must not be empty/],
    ['a missing delimiter', 'k<<EOF\nv\n', /Matching delimiter not found 'EOF'/],
    ['a heredoc line without its final newline', 'k<<EOF\nv', /EOF marker missing new line/],
    ['a delimiter on the same line as the value', 'k<<EOF\nvEOF', /EOF marker missing new line/],
    ['a delimiter that differs in case', 'k<<EOF\nv\neof\n', /Matching delimiter not found 'EOF'/],
  ];
  for (const [what, content, message] of failures) {
    it(`throws on ${what}`, () => {
      expect(() => parseFileCommand(content)).toThrow(FileCommandError);
      expect(() => parseFileCommand(content)).toThrow(message);
    });
  }

  it('parseFileCommandPairs keeps the pairs read before the failure (the runner has applied them)', () => {
    const r = parseFileCommandPairs('a=1\nb<<EOF\nx\n');
    expect(r.pairs).toEqual([['a', '1']]);
    expect(r.error?.message).toBe("Invalid value. Matching delimiter not found 'EOF'");
  });

  it('drops a UTF-8 byte order mark, as .NET ReadAllText does', () => {
    expect(parseFileCommand('\uFEFFa=1\n')).toEqual({ a: '1' });
  });
});

describe('parsePathFile', () => {
  it('reads non-empty lines (any line ending), a repeated entry moving to the end', () => {
    expect(parsePathFile('/a\r\n\n/b\r/a\n')).toEqual(['/b', '/a']);
    expect(parsePathFile('')).toEqual([]);
  });
});

describe('parseCommandLine', () => {
  const reg = new Set(REGISTERED_COMMANDS);
  it('parses ::name props::data, unescaping data and properties', () => {
    expect(parseCommandLine('::error file=a%2Cb.ts,line=3,title=x%3Ay::50%25%0Adone%0D', reg)).toEqual({
      command: 'error',
      properties: { file: 'a,b.ts', line: '3', title: 'x:y' },
      message: '50%\ndone\r',
    });
  });
  it('decodes %25 last, as the runner does', () => {
    expect(parseCommandLine('::add-mask::%250A', reg)?.message).toBe('%0A');
  });
  it('trims leading whitespace, matches names case-insensitively, ignores unknown names', () => {
    expect(parseCommandLine('  ::WARNING::w', reg)?.command).toBe('warning');
    expect(parseCommandLine('::frobnicate::x', reg)).toBeNull();
    expect(parseCommandLine('text ::error::x', reg)).toBeNull();
    expect(parseCommandLine('::error', reg)).toBeNull();
  });
  it('parses the legacy ##[name props]data form anywhere in a line', () => {
    expect(parseCommandLine('prefix ##[warning file=a.ts;line=2]careful%5D', reg)).toEqual({
      command: 'warning',
      properties: { file: 'a.ts', line: '2' },
      message: 'careful]',
    });
  });
});

describe('SecretMasker', () => {
  it('masks the whole value and each trimmed line of it, merging overlaps', () => {
    const m = new SecretMasker();
    expect(m.addMask('  line-one  \nline-two')).toBe(true);
    expect(m.mask('a line-one b line-two c')).toBe('a *** b *** c');
    expect(m.mask('x  line-one  \nline-two y')).toBe('x*** y'); // the whole value, leading spaces included
    expect(m.addMask('   ')).toBe(false);
  });
  it('masks base64, JSON and URI encodings', () => {
    const m = new SecretMasker();
    m.addMask('p@ss"word/1');
    expect(m.mask(Buffer.from('p@ss"word/1').toString('base64'))).toBe('***');
    expect(m.mask(JSON.stringify({ v: 'p@ss"word/1' }))).toBe('{"v":"***"}');
    expect(m.mask(`https://x.test/?q=${encodeURIComponent('p@ss"word/1')}`)).toBe('https://x.test/?q=***');
  });
});

describe('LineSplitter', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, across chunk boundaries', () => {
    const got: string[] = [];
    const s = new LineSplitter((l) => got.push(l));
    for (const chunk of ['a\r', '\nb\rc', '\n\n', 'é'.slice(0, 1), 'tail\r']) s.write(Buffer.from(chunk));
    s.end();
    expect(got).toEqual(['a', 'b', 'c', '', 'étail']);
  });
  it('does not split a multi-byte character across chunks', () => {
    const got: string[] = [];
    const s = new LineSplitter((l) => got.push(l));
    const bytes = Buffer.from('€\n');
    s.write(bytes.subarray(0, 1));
    s.write(bytes.subarray(1));
    s.end();
    expect(got).toEqual(['€']);
  });
});

describe('readActionInputs', () => {
  it('reads names, defaults as written and required from the fixture', () => {
    expect(readActionInputs(fixture)).toEqual({
      mode: { default: 'ok' },
      'service-token-id': { required: true },
      ttl: { default: '1h' },
      'export-env': { default: 'true', required: false },
      'unquoted-bool': { default: 'true' },
      version: { default: '1.10' },
      'my input': { default: 'spaced' },
      secret: {},
    });
  });
  it('reads the real action.yml', () => {
    const inputs = readActionInputs(repoRoot);
    expect(inputs['org']).toEqual({ required: false }); // env PLANETSCALE_ORG stands in for it
    expect(inputs['database-url-env']?.default).toBe('DATABASE_URL');
    expect(inputs['minting-token-id']).toEqual({ required: false });
    expect(inputs['service-token-id']).toBeUndefined(); // an output's name, not an input's
    expect(inputs['ttl']?.default).toBe('1h');
    expect(inputs['export-env']?.default).toBe('true');
    expect(inputs['api-url']?.default).toBe('https://api.planetscale.com');
  });
  it('names the env variables as the runner does', () => {
    expect(inputEnvName('service-token-id')).toBe('INPUT_SERVICE-TOKEN-ID');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });
});

describe('runStep', () => {
  it('starts `<node> <absolute runs.main>` in the workspace with a clean env', async () => {
    const workspace = tempDir('harness-ws-');
    process.env['HARNESS_LEAK_CHECK'] = 'must not reach the action';
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'env' }, workspace });
    delete process.env['HARNESS_LEAK_CHECK'];
    expect(r.exitCode).toBe(0);
    const line = (prefix: string) => r.lines.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? '';
    const env = JSON.parse(line('env=')) as Record<string, string>;
    expect(line('cwd=')).toBe(workspace);
    expect(JSON.parse(line('argv='))).toEqual([process.execPath, path.join(fixture, 'main.mjs')]);
    expect(line('execPath=')).toBe(process.execPath);
    expect(line('version=')).toMatch(/^v24\./);

    const fileCommandVars = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'];
    const expectedKeys = [
      'PATH',
      'HOME',
      ...Object.keys(HARNESS_GITHUB_ENV),
      'GITHUB_WORKSPACE',
      'RUNNER_TEMP',
      ...fileCommandVars,
      ...Object.keys(readActionInputs(fixture)).map(inputEnvName),
    ].filter((k) => k !== 'HOME' || process.env['HOME'] !== undefined);
    expect(Object.keys(env).sort()).toEqual(expectedKeys.sort());
    expect(env).toMatchObject(HARNESS_GITHUB_ENV);
    expect(env['GITHUB_SHA']).toMatch(/^[0-9a-f]{40}$/);
    expect(env['GITHUB_WORKSPACE']).toBe(workspace);
    expect(env['PATH']).toBe(process.env['PATH']);
    expect(env).not.toHaveProperty('GITHUB_ACTION_PATH');
    expect(env).not.toHaveProperty('RUNNER_DEBUG');
    expect(env).not.toHaveProperty('HARNESS_LEAK_CHECK');
    for (const v of fileCommandVars) {
      expect(path.dirname(env[v] ?? '')).toBe(path.join(env['RUNNER_TEMP'] ?? '', '_runner_file_commands'));
    }
    expect(r.processEnv).toEqual(env);
  });

  it('passes every declared input: given, else the default as written, else ""; hyphens kept', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, TTL: '2h' } });
    const inputs = JSON.parse(r.lines[0]?.slice('inputs='.length) ?? '') as Record<string, string>;
    expect(inputs).toEqual({
      'INPUT_EXPORT-ENV': 'true',
      INPUT_MODE: 'ok',
      INPUT_MY_INPUT: 'spaced',
      INPUT_SECRET: SECRET,
      'INPUT_SERVICE-TOKEN-ID': 'tok-id-1',
      INPUT_TTL: '2h',
      'INPUT_UNQUOTED-BOOL': 'true',
      INPUT_VERSION: '1.10',
    });
    expect(r.warnings).toEqual(['careful']);
  });

  it('passes an input missing from action.yml too, with the runner warning', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { mode: 'env', 'servce-token-id': 'typo' } });
    expect(r.processEnv['INPUT_SERVCE-TOKEN-ID']).toBe('typo');
    expect(r.processEnv['INPUT_SERVICE-TOKEN-ID']).toBe('');
    expect(r.warnings[0]).toMatch(/^Unexpected input\(s\) 'servce-token-id', valid inputs are \['mode', 'service-token-id'/);
  });

  it('applies options.env over the runner variables, turns on debug, and can remove a variable', async () => {
    const r = await runStep({
      actionDir: fixture,
      step: 'main',
      inputs: baseInputs,
      debug: true,
      env: { GITHUB_RUN_ID: '42', PLANETSCALE_SERVICE_TOKEN: 'job-env', CI: undefined },
    });
    expect(r.processEnv['GITHUB_RUN_ID']).toBe('42');
    expect(r.processEnv['PLANETSCALE_SERVICE_TOKEN']).toBe('job-env');
    expect(r.processEnv['RUNNER_DEBUG']).toBe('1');
    expect(r.processEnv).not.toHaveProperty('CI');
    expect(r.maskedLog).toContain('##[debug]details');
    // with step debug the runner echoes commands that do not omit echo
    expect(r.maskedLog).toContain('::group::Group title');
  });

  it('with debug, logs the values taken from GITHUB_ENV, GITHUB_STATE and GITHUB_OUTPUT as the runner does, masked', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: baseInputs, debug: true });
    expect(r.exitCode).toBe(0);
    const tail = r.maskedLog.split('\n').slice(-6);
    expect(tail).toEqual([
      "##[debug]FROM_MAIN='hello from main'",
      '##[debug]Save intra-action state token-id = tok_123',
      '##[debug]Save intra-action state Mixed-Case = kept',
      // The secret was masked during the step, so the runner's line shows *** for it.
      '##[debug]Set output token = multi',
      'line ***',
      '##[debug]Set output simple = a=b',
    ]);
    const quiet = await runStep({ actionDir: fixture, step: 'main', inputs: baseInputs });
    expect(quiet.maskedLog).not.toMatch(/Save intra-action state|Set output|FROM_MAIN=/);
  });

  it('parses workflow commands, file commands and masks as the runner does', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: baseInputs });
    expect(r.exitCode).toBe(0);
    expect(r.failed).toBe(false);
    expect(r.errors).toEqual(['bad\nthing 100%']);
    expect(r.warnings).toEqual(['careful']);
    expect(r.notices).toEqual(['fyi']);
    expect(r.debugs).toEqual(['details']);
    expect(r.masks).toEqual([SECRET]);
    const error = r.commands.find((c) => c.command === 'error');
    expect(error?.properties).toEqual({ file: 'src/a.ts', line: '3', title: 'A:B,C' });
    expect(r.lines[error?.line ?? -1]).toMatch(/^::error /);
    expect(r.commands.map((c) => c.command)).not.toContain('unknown-command');

    expect(r.outputs).toEqual({ token: `multi\nline ${SECRET}`, simple: 'a=b' });
    expect(r.state).toEqual({ 'token-id': 'tok_123', 'Mixed-Case': 'kept' });
    expect(r.env).toEqual({ FROM_MAIN: 'hello from main' });
    expect(r.path).toEqual(['/opt/fixture/bin']);
    expect(r.files.summary).toBe(`# Summary\nsecret: ${SECRET}\n`);
    expect(r.summary).toBe('# Summary\nsecret: ***\n');

    // maskedLog: lines before the ::add-mask:: keep the value, later ones do not; the command line itself never shows
    const log = r.maskedLog.split('\n');
    expect(log).toContain(`before mask: ${SECRET}`);
    expect(log).toContain('after mask: ***');
    expect(r.maskedLog).not.toContain('::add-mask::');
    expect(r.maskedLog.indexOf(SECRET)).toBeLessThan(r.maskedLog.indexOf('after mask'));
    expect(log).toEqual(
      expect.arrayContaining(['##[error]bad', 'thing 100%', '##[warning]careful', '##[notice]fyi', '##[group]Group title', '##[endgroup]']),
    );
    expect(r.maskedLog).not.toContain('details'); // ::debug:: only shows with step debug
    expect(log).toContain('::unknown-command::stays a plain line');
    // lines are raw
    expect(r.lines).toContain(`after mask: ${SECRET}`);
  });

  it('applies a mask registered on stderr to later stdout lines', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'stderr-mask' } });
    expect(r.stderr).toContain('::add-mask::');
    expect(r.masks).toEqual([SECRET]);
    expect(r.maskedLog).toBe('stdout after stderr mask: ***');
  });

  it('fails the step on a malformed GITHUB_OUTPUT, keeping the pairs before it and the other files', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'bad-output' } });
    expect(r.processExitCode).toBe(0);
    expect(r.exitCode).toBe(1);
    expect(r.failed).toBe(true);
    expect(r.outputs).toEqual({ good: '1' });
    expect(r.state).toEqual({ kept: 'yes' });
    expect(r.errors).toEqual([
      "Unable to process file command 'output' successfully.",
      "Invalid value. Matching delimiter not found 'EOF'",
    ]);
    expect(r.maskedLog).toContain("##[error]Unable to process file command 'output' successfully.");
  });

  it('refuses NODE_OPTIONS in GITHUB_ENV and fails the step', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'node-options' } });
    expect(r.env).toEqual({ OTHER: 'fine' });
    expect(r.errors).toEqual(["Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."]);
    expect(r.exitCode).toBe(1);
  });

  it('fails the step when the summary is over 1 MiB', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'big-summary' } });
    expect(r.exitCode).toBe(1);
    expect(r.summary).toBe('');
    expect(r.errors[0]).toMatch(/^\$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1024k/);
  });

  it('kills the process group after timeoutMs', async () => {
    const r = await runStep({ actionDir: fixture, step: 'main', inputs: { ...baseInputs, mode: 'ignore-all' }, timeoutMs: 800 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(r.exitCode).toBeNull();
    expect(r.errors.at(-1)).toMatch(/timeoutMs \(800 ms\)/);
  });

  it('escalates SIGINT → SIGTERM → kill with custom graceMs', async () => {
    const r = await runStep({
      actionDir: fixture,
      step: 'main',
      inputs: { ...baseInputs, mode: 'ignore-all' },
      signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: /^waiting$/ },
      // Room for a busy machine to deliver each signal and print before the next comes.
      graceMs: { sigterm: 2_000, kill: 2_000 },
    });
    expect(r.cancelled).toBe(true);
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    expect(r.lines).toEqual(['waiting', 'got SIGINT, ignoring it', 'got SIGTERM, ignoring it']);
    expect(r.signal).toBe('SIGKILL');
    expect(r.exitCode).toBeNull();
    expect(r.failed).toBe(true);
  });

  it('sends SIGTERM 7.5 s after an ignored SIGINT (runner timings)', async () => {
    const r = await runStep({
      actionDir: fixture,
      step: 'main',
      inputs: { ...baseInputs, mode: 'ignore-sigint' },
      signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: /^waiting$/ },
      timeoutMs: 20_000,
    });
    expect(r.signalsSent.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM']);
    const [sigint, sigterm] = r.signalsSent;
    const gap = (sigterm?.atMs ?? 0) - (sigint?.atMs ?? 0);
    expect(gap).toBeGreaterThanOrEqual(7_490);
    // Well short of the kill at 10 s, with room for a busy machine's late timer.
    expect(gap).toBeLessThan(9_900);
    expect(r.lines).toEqual(['waiting', 'got SIGINT, ignoring it', 'got SIGTERM, exiting']);
    expect(r.exitCode).toBe(143);
  }, 25_000);

  it('refuses to run a missing entry point', async () => {
    const dir = tempDir('harness-action-');
    fs.writeFileSync(path.join(dir, 'action.yml'), 'name: x\nruns:\n  using: node24\n  main: dist/main/index.js\n');
    await expect(runStep({ actionDir: dir, step: 'main' })).rejects.toThrow(/does not exist/);
    await expect(runStep({ actionDir: dir, step: 'post' })).rejects.toThrow(/no runs.post/);
  });
});

describe('runUses', () => {
  it('runs the mains in order, then the posts in reverse, each post seeing the GITHUB_ENV of the posts before it', async () => {
    const r = await runUses({
      actionDir: fixture,
      uses: [
        { inputs: { ...baseInputs, ttl: 'first' } },
        { inputs: (env) => ({ ...baseInputs, ttl: `second after ${env['FROM_POST'] ?? 'nothing'}` }) },
      ],
    });
    expect(r.mains.map((m) => m.exitCode)).toEqual([0, 0]);
    expect(r.postOrder).toEqual([1, 0]);
    // The second use's post ran first: no post before it; its inputs were evaluated again.
    expect(r.posts[1]!.lines).toContain('post FROM_POST=<unset>');
    expect(r.posts[1]!.processEnv['INPUT_TTL']).toBe('second after nothing');
    // The first use's post sees what the second's wrote, and main's GITHUB_ENV and state.
    expect(r.posts[0]!.lines).toContain('post FROM_POST=second after nothing');
    expect(r.posts[0]!.lines).toContain('post FROM_MAIN=hello from main');
    expect(r.posts[0]!.processEnv['STATE_token-id']).toBe('tok_123');
    expect(r.env['FROM_POST']).toBe('first');
    expect(r.posts[0]!.maskedLog).not.toContain(SECRET);
  });
});

describe('runJob', () => {
  it('carries state, GITHUB_ENV, GITHUB_PATH, inputs and masks from main to post', async () => {
    const { main, post, masks } = await runJob({ actionDir: fixture, inputs: baseInputs, env: { JOB_LEVEL: 'j' } });
    expect(main.exitCode).toBe(0);
    expect(post).toBeDefined();
    if (!post) return;
    expect(post.exitCode).toBe(0);
    expect(post.processEnv['STATE_token-id']).toBe('tok_123');
    expect(post.processEnv['STATE_Mixed-Case']).toBe('kept');
    expect(post.lines).toContain('post state={"STATE_Mixed-Case":"kept","STATE_token-id":"tok_123"}');
    expect(post.lines).toContain('post FROM_MAIN=hello from main');
    expect(post.processEnv['JOB_LEVEL']).toBe('j');
    expect(post.processEnv['PATH']).toBe(`/opt/fixture/bin${path.delimiter}${process.env['PATH']}`);
    expect(post.processEnv['INPUT_SECRET']).toBe(SECRET);
    expect(post.processEnv['INPUT_TTL']).toBe('1h');
    // post gets fresh file-command files
    expect(post.processEnv['GITHUB_OUTPUT']).not.toBe(main.processEnv['GITHUB_OUTPUT']);
    expect(post.processEnv['RUNNER_TEMP']).toBe(main.processEnv['RUNNER_TEMP']);
    expect(post.outputs).toEqual({});
    // main's mask applies to post's log from its first line
    expect(post.lines).toContain(`post secret: ${SECRET}`);
    expect(post.maskedLog).toContain('post secret: ***');
    expect(post.maskedLog).not.toContain(SECRET);
    expect(post.masks).toEqual([]);
    expect(masks).toEqual([SECRET]);
  });

  it('uses postInputs for post when given', async () => {
    const { post } = await runJob({ actionDir: fixture, inputs: baseInputs, postInputs: { ...baseInputs, ttl: '5m' } });
    expect(post?.processEnv['INPUT_TTL']).toBe('5m');
  });

  it('runs post after a failed main', async () => {
    const { main, post } = await runJob({ actionDir: fixture, inputs: { ...baseInputs, mode: 'fail' } });
    expect(main.exitCode).toBe(3);
    expect(main.failed).toBe(true);
    expect(main.lines).toContain('main failing on purpose');
    expect(post?.exitCode).toBe(0);
    expect(post?.processEnv['STATE_token-id']).toBe('tok_123');
  });

  it('runs post after a cancelled main, with the state main wrote while cancelling', async () => {
    const { main, post } = await runJob({
      actionDir: fixture,
      inputs: { ...baseInputs, mode: 'sigint-graceful' },
      signalAfterMs: { signal: 'SIGINT', afterMs: 0, after: /^waiting$/ },
    });
    expect(main.cancelled).toBe(true);
    expect(main.exitCode).toBe(130);
    expect(main.signalsSent.map((s) => s.signal)).toEqual(['SIGINT']);
    expect(main.state).toEqual({ started: 'yes', cancelled: 'yes' });
    expect(post?.processEnv['STATE_cancelled']).toBe('yes');
    expect(post?.maskedLog).toContain('post secret: ***');
  });

  it('skips post when asked', async () => {
    const { post } = await runJob({ actionDir: fixture, inputs: baseInputs, skipPost: true });
    expect(post).toBeUndefined();
  });
});
