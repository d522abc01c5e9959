#!/usr/bin/env bash
# Installs the Connect CDK app's npm packages (aws-cdk-lib, cdk-nag, the aws-cdk CLI, TypeScript; pinned by
# deploy/connect/package-lock.json) into deploy/connect/node_modules, for tests/AgentHost.Connect.Tests (cdk synth with
# cdk-nag, offline). Idempotent: does nothing when node_modules matches the lock file. Needs only the npm registry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app="$root/deploy/connect"
command -v node >/dev/null || { echo "connect-cdk: node is not installed" >&2; exit 1; }
stamp="$app/node_modules/.agenthost-lock.sha256"
want="$(sha256sum "$app/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$app/node_modules/aws-cdk-lib" ] && [ -d "$app/node_modules/cdk-nag" ]; then
  echo "connect-cdk: up to date in $app/node_modules"
  exit 0
fi
cd "$app"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
echo "connect-cdk: installed in $app/node_modules"
