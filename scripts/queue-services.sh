#!/bin/sh
# Makes sure the services of `npm run test:e2e:queue` are installed: Debian's redis-server and
# postgresql packages. Installs them with apt-get only when missing, and refreshes apt's package
# lists only when the install cannot find them. Starts nothing: the test starts its own throwaway
# instances on free ports (scripts/lib/queue.mjs), so Debian's own services are never used.
set -eu
missing=""
if ! command -v redis-server >/dev/null 2>&1; then missing="$missing redis-server"; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing="$missing postgresql"; fi
if [ -z "$missing" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "queue-services.sh: missing$missing and there is no apt-get; install Redis and PostgreSQL yourself" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d exit 101 keeps the packages' install scripts from starting Debian's own services.
started=$(date +%s)
echo "queue-services.sh: installing$missing from Debian (first run only)" >&2
policy=/usr/sbin/policy-rc.d
own_policy=""
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
	$SUDO chmod +x "$policy"
	own_policy=1
fi
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y --no-install-recommends $missing >/dev/null; then
	$SUDO apt-get update >/dev/null
	# shellcheck disable=SC2086
	$SUDO apt-get install -y --no-install-recommends $missing >/dev/null
fi
if [ -n "$own_policy" ]; then $SUDO rm -f "$policy"; fi
echo "queue-services.sh: installed$missing in $(($(date +%s) - started)) s" >&2
command -v redis-server >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
