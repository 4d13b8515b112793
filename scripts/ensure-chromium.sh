#!/usr/bin/env bash
# Make sure a Chromium for the browser test exists. Uses Debian's package when we
# may install packages (root or passwordless sudo); otherwise the browser test
# skips with a message (never under CI=true, where it fails instead).
set -u
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$c" ] && [ -x "$c" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      echo "chromium not found and no permission to install it; the browser test will skip" >&2; exit 0; fi
  fi
  echo "installing Debian chromium for the browser test..." >&2
  $SUDO apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null \
    || echo "could not install chromium; the browser test will skip (or fail under CI=true)" >&2
else
  echo "no apt-get: install Chromium yourself (or set CHROMIUM_PATH) to run the browser test" >&2
fi
exit 0
