#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, from Debian packages only, and is a
# no-op when everything is there: Java 17+ and Maven (the build), Node 20 and npm (the VS Code
# extension), Neovim (a real LSP client in the Java integration tests), Emacs with eglot and
# markdown-mode (the Emacs check), and, for the VS Code end-to-end test, Chromium and code-server
# (scripts/install-code-server.sh). PAPERNOTES_SKIP_VSCODE_E2E=1 leaves out the last two.
#
# Quiet on purpose: the package managers' output goes to stderr, which test-all.sh keeps in a
# log file and prints only when something failed.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "install-test-deps: $*" >&2; }

need=()
has() { command -v "$1" >/dev/null 2>&1; }
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' || true)
[ -n "$java_major" ] && [ "${java_major%%.*}" -ge 17 ] 2>/dev/null || need+=(openjdk-17-jdk-headless)
has mvn || need+=(maven)
has node || need+=(nodejs)
has npm || need+=(npm)
has nvim || need+=(neovim)
has emacs || need+=(emacs-nox)
for pkg in elpa-eglot elpa-markdown-mode; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
e2e=1
[ "${PAPERNOTES_SKIP_VSCODE_E2E:-0}" = 1 ] && e2e=0
if [ "$e2e" = 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo -n)
  say "apt-get install ${need[*]}"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if [ "$e2e" = 1 ]; then
  scripts/install-code-server.sh >/dev/null
fi
say "ready: $(java -version 2>&1 | head -1); $(mvn -B -v 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" | head -1); node $(node --version); $(nvim --version | head -1); $(emacs --version | head -1)"
