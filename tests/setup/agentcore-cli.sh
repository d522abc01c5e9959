#!/usr/bin/env bash
# Installs the pinned @aws/agentcore CLI into the gitignored folder <repo>/.tools/agentcore-cli, for
# tests/AgentHost.Deploy.Tests (offline `agentcore validate`) and for the deploy workflow.
# Plain `npm install @aws/agentcore` fails on registries that lack two of its dependencies, so the package is
# packed and unpacked (package/), and the one runtime dependency the CLI needs to load, @aws-cdk/toolkit-lib,
# is installed beside it. Run the CLI as: node <repo>/.tools/agentcore-cli/package/dist/cli/index.mjs
# Idempotent: does nothing when the pinned versions are already installed. Versions can be overridden with
# AGENTCORE_CLI_VERSION / AGENTCORE_TOOLKIT_LIB_VERSION, the folder with AGENTCORE_CLI_DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli_version="${AGENTCORE_CLI_VERSION:-0.30.0}"
toolkit_version="${AGENTCORE_TOOLKIT_LIB_VERSION:-1.28.0}"
target="${AGENTCORE_CLI_DIR:-$root/.tools/agentcore-cli}"
stamp="$cli_version+$toolkit_version"

command -v node >/dev/null || { echo "agentcore-cli: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "agentcore-cli: npm is not installed" >&2; exit 1; }

if [ -f "$target/.version" ] && [ "$(cat "$target/.version")" = "$stamp" ] \
  && [ -f "$target/package/dist/cli/index.mjs" ] && [ -d "$target/node_modules/@aws-cdk/toolkit-lib" ]; then
  echo "agentcore-cli: $stamp already installed in $target"
  exit 0
fi

rm -rf "$target"
mkdir -p "$target"
cd "$target"
echo '{"name":"agenthost-agentcore-cli","private":true,"type":"module"}' > package.json
tarball="$(npm pack --silent "@aws/agentcore@$cli_version" | tail -n 1)"
tar -xzf "$tarball"
rm -f "$tarball"
npm install --no-audit --no-fund --ignore-scripts --no-save "@aws-cdk/toolkit-lib@$toolkit_version"
# The unpacked package resolves its imports from the parent node_modules; check the CLI starts.
AGENTCORE_TELEMETRY_DISABLED=1 node package/dist/cli/index.mjs --version
echo "$stamp" > .version
echo "agentcore-cli: $stamp installed in $target"
