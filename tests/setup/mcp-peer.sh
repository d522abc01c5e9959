#!/usr/bin/env bash
# Installs the TypeScript MCP SDK peer server (tests/benchmarks/strands-peer/mcp-server.mjs, the Strands peer harness)
# into the gitignored folder <repo>/.tools/strands-peer, for tests/AgentHost.Gateway.Tests and tests/AgentHost.Deploy.Tests.
# Idempotent: does nothing when the copy is current and its node_modules are installed. The files are copied first, so
# the repository's folder stays free of node_modules.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="${AGENTHOST_STRANDS_PEER_SOURCE:-$root/tests/benchmarks/strands-peer}"
dest="$root/.tools/strands-peer"
if [ ! -f "$src/mcp-server.mjs" ]; then
  echo "mcp-peer: $src/mcp-server.mjs not found; the gateway peer tests will be skipped" >&2
  exit 0
fi
command -v node >/dev/null || { echo "mcp-peer: node is not installed" >&2; exit 1; }
mkdir -p "$dest"
for f in mcp-server.mjs scenario.mjs package.json package-lock.json; do
  if ! cmp -s "$src/$f" "$dest/$f"; then cp "$src/$f" "$dest/$f"; rm -f "$dest/.installed"; fi
done
if [ -f "$dest/.installed" ] && [ -d "$dest/node_modules/@modelcontextprotocol/sdk" ]; then
  echo "mcp-peer: up to date in $dest"
  exit 0
fi
cd "$dest"
# Only the MCP server's own dependencies are needed; --omit=dev keeps it small. npm ci honours the lock file.
npm ci --omit=dev --no-audit --no-fund --loglevel=error
touch "$dest/.installed"
echo "mcp-peer: installed in $dest"
