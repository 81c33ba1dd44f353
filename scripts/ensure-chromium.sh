#!/bin/sh
# The browser tests (packages/web/test) drive Debian's Chromium at /usr/bin/chromium through playwright-core,
# which downloads no browser of its own. Install it when it is missing and we may (root, apt-get present).
# When it cannot be installed this says why and exits 0, so the other tests still run: the browser tests then
# fail under CI=true and are skipped elsewhere (packages/web/test/support/browser.ts).
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and cannot be installed here (needs root and apt-get)." >&2
  exit 0
fi

echo "ensure-chromium: installing Debian's chromium (and CJK fonts for the Japanese pages) for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq || ! apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; then
  echo "ensure-chromium: apt-get could not install chromium." >&2
  exit 0
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
fi
exit 0
