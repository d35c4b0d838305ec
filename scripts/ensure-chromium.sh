#!/usr/bin/env bash
# Makes sure a headless Chromium is installed for the browser tests (playwright-core drives it; no
# browser download). With $CHROMIUM_PATH set, that binary must exist. Otherwise the tests use Debian's
# chromium-headless-shell (same engine as the chromium package, about a third less CPU per page load)
# and fall back to /usr/bin/chromium. Installs the headless shell with apt when it is missing and this
# user may do so (root, or sudo without a password); otherwise uses chromium when present, or fails
# with the exact command to run.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable Chromium." >&2
  exit 1
fi
SHELL_BIN=/usr/bin/chromium-headless-shell
FULL_BIN=/usr/bin/chromium
[ -x "$SHELL_BIN" ] && exit 0
install() {
  if [ "$(id -u)" = "0" ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2
  else
    return 1
  fi
}
echo "chromium-headless-shell not found; installing Debian's package with apt..." >&2
if install chromium-headless-shell && [ -x "$SHELL_BIN" ]; then
  exit 0
fi
if [ -x "$FULL_BIN" ]; then
  echo "Using $FULL_BIN instead (slower per page load)." >&2
  exit 0
fi
echo "Installing Debian's chromium package with apt..." >&2
install chromium || true
[ -x "$FULL_BIN" ] && exit 0
echo "No Chromium. Run: sudo apt-get update && sudo apt-get install -y chromium-headless-shell (or set CHROMIUM_PATH to a Chromium binary)." >&2
exit 1
