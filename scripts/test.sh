#!/usr/bin/env bash
# Set up (see setup.sh) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The remote-store and browser tests need the real Oxigraph server and Chromium: fail rather
# than skip without them.
export CISLIB_REQUIRE_OXIGRAPH=1
export CISLIB_REQUIRE_CHROMIUM=1
python3 -m pytest -q "$@"
