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
# The learned speech models the profile uses (a few MB, checked by sha256); from CONFIDE_MODELS_SOURCE
# when set (a mirror). Without them (offline) the embedded diarizer keeps its classical voice features.
if ! models_out="$(npm run --silent confide -- models install 2>&1)"; then
  echo "Speech models not installed (${models_out##*$'\n'}); speakers are told apart without them."
fi
exec npm run --silent confide -- serve --seed
