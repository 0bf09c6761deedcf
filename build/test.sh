#!/usr/bin/env bash
# Runs every test. Installs what the tests need first: PostgreSQL (the store tests start a throwaway
# server) and Chromium (the browser tests), with apt-get when running as root and they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need[@]}"
  else
    echo "Missing ${need[*]}: install them (sudo apt-get install ${need[*]}) and run again." >&2
    exit 1
  fi
fi

dotnet test Galen.slnx -c Release --logger "console;verbosity=normal" "$@"
