#!/bin/sh
# Makes sure the browser of `npm run test:ui` is there: Debian's chromium package at
# /usr/bin/chromium (or $UAZAPI_CHROMIUM). Installs it with apt-get only when it is missing.
set -eu
CHROMIUM="${UAZAPI_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "chromium.sh: $CHROMIUM is missing and there is no apt-get; install Chromium and set UAZAPI_CHROMIUM to its path" >&2
	exit 1
fi
echo "chromium.sh: installing Debian's chromium package (first run only, about a minute)" >&2
sh "$(dirname "$0")/apt-install.sh" chromium
test -x "$CHROMIUM"
