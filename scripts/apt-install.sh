#!/bin/sh
# Installs Debian packages for the tests' system programs (scripts/chromium.sh,
# scripts/queue-services.sh): apt-get install, through sudo when not root, refreshing apt's package
# lists only when the install cannot find the packages. Arguments go to apt-get install.
set -eu
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y "$@" >/dev/null; then
	$SUDO apt-get update >/dev/null
	$SUDO apt-get install -y "$@" >/dev/null
fi
