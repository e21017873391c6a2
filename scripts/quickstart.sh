#!/usr/bin/env bash
# Installs what is missing and starts Confide with the embedded profile (no servers needed).
# On the first run (a database with no accounts) it seeds an admin, a therapist and a patient
# and prints their passwords once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
echo "node $(node --version)"
bash scripts/install-system-deps.sh
# npm ci installs exactly package-lock.json and leaves it untouched (npm install may rewrite it).
# Again only when the lock file changed since the last install (a git pull, say).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
# npm ci builds the browser console; built again here if its output was removed since.
[[ -f packages/http/console-assets/index.html ]] || npm run --silent build:console
export CONFIDE_DATA_DIR="${CONFIDE_DATA_DIR:-./data}"
exec npm run --silent confide -- serve --seed
