#!/usr/bin/env bash
# Runs every test of Clinic: domain, data, component, integration and browser tests.
# Installs Debian's Chromium for the browser tests when it is missing (as root), then runs
# `dotnet test Clinic.sln` and ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CLINIC_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests (about a minute)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at $chromium." >&2
    echo "Install it with: sudo apt-get install -y chromium   (or set CLINIC_CHROMIUM to its path)" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }

results="TestResults/run"
rm -rf "$results" TestResults/browser-failures
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

set +e
dotnet test Clinic.sln --logger "trx;LogFilePrefix=clinic" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
set -e

# Sum the counters of every test assembly's TRX report.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if compgen -G "TestResults/browser-failures/*.png" >/dev/null; then
  echo "Screenshots of failed browser tests: TestResults/browser-failures/"
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
