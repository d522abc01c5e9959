#!/usr/bin/env node
// interleave.mjs — compares builds of the host A/B/A/B on a shared machine: each round runs bench.mjs once per build, in
// turn, so a slow minute of the machine hits every build alike. Prints per build the medians over rounds of: cold start to
// healthy /ping (wall ms), host CPU ms from spawn through the first two invocations, RSS at ready, first invocation, and,
// per concurrency level, host CPU ms per request and throughput. CPU ms move less with the neighbours' load than wall ms.
//
//   node interleave.mjs --harness .tools/strands-bench --rounds 4 --out artifacts/bench/ab \
//     --build aot=artifacts/bench/aot/AgentHost.Benchmarks.Host --build r2r=/tmp/r2r/AgentHost.Benchmarks.Host \
//     [--env "memory=AGENTHOST_STORE=memory"] [--requests 600] [--concurrency 8] [--cold-starts 3]
//
// Every bench.mjs run is bounded (--max-seconds); all traffic is on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const builds = args.flatMap((a, i) => (a === '--build' ? [args[i + 1]] : [])).map((b) => {
  const at = b.indexOf('=');
  return { name: b.slice(0, at), cmd: b.slice(at + 1) };
});
const harness = path.resolve(opt('--harness', '.tools/strands-bench'));
const rounds = +opt('--rounds', '4');
const out = path.resolve(opt('--out', `artifacts/bench/ab-${new Date().toISOString().replace(/[:.]/g, '')}`));
const env = opt('--env', '');
const common = ['--requests', opt('--requests', '600'), '--concurrency', opt('--concurrency', '8'), '--cold-starts', opt('--cold-starts', '3'),
  '--warmup', opt('--warmup', '100'), '--max-seconds', opt('--max-seconds', '180'), '--port', opt('--port', '18180'), '--mcp-port', opt('--mcp-port', '18765')];
if (builds.length < 2) {
  console.error('interleave: give at least two --build name=command');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

const docs = Object.fromEntries(builds.map((b) => [b.name, []]));
for (let r = 0; r < rounds; r++) {
  for (const b of r % 2 ? [...builds].reverse() : builds) {
    const file = path.join(out, `${b.name}-${r}.json`);
    const cmd = env ? `env ${env} ${b.cmd}` : b.cmd;
    const run = spawnSync(process.execPath, ['bench.mjs', ...common, '--agent-cmd', cmd, '--log-dir', path.join(out, 'logs', `${b.name}-${r}`), '--out', file],
      { cwd: harness, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0 || !fs.existsSync(file)) {
      console.error(`round ${r} ${b.name}: bench.mjs failed (${run.status}): ${run.stderr.split('\n').slice(-5).join(' | ')}`);
      continue;
    }
    docs[b.name].push(JSON.parse(fs.readFileSync(file, 'utf8')));
    console.error(`round ${r} ${b.name}: done`);
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 1) => (x === undefined ? '–' : x.toFixed(d));
const cold = (d, f) => d.flatMap((doc) => doc.coldStart.runs.map(f));
const levels = [...new Set(Object.values(docs).flat().flatMap((d) => d.levels.map((l) => l.concurrency)))].sort((a, b) => a - b);
const lines = [];
lines.push(`Interleaved A/B: ${rounds} rounds x ${builds.map((b) => b.name).join(', ')}; ${common.join(' ')}${env ? `; env ${env}` : ''}`);
lines.push('');
lines.push(`| build | runs | cold start ms | host CPU ms to 2nd inv. | RSS at ready MB | first inv. ms | ${levels.map((c) => `c=${c} CPU ms/req | c=${c} rps | c=${c} p99 ms`).join(' | ')} | foreign cores |`);
lines.push(`|---|---|---|---|---|---|${levels.map(() => '---|---|---|').join('')}---|`);
for (const b of builds) {
  const d = docs[b.name];
  const lv = (c, f) => median(d.map((doc) => doc.levels.find((l) => l.concurrency === c)).filter(Boolean).map(f));
  lines.push(`| ${b.name} | ${d.length} | ${fmt(median(cold(d, (r) => r.coldStartMs)))} | ${fmt(median(cold(d, (r) => r.hostCpuMsThroughFirstInvocations)), 0)} | ` +
    `${fmt(median(cold(d, (r) => r.rssAtReadyMb)))} | ${fmt(median(cold(d, (r) => r.firstInvocationMs)), 2)} | ` +
    `${levels.map((c) => `${fmt(lv(c, (l) => l.cpuMsPerRequest.host), 3)} | ${fmt(lv(c, (l) => l.throughputRps), 0)} | ${fmt(lv(c, (l) => l.latencyMs.p99), 2)}`).join(' | ')} | ` +
    `${fmt(median(d.flatMap((doc) => doc.levels.map((l) => l.foreignBusyCores))), 2)} |`);
}
const text = lines.join('\n');
fs.writeFileSync(path.join(out, 'summary.md'), text + '\n');
console.log(text);
