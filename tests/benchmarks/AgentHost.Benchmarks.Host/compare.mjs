#!/usr/bin/env node
// compare.mjs — prints the side-by-side markdown table of one run-peer-comparison.sh sitting.
//
//   node compare.mjs <dir>     # <dir> holds peer.json, agenthost.json and optionally agenthost-sse.json,
//                              # agenthost-memory.json, agenthost-model20ms.json, agenthost-tools200.json (bench.mjs --out documents)
//
// Ratios are AgentHost / peer, with the target next to each, for the main run (SQLite store) and, when present, the
// in-memory run: the machine is shared, so only ratios measured in the same sitting mean anything. A level whose other tenants used more than 0.15 cores is marked with *.
// The targets (issue 24): host CPU per request <= 1/6 of the peer's, c=32 throughput >= 4x, c=32 p99 <= 1/3, cold start
// to healthy <= 1/10, RSS at ready <= 1/3, first invocation <= 1/2.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.';
const load = (name) => {
  const file = path.join(dir, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};
const peer = load('peer');
const host = load('agenthost');
if (!peer || !host) {
  console.error(`compare: ${dir} needs peer.json and agenthost.json`);
  process.exit(1);
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
const level = (doc, c) => doc?.levels?.find((l) => l.concurrency === c);
const mark = (l) => (l && l.foreignBusyCores > 0.15 ? '*' : '');
const cold = (doc) => median(doc.coldStart.runs.map((r) => r.coldStartMs));
const first = (doc) => median(doc.coldStart.runs.map((r) => r.firstInvocationMs));
const rssReady = (doc) => median(doc.coldStart.runs.map((r) => r.rssAtReadyMb));
const cpuAll = (doc) => median((doc.levels ?? []).map((l) => l.cpuMsPerRequest?.host));

// Each row: the peer, then every AgentHost configuration in the comparison with its ratio and, for the six targets, the
// verdict. The main configuration stores every turn (SQLite); the in-memory store is stateless like the peer's scenario
// ("one fresh agent per request"), so the targets are judged for both.
const memory = load('agenthost-memory');
const hosts = [['AgentHost (SQLite store)', host], ...(memory ? [['AgentHost (in-memory store)', memory]] : [])];
const rows = [];
const targets = hosts.map(() => []);
function verdictOf(ratio, better, target) {
  if (!target || ratio === undefined) return { text: '' };
  const met = better === 'lower' ? ratio <= target : ratio >= target;
  return { met, text: `${better === 'lower' ? '≤' : '≥'} ${target < 1 ? `1/${Math.round(1 / target)}` : `${target}x`}: ${met ? 'met' : 'MISSED'}` };
}
function row(metric, pick, better, target) {
  const p = pick(peer);
  const cells = [`${fmt(p?.v, p?.d ?? 1)}${p?.m ?? ''}`];
  hosts.forEach(([, doc], i) => {
    const h = pick(doc);
    const ratio = p?.v && h?.v !== undefined ? h.v / p.v : undefined;
    const verdict = verdictOf(ratio, better, target);
    if (verdict.met !== undefined) targets[i].push({ metric, ratio, met: verdict.met });
    cells.push(`${fmt(h?.v, h?.d ?? 1)}${h?.m ?? ''}`, fmt(ratio, 2), verdict.text);
  });
  rows.push(`| ${metric} | ${cells.join(' | ')} |`);
}
const val = (v, d = 1, m = '') => ({ v, d, m });
const atLevel = (c, f, d) => (doc) => {
  const l = level(doc, c);
  return l ? val(f(l), d, mark(l)) : undefined;
};

row('cold start to healthy /ping, ms (median)', (d) => val(cold(d)), 'lower', 1 / 10);
row('first invocation, ms (median)', (d) => val(first(d), 2), 'lower', 1 / 2);
for (const c of [1, 8, 32]) {
  if (!level(peer, c) || !level(host, c)) continue;
  row(`c=${c} p50 ms`, atLevel(c, (l) => l.latencyMs.p50, 2), 'lower');
  row(`c=${c} p95 ms`, atLevel(c, (l) => l.latencyMs.p95, 2), 'lower');
  row(`c=${c} p99 ms`, atLevel(c, (l) => l.latencyMs.p99, 2), 'lower', c === 32 ? 1 / 3 : undefined);
  row(`c=${c} throughput rps`, atLevel(c, (l) => l.throughputRps, 1), 'higher', c === 32 ? 4 : undefined);
  row(`c=${c} host CPU ms/request`, atLevel(c, (l) => l.cpuMsPerRequest.host, 3), 'lower');
}
row('host CPU ms/request (median of levels)', (d) => val(cpuAll(d), 3), 'lower', 1 / 6);
row('RSS at ready, MB (median)', (d) => val(rssReady(d)), 'lower', 1 / 3);
row('RSS peak (VmHWM), MB', (d) => val(d.hostRssPeakMb), 'lower');

const env = host.environment ?? {};
const out = [];
const meta = path.join(dir, 'meta.txt');
if (fs.existsSync(meta)) out.push(fs.readFileSync(meta, 'utf8').trim());
out.push(`Run ${host.startedAt ?? ''} on ${env.cpus} vCPU ${env.cpuModel}, ${env.totalMemMb} MB, ${env.platform}; ` +
  `peer ${peer.host?.command} (Node ${peer.environment?.benchNode}), AgentHost ${host.host?.command}; ` +
  `${host.config.requests} requests per level, ${host.config.coldStarts} cold starts, mode ${host.config.mode}.`);
out.push('');
out.push(`| metric | Strands TS peer | ${hosts.map(([label]) => `${label} | ratio | target`).join(' | ')} |`);
out.push(`|---|---|${hosts.map(() => '---|---|---|').join('')}`);
out.push(...rows);
out.push('');
out.push('`*` = other tenants of the machine used more than 0.15 cores during that level (contaminated). ' +
  `Errors: peer ${peer.totalErrors}, AgentHost ${host.totalErrors}.`);

// AgentHost alone: SSE streaming, 20 ms model latency, 200-tool catalog.
const variants = [['agenthost', 'JSON, 10 tools'], ['agenthost-memory', 'in-memory store (stateless, like the peer)'], ['agenthost-sse', 'SSE streaming'], ['agenthost-model20ms', 'model latency 20 ms per turn'], ['agenthost-tools200', '200-tool catalog']];
const alone = variants.map(([name, label]) => [label, load(name)]).filter(([, d]) => d);
if (alone.length > 1) {
  out.push('');
  out.push('AgentHost alone (same sitting):');
  out.push('');
  out.push('| variant | cold start ms | first inv. ms | RSS ready MB | c | p50 | p95 | p99 | ttfb p50 | rps | host CPU ms/req | RSS peak MB | errors |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [label, d] of alone) {
    for (const l of d.levels ?? []) {
      out.push(`| ${label} | ${fmt(cold(d))} | ${fmt(first(d), 2)} | ${fmt(rssReady(d))} | ${l.concurrency}${mark(l)} | ${fmt(l.latencyMs.p50, 2)} | ${fmt(l.latencyMs.p95, 2)} | ${fmt(l.latencyMs.p99, 2)} | ${fmt(l.ttfbMs?.p50, 2)} | ${fmt(l.throughputRps)} | ${fmt(l.cpuMsPerRequest.host, 3)} | ${fmt(d.hostRssPeakMb)} | ${l.errors} |`);
    }
  }
}
out.push('');
hosts.forEach(([label], i) => {
  const t = targets[i];
  out.push(`Targets, ${label}: ${t.filter((x) => x.met).length}/${t.length} met` +
    (t.some((x) => !x.met) ? ` (missed: ${t.filter((x) => !x.met).map((x) => `${x.metric} ratio ${fmt(x.ratio, 2)}`).join('; ')})` : '') + '.');
});
const text = out.join('\n');
fs.writeFileSync(path.join(dir, 'summary.md'), text + '\n');
console.log(text);
