#!/usr/bin/env bash
# update-startup-profile.sh — regenerate the ReadyToRun start-up profile of the container publish.
#
#   tests/benchmarks/update-startup-profile.sh        # ~4 minutes; 127.0.0.1 only; stops by itself
#
# Why: the composite ReadyToRun image precompiles what crossgen2 can see statically. Generic instantiations it cannot see
# (above all the AsyncStateMachineBox<…> of every async method that suspends, in Kestrel, HttpClient and AgentHost) are
# JIT-compiled at full optimisation while the container starts. The profile lists them, so that crossgen2 precompiles them
# (ServerRuntime.props passes it as PublishReadyToRunPgoFiles). It names compiler-generated types (<SendAsync>d__9):
# regenerate it after changing code on the start-up or request path or after a runtime update. A stale entry is skipped by
# crossgen2 (it never breaks a build); the AgentHost.StartupProfile.Tests check how much of the profile still resolves.
#
# What it does:
#   1. publishes tests/benchmarks/AgentHost.Benchmarks.Host like the Dockerfile (self-contained, trimmed, composite
#      ReadyToRun), without the current profile (-p:AgentHostStartupProfile=false), to artifacts/startup-profile/publish;
#   2. runs it against the peer harness's MCP server, once with the in-memory store and once with SQLite, each time from
#      start-up through 20 JSON and 5 SSE invocations, with a perf map (DOTNET_PerfMapEnabled=3) and the JIT's own list
#      (DOTNET_JitDisasmSummary=1, DOTNET_JitStdOutFile);
#   3. writes the methods JIT-compiled in those runs to src/Applications/AgentHost.Server/StartupProfile/startup-methods.txt
#      and the profile to startup.mibc beside it (tests/benchmarks/AgentHost.StartupProfile), resolving the methods against
#      the trimmed IL the composite image is compiled from.
#
# Environment: PORT (8093) for the trained host, MCP_PORT (8767) for the peer's MCP server; AGENTHOST_STRANDS_PEER_SOURCE
# (../shared/peers/strands-ts) where the peer harness is.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peer_src="${AGENTHOST_STRANDS_PEER_SOURCE:-$root/../shared/peers/strands-ts}"
tools="$root/.tools"
work="$root/artifacts/startup-profile"
publish="$work/publish"
bench_project="$root/tests/benchmarks/AgentHost.Benchmarks.Host"
generator="$root/tests/benchmarks/AgentHost.StartupProfile"
target="$root/src/Applications/AgentHost.Server/StartupProfile"
port="${PORT:-8093}"
mcp_port="${MCP_PORT:-8767}"

log() { printf '[update-startup-profile] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- Node 22 and the peer's MCP server
# shellcheck source=peer-harness.sh
source "$root/tests/benchmarks/peer-harness.sh"
install_peer_harness

# ---------------------------------------------------------------- 1. publish without the profile
mkdir -p "$work"
log "publishing the bench host without the start-up profile (composite ReadyToRun, trimmed; a few minutes)"
rm -rf "$publish" "$bench_project/obj/Release/net10.0/linux-x64"
dotnet publish "$bench_project" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -p:AgentHostStartupProfile=false -o "$publish" -v quiet -nologo \
  >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
linked="$bench_project/obj/Release/net10.0/linux-x64/linked"
[ -d "$linked" ] || { log "no trimmed IL at $linked"; exit 1; }

# ---------------------------------------------------------------- 2. training runs
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
(cd "$harness" && exec "$node" mcp-server.mjs --port "$mcp_port" >"$work/mcp-server.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 200); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$mcp_port/mcp" && break
  sleep 0.05
done

invoke() { # invoke <n> <json|sse>
  local accept=application/json body='{"prompt":"What tier is customer C-1042 on? Use the tools."}'
  if [ "$2" = sse ]; then accept=text/event-stream; body='{"prompt":"What tier is customer C-1042 on? Use the tools.","stream":true}'; fi
  for i in $(seq 1 "$1"); do
    curl -sf --max-time 10 -X POST "http://127.0.0.1:$port/invocations" -H 'content-type: application/json' -H "accept: $accept" \
      -H "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id: startup-profile-$2-$i-00000000000000000000000000" -d "$body" >/dev/null
  done
}

: >"$work/methods.raw"
for store in memory sqlite; do
  log "training run with the $store store"
  rm -f "$work/jit-$store.txt"
  env PORT="$port" MCP_URL="http://127.0.0.1:$mcp_port/mcp" AGENTHOST_STORE="$store" DOTNET_PerfMapEnabled=3 \
    DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$work/jit-$store.txt" "$publish/AgentHost.Benchmarks.Host" \
    >"$work/host-$store.log" 2>&1 &
  host=$!
  pids+=($host)
  ready=0
  for _ in $(seq 1 600); do
    if curl -s "http://127.0.0.1:$port/ping" | grep -q '"Healthy"'; then ready=1; break; fi
    kill -0 "$host" 2>/dev/null || break
    sleep 0.05
  done
  [ "$ready" = 1 ] || { log "the host did not become healthy; see $work/host-$store.log"; exit 1; }
  invoke 20 json
  invoke 5 sse
  sleep 0.5
  grep -h '\[Optimized\]$' "/tmp/perf-$host.map" >>"$work/methods.raw" || true
  grep -h 'JIT compiled' "$work/jit-$store.txt" >>"$work/methods.raw" || true
  kill "$host"; wait "$host" 2>/dev/null || true
  rm -f "/tmp/perf-$host.map" "/tmp/perfinfo-$host.map"
done

# ---------------------------------------------------------------- 3. the method list and the profile
mkdir -p "$target"
{
  echo "# Methods JIT-compiled by the published bench host from start-up through its first JSON and SSE invocations (in-memory"
  echo "# and SQLite stores), without a start-up profile. Written by tests/benchmarks/update-startup-profile.sh; input of startup.mibc."
  sed -E 's/^0x[0-9a-fA-F]+ [0-9a-fA-F]+ //; s/\[Optimized\]$//; s/^ *[0-9]+: JIT compiled /JIT compiled /; s/ \[[^]]*(Tier|Opts|Instrumented|OSR|MinOpt)[^]]*\]$//' \
    "$work/methods.raw" | LC_ALL=C sort -u
} >"$target/startup-methods.txt"
dotnet build "$generator" -c Release -v quiet -nologo >"$work/generator-build.log" 2>&1 || { cat "$work/generator-build.log" >&2; exit 1; }
dotnet "$generator/bin/Release/net10.0/AgentHost.StartupProfile.dll" --refs "$linked" --in "$target/startup-methods.txt" \
  --out "$target/startup.mibc" --unresolved "$work/unresolved.txt" 2>"$work/generator.err" | tail -1 >&2
log "wrote $target/startup-methods.txt ($(grep -vc '^#' "$target/startup-methods.txt") lines) and startup.mibc; the lines that did not resolve (dynamic methods, generic methods whose instantiation a perf map does not print but the JIT list does) are in $work/unresolved.txt"
