#!/usr/bin/env bash
# Installs what is missing and starts Confide with the embedded profile (no servers needed).
# On the first run it seeds an admin, a therapist and a patient and prints their passwords once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
bash scripts/install-system-deps.sh
[[ -d node_modules ]] || npm install --no-audit --no-fund
export CONFIDE_DATA_DIR="${CONFIDE_DATA_DIR:-./data}"
if [[ ! -e "$CONFIDE_DATA_DIR/.seeded" ]]; then
  npm run --silent confide -- seed
  mkdir -p "$CONFIDE_DATA_DIR" && touch "$CONFIDE_DATA_DIR/.seeded"
  echo "Keep these passwords: they are not shown again."
fi
exec npm run --silent confide -- serve
