#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need (tests/setup/*.sh),
# builds the solution once, runs every test project, and prints as its last line
#   N passed, N failed[, N skipped]
# Exit status: 0 when nothing failed, 1 otherwise (a build or setup failure counts as a failure).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
logdir="$root/artifacts/test-logs"
mkdir -p "$logdir"
extra_failed=0

for setup in tests/setup/*.sh; do
  [ -f "$setup" ] || continue
  echo "==> setup: $setup"
  if ! bash "$setup" >"$logdir/$(basename "$setup" .sh).log" 2>&1; then
    echo "setup step $setup failed; its log:"; tail -n 40 "$logdir/$(basename "$setup" .sh).log"
    extra_failed=$((extra_failed + 1))
  fi
done

echo "==> build"
if ! dotnet build AgentHost.sln -c Release -nologo -clp:ErrorsOnly >"$logdir/build.log" 2>&1; then
  cat "$logdir/build.log" | tail -n 60
  echo "0 passed, 1 failed"
  exit 1
fi

echo "==> test"
results="$root/artifacts/test-results"
rm -rf "$results"
dotnet test AgentHost.sln -c Release --no-build -nologo --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=minimal" 2>&1 | tee "$logdir/test.log"
status=${PIPESTATUS[0]}

# Sum the TRX counters of every test assembly (skipped tests are the total minus the executed).
passed=0; failed=0; skipped=0; reports=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
done
failed=$((failed + extra_failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "dotnet test exited with $status without a failed test (a test host crashed?): counting it as a failure"
fi
if [ "$reports" -eq 0 ]; then
  echo "no test report was written"
  failed=$((failed + 1))
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
