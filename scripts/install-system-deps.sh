#!/usr/bin/env bash
# Installs the system packages the embedded speech engine and the tests need:
# ffmpeg (decoding), pocketsphinx + its US English model (speech), espeak-ng and sox (test speech),
# flite (a second TTS engine for the diarization bench's voice pairs),
# chromium (the browser tests drive it with playwright-core; no browser is downloaded).
# Safe to run again: it installs only what is missing. Needs apt (Debian/Ubuntu) and root or sudo.
set -euo pipefail
packages=(ffmpeg pocketsphinx pocketsphinx-en-us espeak-ng sox flite chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "system packages: all present (${packages[*]})"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]} and no apt-get here: install them with your package manager." >&2
  exit 1
fi
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
echo "installing: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
