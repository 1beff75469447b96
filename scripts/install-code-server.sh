#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) for the VS Code end-to-end test
# (client-vscode/test/e2e/run.mjs), from the npm registry only: its native modules are built
# here, and ripgrep (which npm would fetch from GitHub) and the build headers come from Debian.
#
#   scripts/install-code-server.sh [DIR]
#
# DIR defaults to $CODE_SERVER_DIR, else ~/.cache/papernotes/code-server-$VERSION. Prints the
# path of code-server's entry script as the last line of stdout; everything else goes to stderr
# (test-all.sh keeps it in a log). Idempotent: a finished install is reused at once.
set -euo pipefail

VERSION=4.100.3 # VS Code 1.100; the last code-server line that runs on Node 20
DIR=${1:-${CODE_SERVER_DIR:-$HOME/.cache/papernotes/code-server-$VERSION}}
ENTRY=$DIR/node_modules/code-server/out/node/entry.js
DONE=$DIR/.papernotes-installed-$VERSION

if [ -f "$DONE" ] && [ -f "$ENTRY" ]; then
  echo "$ENTRY"
  exit 0
fi

say() { echo "install-code-server: $*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "code-server $VERSION needs Node 20 or later (found: $(node --version 2>/dev/null || echo none))"
  exit 1
fi

# Build headers for the native modules, and ripgrep, from Debian.
need=()
for pkg in build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo -n)
  say "apt-get install ${need[*]}"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}" >&2
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"private": true}' > package.json
npm_quiet=(--no-audit --no-fund --loglevel=error)

# No install scripts: code-server's own would download a Node build and ripgrep from GitHub.
say "npm install code-server@$VERSION"
npm install --ignore-scripts "${npm_quiet[@]}" "code-server@$VERSION" >&2
npm rebuild "${npm_quiet[@]}" argon2 >&2

cd node_modules/code-server/lib/vscode
say "npm install (VS Code's production dependencies)"
npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2
for module in @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog node-pty; do
  npm rebuild "${npm_quiet[@]}" "$module" >&2 || say "note: $module did not build (the LSP end-to-end test does not use it)"
done
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# VS Code looks for node_modules.asar; unpacked modules serve the same.
ln -sfn node_modules node_modules.asar

touch "$DONE"
say "installed code-server $VERSION in $DIR"
echo "$ENTRY"
