#!/usr/bin/env bash
# Set up (see setup.sh) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The remote-store tests need the real Oxigraph server: fail rather than skip without it.
export CISLIB_REQUIRE_OXIGRAPH=1
python3 -m pytest -q "$@"
