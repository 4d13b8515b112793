#!/usr/bin/env bash
# Make sure a Chromium (and Japanese fonts, so screenshots are legible) exists for the
# browser test. Uses Debian's packages when we may install them (root or passwordless
# sudo); otherwise the browser test skips with a message (never under CI=true).
set -u
need=()
found=""
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$c" ] && [ -x "$c" ]; then found="$c"; break; fi
done
[ -n "$found" ] || need+=(chromium chromium-driver)
if command -v fc-list >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi "CJK"; then need+=(fonts-noto-cjk); fi
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get: install ${need[*]} yourself (or set CHROMIUM_PATH) for the browser test" >&2; exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "missing ${need[*]} and no permission to install; the browser test may skip" >&2; exit 0; fi
fi
echo "installing ${need[*]} (Debian packages) for the browser test..." >&2
$SUDO apt-get update -qq >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
  || echo "could not install ${need[*]}; the browser test will skip (or fail under CI=true)" >&2
exit 0
