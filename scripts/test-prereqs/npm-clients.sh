#!/usr/bin/env bash
# Installs the official Azure SDK clients that tests/Vigil.Server.Tests drives (one npm project per folder under
# tests/Vigil.Server.Tests/clients/, each with a committed package-lock.json). Idempotent: a folder whose
# node_modules is newer than its lock file is left alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "npm-clients.sh: Node.js is missing; installing Debian's nodejs and npm" >&2
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq nodejs npm
fi

for lock in "$root"/tests/Vigil.Server.Tests/clients/*/package-lock.json; do
  [ -e "$lock" ] || continue
  dir="$(dirname "$lock")"
  stamp="$dir/node_modules/.package-lock.json"
  if [ -e "$stamp" ] && [ "$stamp" -nt "$lock" ]; then
    continue
  fi
  echo "npm-clients.sh: npm ci in ${dir#"$root"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
