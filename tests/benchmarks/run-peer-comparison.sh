#!/usr/bin/env bash
# run-peer-comparison.sh — AgentHost vs the Strands Agents TypeScript peer (tests/benchmarks/strands-peer), one sitting.
#
#   tests/benchmarks/run-peer-comparison.sh            # the full comparison (bounded: every run has --max-seconds)
#   QUICK=1 tests/benchmarks/run-peer-comparison.sh    # a smoke run (200 requests per level, 1 cold start)
#
# Needs only a clone of the repository (and the registries): what it runs, it installs.
# What it does, all on 127.0.0.1:
#   0. installs the Native AOT toolchain (tests/setup/native-aot-toolchain.sh: clang, lld, zlib1g-dev from Debian);
#   1. installs Node 22 from the npm registry into .tools/node22 (the peer SDK declares node>=22) and copies the peer
#      harness (tests/benchmarks/strands-peer: bench.mjs, mcp-server.mjs, scenario.mjs, scripted-model.mjs, agent-host.mjs)
#      into .tools/strands-bench with its npm dependencies; a second copy, .tools/strands-bench-200, serves a 200-tool
#      catalog (AgentHost.Benchmarks.Host/fixtures/scenario-200.mjs);
#   2. publishes tests/benchmarks/AgentHost.Benchmarks.Host once in Release the way the Dockerfile publishes the server
#      (Native AOT; linux-x64 here instead of linux-arm64);
#   3. runs bench.mjs for the peer, then for AgentHost with the same flags, then AgentHost alone with SSE streaming, with a
#      20 ms model latency and with the 200-tool catalog;
#   4. prints the side-by-side table with ratios and the targets judged, for the SQLite and the in-memory store
#      (AgentHost.Benchmarks.Host/compare.mjs; also written to summary.md).
# Results (bench.mjs JSON documents, logs, summary.md) go to artifacts/bench/<UTC time>/ (gitignored).
# Duration: ~12 minutes on a quiet 2-vCPU machine (the --wait-quiet pauses dominate on a busy one); every run stops itself
# at MAX_SECONDS and is killed at MAX_SECONDS + 300 s, so the whole script is bounded by 5 x (MAX_SECONDS + 330) s.
#
# Environment: REQUESTS (2000), CONCURRENCY (1,8,32), COLD_STARTS (5: the median of five resists one slow start, e.g. the first after a publish), WARMUP (200), MAX_SECONDS per run (600),
# WAIT_QUIET seconds before each phase (30), LEVEL_ATTEMPTS (2), VARIANTS ("memory sse model20ms tools200"; empty = none),
# AOT (1; 0 publishes framework-dependent, JIT-compiled), HOST_CPUS (pin the hosts with taskset, e.g. "1"),
# PORT / MCP_PORT (the host's and the MCP server's loopback ports; bench.mjs defaults 8080 / 8765),
# AGENTHOST_STRANDS_PEER_SOURCE (where the harness is copied from; default tests/benchmarks/strands-peer).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peer_src="${AGENTHOST_STRANDS_PEER_SOURCE:-$root/tests/benchmarks/strands-peer}"
tools="$root/.tools"
bench_project="$root/tests/benchmarks/AgentHost.Benchmarks.Host"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/artifacts/bench/$stamp"
publish="$root/artifacts/bench/host"

if [ "${QUICK:-0}" = "1" ]; then
  : "${REQUESTS:=200}" "${COLD_STARTS:=1}" "${WARMUP:=50}" "${MAX_SECONDS:=120}" "${WAIT_QUIET:=0}" "${LEVEL_ATTEMPTS:=1}"
fi
requests="${REQUESTS:-2000}"
concurrency="${CONCURRENCY:-1,8,32}"
cold_starts="${COLD_STARTS:-5}"
warmup="${WARMUP:-200}"
max_seconds="${MAX_SECONDS:-600}"
wait_quiet="${WAIT_QUIET:-30}"
level_attempts="${LEVEL_ATTEMPTS:-2}"
variants="${VARIANTS-memory sse model20ms tools200}"

log() { printf '[run-peer-comparison] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- 0. the AOT toolchain, 1. Node 22 and the harness
mkdir -p "$root/artifacts/bench"
if [ "${AOT:-1}" = "1" ]; then bash "$root/tests/setup/native-aot-toolchain.sh" >&2; fi
# shellcheck source=peer-harness.sh
source "$root/tests/benchmarks/peer-harness.sh"
install_peer_harness

# The 200-tool copy: same harness, scenario.mjs replaced by the fixture (which re-exports the original as scenario-base.mjs).
harness200="$tools/strands-bench-200"
mkdir -p "$harness200"
for f in bench.mjs mcp-server.mjs scripted-model.mjs agent-host.mjs package.json; do cp "$harness/$f" "$harness200/$f"; done
cp "$harness/scenario.mjs" "$harness200/scenario-base.mjs"
cp "$bench_project/fixtures/scenario-200.mjs" "$harness200/scenario.mjs"
ln -sfn "$harness/node_modules" "$harness200/node_modules"

# ---------------------------------------------------------------- 2. publish AgentHost once
# The same publish options as the Dockerfile's `dotnet publish` (tests/AgentHost.Deploy.Tests checks those).
aot_flags=(-r linux-x64 -p:PublishAot=true)
publish_flags=()
if [ "${AOT:-1}" = "1" ]; then publish_flags=("${aot_flags[@]}"); fi
log "publishing $bench_project (Release ${publish_flags[*]:-framework-dependent, JIT}); the native compilation takes a few minutes"
rm -rf "$publish"
if ! dotnet publish "$bench_project" -c Release "${publish_flags[@]}" -o "$publish" -v quiet -nologo >"$root/artifacts/bench/publish.log" 2>&1; then
  cat "$root/artifacts/bench/publish.log" >&2
  log "publish failed (log above and in artifacts/bench/publish.log)"
  exit 1
fi
if [ -x "$publish/AgentHost.Benchmarks.Host" ]; then
  agenthost_cmd="$publish/AgentHost.Benchmarks.Host"
else
  agenthost_cmd="dotnet $publish/AgentHost.Benchmarks.Host.dll"
fi
log "AgentHost: $agenthost_cmd ($(du -sh "$publish" | cut -f1) published)"

# ---------------------------------------------------------------- 3. the runs, one after the other
mkdir -p "$out"
# What the README table's heading needs (compare.mjs prints it first).
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
printf 'Commit %s; AgentHost published %s; load average at the start %s (1, 5, 15 min).\n' \
  "$commit" "${publish_flags[*]:-framework-dependent (JIT)}" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$out/meta.txt"
common=(--requests "$requests" --concurrency "$concurrency" --cold-starts "$cold_starts" --warmup "$warmup"
        --max-seconds "$max_seconds" --wait-quiet "$wait_quiet" --level-attempts "$level_attempts")
if [ -n "${HOST_CPUS:-}" ]; then common+=(--host-cpus "$HOST_CPUS"); fi
if [ -n "${PORT:-}" ]; then common+=(--port "$PORT"); fi
if [ -n "${MCP_PORT:-}" ]; then common+=(--mcp-port "$MCP_PORT"); fi

run() { # run <name> <harness dir> [bench.mjs flags...]
  local name="$1" dir="$2"
  shift 2
  log "run $name: bench.mjs ${common[*]} $*"
  # bench.mjs stops itself at --max-seconds; the outer timeout is a backstop for a hung child.
  (cd "$dir" && timeout --kill-after=30 $((max_seconds + 300)) "$node" bench.mjs "${common[@]}" "$@" \
      --log-dir "$out/logs/$name" --out "$out/$name.json" >/dev/null 2>"$out/$name.progress.log") \
    || log "run $name failed (exit $?); see $out/$name.progress.log"
  grep -E 'cold start #|c=[0-9]+: [0-9]' "$out/$name.progress.log" | sed "s/^/  [$name] /" >&2 || true
}

run peer "$harness"
run agenthost "$harness" --agent-cmd "$agenthost_cmd"
for v in $variants; do
  case "$v" in
    memory) run agenthost-memory "$harness" --agent-cmd "env AGENTHOST_STORE=memory $agenthost_cmd" ;;
    sse) run agenthost-sse "$harness" --agent-cmd "$agenthost_cmd" --mode sse ;;
    model20ms) run agenthost-model20ms "$harness" --agent-cmd "$agenthost_cmd" --model-latency-ms 20 ;;
    tools200) run agenthost-tools200 "$harness200" --agent-cmd "$agenthost_cmd" ;;
    *) log "unknown variant $v (expected memory, sse, model20ms, tools200)" ;;
  esac
done

# ---------------------------------------------------------------- 4. the table
log "results in $out"
"$node" "$bench_project/compare.mjs" "$out"
