#!/usr/bin/env bash
# Runs a command with a Node that runs Confide (scripts/use-node.sh: ≥ 22.18, Node 24 installed
# into .tools/ when the machine's is older) first on PATH. Every npm script goes through it, so
# `npm test`, `npm start` and `npm run confide` work in a new shell whatever the machine's Node.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ! -d "$root/node_modules" ]]; then
  echo "The dependencies are not installed: run ./scripts/quickstart.sh (or npm ci) first." >&2
  exit 1
fi
source "$root/scripts/use-node.sh"
exec "$@"
