#!/usr/bin/env bash
# Set up a fresh machine for cislib: Debian packages the tests use, then cislib itself with
# its Python dependencies (into the active Python environment).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: rapper (raptor2-utils) reads exports back; Chromium and curl
# talk to 'cislib serve'.
missing=()
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: apt-get not found; install ${missing[*]} yourself for the tests" >&2
  fi
fi

echo "Installing cislib and its Python dependencies"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
