#!/usr/bin/env bash
# Runs every test of Clinic: domain, data, component, integration and browser tests, the data
# and API tests a second time on PostgreSQL, and the several-instance tests on PostgreSQL + Redis.
# Installs what the tests need when it is missing (as root: Debian's chromium, postgresql and
# redis-server), starts a throwaway PostgreSQL cluster and a Redis on free loopback ports under a
# temporary folder, stops them again however the run ends, and closes with one line:
# "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
chromium="${CLINIC_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's ${missing[*]} for the tests (about a minute)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "The tests need Debian's ${missing[*]}." >&2
    echo "Install with: sudo apt-get install -y ${missing[*]}   (CLINIC_CHROMIUM may name another Chromium)" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }

# --- Throwaway PostgreSQL and Redis on free loopback ports -------------------------------------
services=$(mktemp -d /tmp/clinic-test-services-XXXXXX)
chmod 755 "$services"
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_services() {
  [ -f "$services/pg/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$services/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$services/redis.pid" ] && kill "$(cat "$services/redis.pid")" 2>/dev/null || true
  rm -rf "$services"
}
trap stop_services EXIT
service_failed() {
  echo "Could not start $1 for the tests; its log:" >&2
  cat "$2" >&2 2>/dev/null || true
  echo "0 passed, 1 failed"
  exit 1
}

pg_port=$(free_port)
[ "$(id -u)" = "0" ] && chown postgres "$services"
as_postgres "$pg_bin/initdb" -D "$services/pg" -U clinic -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$services/initdb.log" 2>&1 \
  || service_failed PostgreSQL "$services/initdb.log"
# fsync off: the cluster is thrown away after the run; the races it tests are about locks, not disks.
as_postgres "$pg_bin/pg_ctl" -D "$services/pg" -l "$services/pg.log" -w -t 60 \
  -o "-p $pg_port -k $services -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || service_failed PostgreSQL "$services/pg.log"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$services/redis.pid" --logfile "$services/redis.log" || service_failed Redis "$services/redis.log"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null || service_failed Redis "$services/redis.log"
echo "PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port for this run (under $services)."
export CLINIC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=clinic"
export CLINIC_TEST_REDIS="127.0.0.1:$redis_port"

results="TestResults/run"
rm -rf "$results" TestResults/browser-failures
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The suite keeps both cores busy: an optimised build and no profile-guided re-jitting of
# short-lived test processes leave more of them to the tests (the app tested is the same code).
export DOTNET_TieredPGO=0

set +e
echo "== Every test, on SQLite (and the several-instance tests on PostgreSQL + Redis)"
dotnet test Clinic.sln -c Release --logger "trx;LogFilePrefix=sqlite" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
echo "== The data and API tests again, on PostgreSQL"
CLINIC_TEST_PROVIDER=Postgres dotnet test Clinic.Tests -c Release --no-build \
  --filter "(FullyQualifiedName~Clinic.Tests.Data.|FullyQualifiedName~Clinic.Tests.Api.)&Engine!=Sqlite" \
  --logger "trx;LogFilePrefix=postgres" --logger "console;verbosity=minimal" --results-directory "$results"
postgres_status=$?
[ "$status" -eq 0 ] && status=$postgres_status
set -e

# Sum the counters of every TRX report; say what each engine's run counted.
passed=0 failed=0 skipped=0
for run in sqlite postgres; do
  run_passed=0 run_failed=0
  for trx in "$results"/"$run"*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    run_passed=$((run_passed + $(value passed)))
    run_failed=$((run_failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + $(value notExecuted)))
  done
  echo "  $run run: $run_passed passed, $run_failed failed"
  passed=$((passed + run_passed))
  failed=$((failed + run_failed))
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
