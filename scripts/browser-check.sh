#!/usr/bin/env bash
# Opens a running Lepton (the README's run command) in headless Chromium as a user would: the model card of each
# deployed model and Cockpit. Saves screenshots to target/browser-check/ and fails when the card's charts are not
# drawn or a page does not load.
#   needs: Chromium (Debian: sudo apt-get install -y chromium) and Node.js 18+ with npm
#   usage: scripts/browser-check.sh [base-url]        (default http://localhost:8080; users as in the README)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  echo "Chromium is missing: sudo apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 2
fi
if [ ! -d "$here/.browser-check/node_modules/playwright-core" ]; then
  npm install --silent --no-audit --no-fund --prefix "$here/.browser-check" playwright-core@1.65.1 >/dev/null
fi
out="$(pwd)/target/browser-check"
mkdir -p "$out"
NODE_PATH="$here/.browser-check/node_modules" CHROMIUM="$chromium" OUT="$out" BASE="${1:-http://localhost:8080}" \
  node "$here/browser-check.js"
