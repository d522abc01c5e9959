#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the supervisor console's browser tests
# (tests/AgentHost.Supervisor.Tests/Browser), which drive it with Microsoft.Playwright through ExecutablePath.
# Playwright's own browser download is never used. Idempotent: does nothing when /usr/bin/chromium runs.
set -euo pipefail
if [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; then
  echo "$(/usr/bin/chromium --version) already installed"
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -y
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
