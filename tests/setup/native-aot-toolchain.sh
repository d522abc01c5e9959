#!/usr/bin/env bash
# Installs what the Native AOT publish of the container entry point needs on this machine, for
# tests/AgentHost.Deploy.Tests (which replays the Dockerfile's publish for linux-x64 and linux-arm64) and for
# tests/benchmarks/run-peer-comparison.sh:
#   - the native toolchain the AOT compiler links with: clang, lld, llvm (llvm-objcopy strips the symbols) and zlib1g-dev;
#   - for the linux-arm64 cross-publish from an x64 machine: an arm64 sysroot in <repo>/.tools/arm64-sysroot, unpacked
#     from Debian's arm64 packages (libc6, libc6-dev, libgcc-s1, libgcc-12-dev, zlib1g, zlib1g-dev, and libssl3, which the
#     emulated binary loads at run time for SHA-256 and TLS as the chiseled runtime-deps image provides it; only downloaded
#     and unpacked, never installed), linked with lld;
#   - qemu-user-static, which runs the arm64 binary under user-mode emulation for the smoke test.
# On an arm64 machine the sysroot and qemu are not needed (the publish is native there), and are skipped.
# Idempotent and quiet: prints one line when everything is already there. AGENTHOST_ARM64_SYSROOT overrides the folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sysroot="${AGENTHOST_ARM64_SYSROOT:-$root/.tools/arm64-sysroot}"
arm64_packages=(libc6 libc6-dev libgcc-s1 libgcc-12-dev linux-libc-dev zlib1g zlib1g-dev libssl3)
stamp="bookworm:${arm64_packages[*]}"
machine="$(uname -m)"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi

apt_updated=0
apt_update() {
  if [ "$apt_updated" = "0" ]; then
    $sudo_cmd apt-get update -qq
    apt_updated=1
  fi
}

# 1. The native toolchain.
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
command -v llvm-objcopy >/dev/null 2>&1 || missing+=(llvm)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ "$machine" = "x86_64" ]; then
  command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "native-aot-toolchain: installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The arm64 sysroot (x64 machines only). It is unpacked from Debian's arm64 packages; elsewhere (e.g. an Ubuntu CI
#    runner, whose arm64 packages live in another archive) it is left out with a note that the linux-arm64 replay test reads
#    (it is skipped there, with that reason).
distribution="$( (. /etc/os-release 2>/dev/null && echo "${ID:-unknown}") || echo unknown)"
if [ "$machine" = "x86_64" ] && [ "$distribution" != "debian" ]; then
  mkdir -p "$(dirname "$sysroot")"
  echo "the arm64 sysroot is unpacked from Debian's arm64 packages; this machine runs $distribution" > "$sysroot.unavailable"
  echo "native-aot-toolchain: no arm64 sysroot on $distribution (the linux-arm64 replay is skipped here)"
  exit 0
fi
rm -f "$sysroot.unavailable"
if [ "$machine" = "x86_64" ]; then
  if [ -f "$sysroot/.stamp" ] && [ "$(cat "$sysroot/.stamp")" = "$stamp" ] && [ -e "$sysroot/usr/lib/aarch64-linux-gnu/libz.so" ]; then
    [ "${#missing[@]}" -gt 0 ] || echo "native-aot-toolchain: clang, lld, llvm, zlib1g-dev, qemu-user-static and the arm64 sysroot ($sysroot) already installed"
    exit 0
  fi
  echo "native-aot-toolchain: unpacking an arm64 sysroot into $sysroot"
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    # Lets apt see Debian's arm64 packages; nothing of arm64 is installed on this machine.
    $sudo_cmd dpkg --add-architecture arm64
    apt_updated=0
  fi
  apt_update
  rm -rf "$sysroot"
  mkdir -p "$sysroot"
  debs="$(mktemp -d)"
  chmod 777 "$debs" # apt downloads as its own user (_apt)
  (cd "$debs" && apt-get download -qq "${arm64_packages[@]/%/:arm64}" >/dev/null)
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$sysroot"; done
  rm -rf "$debs"
  # Absolute symbolic links (usr/lib/aarch64-linux-gnu/libz.so -> /lib/aarch64-linux-gnu/libz.so.1) would point into this
  # machine's own folders: make them relative to the sysroot. The linker scripts (libc.so) name /lib/aarch64-linux-gnu/...,
  # which lld resolves inside the sysroot.
  find "$sysroot" -type l -lname '/*' | while read -r link; do
    target="$(readlink "$link")"
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$target")" "$link"
  done
  [ -e "$sysroot/usr/lib/aarch64-linux-gnu/libz.so" ] || { echo "native-aot-toolchain: libz.so missing in $sysroot" >&2; exit 1; }
  echo "$stamp" > "$sysroot/.stamp"
  echo "native-aot-toolchain: arm64 sysroot ready in $sysroot"
elif [ "${#missing[@]}" -eq 0 ]; then
  echo "native-aot-toolchain: clang, lld, llvm and zlib1g-dev already installed"
fi
