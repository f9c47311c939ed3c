#!/usr/bin/env bash
# Runs every check the project has, the way CI does:
#   1. installs what the tests need when it is missing (PostgreSQL, Chromium, aiosmtpd, axe-core, dotnet tools),
#   2. starts a throwaway PostgreSQL and an SMTP server (aiosmtpd) on free loopback ports,
#   3. builds the solution (warnings are errors) and checks formatting (dotnet format),
#   4. runs the unit, integration and browser tests, and prints "N passed, N failed[, N skipped]".
# The servers and their temporary folders are removed on exit, whatever happens.
# Usage: ./test.sh            (from anywhere; as root it installs missing Debian packages itself)
#        ./test.sh CMD ARGS... runs only CMD with the servers up and the PORTAL_TEST_* variables set, e.g.
#        ./test.sh dotnet test tests/MentoringPortal.IntegrationTests --filter HealthTests
set -euo pipefail

cd "$(dirname "$0")"
START_SECONDS=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

TEST_PROJECTS=(
  tests/MentoringPortal.UnitTests/MentoringPortal.UnitTests.csproj
  tests/MentoringPortal.IntegrationTests/MentoringPortal.IntegrationTests.csproj
  tests/MentoringPortal.BrowserTests/MentoringPortal.BrowserTests.csproj
)
BROWSER_TESTS_DIR=tests/MentoringPortal.BrowserTests

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }
elapsed() { local s=$((SECONDS - START_SECONDS)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# ---------------------------------------------------------------------------------------------
# 1. Prerequisites
# ---------------------------------------------------------------------------------------------
pg_bin_dir() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1; }

missing_packages() {
  local missing=()
  local pgbin
  pgbin=$(pg_bin_dir)
  if [[ -z "$pgbin" || ! -x "$pgbin/initdb" || ! -x "$pgbin/pg_ctl" ]]; then missing+=(postgresql); fi
  if [[ ! -x /usr/bin/chromium ]]; then missing+=(chromium); fi
  # Debian's module, hence Debian's interpreter (the python3 on PATH may be a pyenv shim).
  if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then missing+=(python3-aiosmtpd); fi
  echo "${missing[@]}"
}

log "Checking prerequisites"
read -r -a MISSING <<<"$(missing_packages)"
if ((${#MISSING[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    die "missing Debian packages: ${MISSING[*]}. Install them as root:
  apt-get update && apt-get install -y --no-install-recommends ${MISSING[*]}
then run ./test.sh again."
  fi
  echo "Installing ${MISSING[*]}"
  apt-get update
  apt-get install -y --no-install-recommends "${MISSING[@]}"
  read -r -a STILL_MISSING <<<"$(missing_packages)"
  ((${#STILL_MISSING[@]} == 0)) || die "still missing after apt-get install: ${STILL_MISSING[*]}"
fi
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"

if [[ ! -f "$BROWSER_TESTS_DIR/node_modules/axe-core/axe.min.js" ]]; then
  command -v npm >/dev/null || die "npm is needed to install axe-core for the browser tests"
  log "Installing npm packages for the browser tests"
  if [[ -f "$BROWSER_TESTS_DIR/package-lock.json" ]]; then
    (cd "$BROWSER_TESTS_DIR" && npm ci --no-audit --no-fund)
  else
    (cd "$BROWSER_TESTS_DIR" && npm install --no-audit --no-fund)
  fi
fi

log "Restoring dotnet tools"
dotnet tool restore

# ---------------------------------------------------------------------------------------------
# 2. Throwaway PostgreSQL and SMTP server
# ---------------------------------------------------------------------------------------------
PGBIN=$(pg_bin_dir)
PGTMP=""
WORKTMP=""
SMTP_PID=""
PG_STARTED=0

as_pg_owner() {
  # initdb refuses to run as root: as root the cluster belongs to the postgres user.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  set +e
  if [[ -n "$SMTP_PID" ]] && kill -0 "$SMTP_PID" 2>/dev/null; then
    kill "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
  fi
  if ((PG_STARTED)); then
    as_pg_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1
  fi
  [[ -n "$PGTMP" ]] && rm -rf "$PGTMP"
  [[ -n "$WORKTMP" ]] && rm -rf "$WORKTMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_ports() {
  # Binds every socket before reporting, so the ports returned are distinct.
  /usr/bin/python3 - "$1" <<'PY'
import socket, sys
sockets = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
PY
}

wait_for_port() { # name port pid-or-empty seconds
  local name=$1 port=$2 pid=$3 deadline=$((SECONDS + $4))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "test.sh: $name exited before accepting connections" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "test.sh: $name did not accept connections on 127.0.0.1:$port in $4 s" >&2
      return 1
    fi
    sleep 0.1
  done
}

read -r PGPORT SMTP_PORT <<<"$(free_ports 2)"
# The system temp folder, not $TMPDIR: the postgres user must be able to reach it.
PGTMP=$(mktemp -d /tmp/portal-test-pg.XXXXXX)
WORKTMP=$(mktemp -d /tmp/portal-test.XXXXXX)
MAILDIR="$WORKTMP/maildir"
RESULTS_DIR="$WORKTMP/results"
# aiosmtpd only creates the maildir structure when the folder itself does not exist yet.
mkdir -p "$MAILDIR"/{new,cur,tmp} "$RESULTS_DIR"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PGTMP"

log "Starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg_owner "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$WORKTMP/initdb.log" 2>&1 \
  || { cat "$WORKTMP/initdb.log" >&2; die "initdb failed"; }
PG_STARTED=1
# max_connections: every test class owns a database, and each keeps a small connection pool.
as_pg_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { cat "$PGTMP/server.log" >&2 || true; die "PostgreSQL did not start"; }
wait_for_port PostgreSQL "$PGPORT" "" 30 || { cat "$PGTMP/server.log" >&2 || true; die "PostgreSQL is not reachable"; }

log "Starting SMTP server (aiosmtpd) on 127.0.0.1:$SMTP_PORT"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
  </dev/null >"$WORKTMP/smtp.log" 2>&1 &
SMTP_PID=$!
wait_for_port aiosmtpd "$SMTP_PORT" "$SMTP_PID" 30 || { cat "$WORKTMP/smtp.log" >&2; die "the SMTP server did not start"; }

export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=postgres"
export PORTAL_TEST_SMTP_PORT=$SMTP_PORT
export PORTAL_TEST_MAILDIR=$MAILDIR
# A SQL Server is never started here: set PORTAL_TEST_SQLSERVER to a running one's connection string (README, "SQL Server").
if [[ -n "${PORTAL_TEST_SQLSERVER:-}" ]]; then
  export PORTAL_TEST_SQLSERVER
  log "The app under test runs on SQL Server (PORTAL_TEST_SQLSERVER); PostgreSQL-only tests still use PostgreSQL"
else
  log "The app under test runs on PostgreSQL (set PORTAL_TEST_SQLSERVER to run it on SQL Server)"
fi

if (($# > 0)); then
  log "Running: $*"
  "$@"
  exit
fi

# ---------------------------------------------------------------------------------------------
# 3. Build and formatting
# ---------------------------------------------------------------------------------------------
FORMAT_STATUS=ok
BUILD_OK=1
BUILD_LOG="$WORKTMP/build.log"
log "Building MentoringPortal.sln (Release, warnings are errors)"
if ! dotnet build MentoringPortal.sln -c Release -p:TreatWarningsAsErrors=true -nologo -tl:off 2>&1 | tee "$BUILD_LOG"; then
  BUILD_OK=0
  echo "test.sh: the build failed; only the test projects that built will run." >&2
fi

# A project built in this run when MSBuild printed "  Name -> /path/Name.dll" for it.
built_now() { grep -Eq "^[[:space:]]*$1 -> " "$BUILD_LOG"; }

if ((BUILD_OK)); then
  log "Checking formatting (dotnet format --verify-no-changes)"
  if ! dotnet format MentoringPortal.sln --verify-no-changes; then
    FORMAT_STATUS=failed
    echo "test.sh: dotnet format reported the problems above; 'dotnet format MentoringPortal.sln' fixes the mechanical ones." >&2
  fi
else
  FORMAT_STATUS="not checked (the build failed)"
fi

# ---------------------------------------------------------------------------------------------
# 4. Tests
# ---------------------------------------------------------------------------------------------
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
NOT_RUN=()
REPORT=()

# Prints "passed failed skipped total" from a .trx file (xunit's skipped tests are "NotExecuted").
trx_counts() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
outcomes = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
other = 0
for result in root.iter():
    if result.tag.endswith("}UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome in outcomes:
            outcomes[outcome] += 1
        else:
            other += 1  # Error, Timeout, Aborted...: count as failures
passed, failed, skipped = outcomes["Passed"], outcomes["Failed"] + other, outcomes["NotExecuted"]
print(passed, failed, skipped, passed + failed + skipped)
PY
}

for project in "${TEST_PROJECTS[@]}"; do
  name=$(basename "$project" .csproj)
  if [[ ! -f "$project" ]]; then
    NOT_RUN+=("$name")
    REPORT+=("$name: not run (project file missing)")
    continue
  fi
  if ((!BUILD_OK)) && ! built_now "$name"; then
    NOT_RUN+=("$name")
    REPORT+=("$name: not run (it did not build)")
    continue
  fi
  log "Testing $name"
  trx="$RESULTS_DIR/$name.trx"
  set +e
  # A hung test is killed after 10 minutes and reported instead of blocking CI forever.
  dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$trx" \
    --blame-hang-timeout 10m --blame-hang-dump-type none
  code=$?
  set -e
  if [[ ! -f "$trx" ]]; then
    NOT_RUN+=("$name")
    REPORT+=("$name: did not run (exit code $code, no results file)")
    continue
  fi
  read -r passed failed skipped total <<<"$(trx_counts "$trx")"
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
  line="$name: $passed passed, $failed failed"
  ((skipped > 0)) && line+=", $skipped skipped"
  if ((code != 0 && failed == 0)); then
    # The test host crashed or was killed (for example by the hang timeout) without reporting a failed test.
    NOT_RUN+=("$name")
    line+=" (dotnet test exited with $code: the run was incomplete)"
  elif ((total == 0)); then
    line+=" (no tests found)"
  fi
  REPORT+=("$line")
done

# ---------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------
printf '\n==> Summary\n'
((BUILD_OK)) || echo "Build: FAILED"
[[ $FORMAT_STATUS == ok ]] || echo "Formatting (dotnet format --verify-no-changes): $FORMAT_STATUS"
for line in "${REPORT[@]}"; do echo "  $line"; done
summary="$TOTAL_PASSED passed, $TOTAL_FAILED failed"
((TOTAL_SKIPPED > 0)) && summary+=", $TOTAL_SKIPPED skipped"
echo "$summary"
echo "Elapsed: $(elapsed)"

if ((!BUILD_OK || TOTAL_FAILED > 0 || ${#NOT_RUN[@]} > 0)) || [[ $FORMAT_STATUS != ok ]]; then
  exit 1
fi
