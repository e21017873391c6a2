# Sourced, not run: puts a Node that runs Confide's TypeScript sources (≥ 22.18, where type
# stripping is on by default) first on PATH. When the machine's Node is older, installs Node 24
# from the npm registry (package node-<os>-<arch>@24) into .tools/ and uses that. The one place
# that knows which Node Confide needs: scripts/with-node.sh (every npm script), quickstart.sh
# and .ci/run source it. Quiet unless it installs; what it prints goes to stderr.
_confide_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_confide_node_fits() { # $1: a `node --version` answer such as v20.20.2
  local version=${1#v} major minor
  IFS=. read -r major minor _ <<<"$version"
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  ((major > 22 || (major == 22 && minor >= 18)))
}
if ! _confide_node_fits "$(node --version 2>/dev/null)"; then
  _confide_node_bin="$_confide_root/.tools/node_modules/node-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')/bin"
  if ! _confide_node_fits "$("$_confide_node_bin/node" --version 2>/dev/null)"; then
    echo "Node $(node --version 2>/dev/null || echo '(none)') cannot run Confide (it needs ≥ 22.18): installing Node 24 into .tools/" >&2
    mkdir -p "$_confide_root/.tools"
    # One installer at a time when several commands start at once in a fresh clone.
    (
      command -v flock >/dev/null && flock 9
      _confide_node_fits "$("$_confide_node_bin/node" --version 2>/dev/null)" ||
        npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_confide_root/.tools" \
          "$(basename "$(dirname "$_confide_node_bin")")@24" >/dev/null
    ) 9>"$_confide_root/.tools/.install-lock" || { echo "Installing Node 24 into .tools/ failed" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_confide_node_bin:$PATH"
fi
unset -f _confide_node_fits
unset _confide_root _confide_node_bin
