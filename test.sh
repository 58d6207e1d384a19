#!/usr/bin/env bash
# Runs Vigil's whole test suite. Installs what the tests need first (idempotent; fails loudly if it cannot).
# Usage: ./test.sh [extra `dotnet test` arguments, e.g. --filter "FullyQualifiedName~Kql"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet) is not on PATH; install .NET SDK 10 first" >&2
  exit 1
fi
if [ ! -d "$root/../shared" ] && [ -z "${VIGIL_SHARED:-}" ]; then
  echo "test.sh: ../shared (the shared reference material) is not beside the repository; tests need it" >&2
  exit 1
fi

# Prerequisites for tests that meet real clients (browsers, npm SDKs) are installed by scripts/ here, as they land.
for script in "$root"/scripts/test-prereqs/*.sh; do
  [ -e "$script" ] || continue
  echo "test.sh: $(basename "$script")"
  bash "$script"
done

results="$root/.test-results"
rm -rf "$results"
dotnet build Vigil.slnx -c Release -nologo -v quiet
set +e
dotnet test Vigil.slnx -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 10m "$@"
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
