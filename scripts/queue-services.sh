#!/bin/sh
# Makes sure the services of `npm run test:e2e:queue` are installed: Debian's redis-server and
# postgresql packages, installed with apt-get only when missing. Starts nothing: the test starts
# its own throwaway instances on free ports (scripts/lib/queue.mjs), never Debian's services.
set -eu
missing=""
if ! command -v redis-server >/dev/null 2>&1; then missing="$missing redis-server"; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing="$missing postgresql"; fi
if [ -z "$missing" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "queue-services.sh: missing$missing and there is no apt-get; install Redis and PostgreSQL yourself" >&2
	exit 1
fi
started=$(date +%s)
echo "queue-services.sh: installing$missing from Debian (first run only, under a minute)" >&2
# An exit 101 from policy-rc.d keeps the packages' install scripts from starting Debian's services.
policy=/usr/sbin/policy-rc.d
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
	$SUDO chmod +x "$policy"
	trap '$SUDO rm -f "$policy"' EXIT
fi
# shellcheck disable=SC2086
sh "$(dirname "$0")/apt-install.sh" --no-install-recommends $missing
echo "queue-services.sh: installed$missing in $(($(date +%s) - started)) s" >&2
command -v redis-server >/dev/null
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
