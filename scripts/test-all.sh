#!/usr/bin/env bash
# Every test: Java unit, protocol and integration tests (including a scripted Neovim), then the
# VS Code extension's build and its end-to-end test in a real VS Code (code-server).
# PAPERNOTES_SKIP_VSCODE_E2E=1 skips the last part.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
mvn -q -B verify -Dpapernotes.requireEditors=true
if [ "${PAPERNOTES_SKIP_VSCODE_E2E:-0}" != "1" ] && [ -f client-vscode/package.json ]; then
  # e2e packages the VSIX (with the jar just built) before it starts VS Code
  (cd client-vscode && npm ci --no-audit --no-fund && npm test && npm run e2e)
fi
echo "all tests passed"
