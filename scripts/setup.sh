#!/usr/bin/env bash
# Set up a fresh machine for cislib: Debian packages the tests use, then cislib itself with
# its Python dependencies (into the active Python environment).
set -euo pipefail
cd "$(dirname "$0")/.."

# apt-get, waiting (bounded) while another apt or dpkg process holds its locks instead of
# failing at once: apt's own lock timeout, and a few tries for the locks it does not cover.
LOCK_WAIT_SECONDS=${CISLIB_APT_LOCK_WAIT:-600}
apt_get() {
  local deadline=$((SECONDS + LOCK_WAIT_SECONDS)) said=""
  until DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout="$LOCK_WAIT_SECONDS" "$@"; do
    if [ "$SECONDS" -ge "$deadline" ] || ! apt_locked; then
      echo "error: apt-get $1 failed" >&2
      return 1
    fi
    [ -n "$said" ] || echo "Another apt or dpkg process holds the package locks; waiting up to ${LOCK_WAIT_SECONDS}s"
    said=1
    sleep 5
  done
}
apt_locked() {
  # Another package manager at work: apt, apt-get, dpkg or unattended-upgrades.
  pgrep -x 'apt|apt-get|dpkg|unattended-upgr' >/dev/null 2>&1
}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Debian packages the tests use: rapper (raptor2-utils) reads exports back; Chromium and curl
# talk to 'cislib serve'.
missing=()
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${missing[*]}"
    apt_get update -qq
    apt_get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: apt-get not found; install ${missing[*]} yourself for the tests" >&2
  fi
fi

echo "Installing cislib and its Python dependencies"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
