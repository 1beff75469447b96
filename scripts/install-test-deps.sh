#!/usr/bin/env bash
# Installs what the tests need beyond Java and Maven: Neovim (a real LSP client) and, for the
# VS Code end-to-end test, Chromium. Debian packages only; idempotent.
set -euo pipefail
need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
if [ "${PAPERNOTES_SKIP_VSCODE_E2E:-0}" != "1" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  echo "installing: ${need[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
