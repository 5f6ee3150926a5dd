// Preloaded into a step by bench/startup.ts (NODE_OPTIONS=--require): appends the process's CPU
// time (user and system, microseconds, since the process began) to BENCH_CPU_OUT as it exits.
'use strict';
const { appendFileSync } = process.getBuiltinModule('node:fs');

const out = process.env.BENCH_CPU_OUT;
if (out) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(out, `${JSON.stringify({ script: process.argv[1] ?? '-e', user, system })}\n`);
  });
}
