#!/usr/bin/env bash
# The directory under load (issue 13): the portal (Release, Production settings, PostgreSQL) against a raw reference
# (bench/MentoringPortal.DirectoryReference: hand-written SQL over Npgsql, a hand-built HTML list) on the same database.
#   1. starts a throwaway PostgreSQL on loopback (or uses the server in PORTAL_TEST_POSTGRES, as ./test.sh exports it),
#   2. seeds 10,000 mentors (MentoringPortal.Bench -- seed), publishes and starts the portal and the reference on them,
#   3. drives each directory URL with wrk (-t2 -c32 --latency), portal and reference alternately, two rounds or more,
#      and prints requests/s, p50 and p99 for each and the ratio, then the portal's peak working set (VmHWM),
#   4. seeds 1,000 and 100,000 mentors into two more databases and prints the median of 15 sequential single requests
#      (curl) per URL for each size, and the ratio 100k / 1k.
# Everything it started is stopped on exit. Not part of ./test.sh: it takes about 12 minutes (4 with --quick).
# Usage: bench/directory-load.sh [--quick] [--skip-100k] [--seconds N] [--rounds N]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

seconds=20
rounds=2
warm_seconds=5
skip_100k=0
while (($# > 0)); do
    case "$1" in
        --quick) seconds=5; warm_seconds=2 ;;
        --skip-100k) skip_100k=1 ;;
        --seconds) seconds="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        *) echo "Usage: bench/directory-load.sh [--quick] [--skip-100k] [--seconds N] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
done
((rounds >= 2)) || { echo "--rounds must be 2 or more: the portal and the reference take turns." >&2; exit 2; }

load_urls=(
    "/mentors"
    "/mentors?sort=name"
    "/mentors?q=leadership"
    "/mentors?page=400"
    "/mentors?specialty=Cardiology&region=London&accepting=true"
)
latency_urls=("/mentors" "/mentors?sort=name" "/mentors?q=leadership" "/mentors?q=maternity" "/mentors?page=400" "/mentors?page=4000")
single_requests=15
# The portal runs as it would behind a TLS proxy that it trusts (ForwardedHeaders:KnownProxies); so does every request here.
proxy_header="X-Forwarded-Proto: https"

work="$(mktemp -d /tmp/portal-load.XXXXXX)"
pgbin=""
pgtmp=""
pg_started=0
portal_pid=""
reference_pid=""
databases=()
log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'directory-load.sh: %s\n' "$*" >&2; exit 1; }

as_pg_owner() {
    # initdb refuses to run as root: as root the cluster belongs to the postgres user (as in ./test.sh).
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pid() {
    if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}

cleanup() {
    local status=$?
    set +e
    stop_pid "$portal_pid"
    stop_pid "$reference_pid"
    if ((pg_started)); then
        as_pg_owner "$pgbin/pg_ctl" -D "$pgtmp/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || as_pg_owner "$pgbin/pg_ctl" -D "$pgtmp/data" -m immediate -w stop >/dev/null 2>&1
    elif ((${#databases[@]} > 0)); then
        for db in "${databases[@]}"; do psql_server -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1; done
    fi
    [[ -n "$pgtmp" ]] && rm -rf "$pgtmp"
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_ports() {
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

# ---------------------------------------------------------------------------------------------
# Prerequisites: wrk and PostgreSQL from Debian, as ./test.sh installs its servers.
# ---------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
pgbin="$({ ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1)"
[[ -n "${PORTAL_TEST_POSTGRES:-}" || -x "$pgbin/initdb" ]] || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
    [[ $(id -u) -eq 0 ]] || die "missing Debian packages: ${missing[*]}. Install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
    log "Installing ${missing[*]}"
    apt-get update >/dev/null
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
    pgbin="$({ ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1)"
fi
command -v wrk >/dev/null || die "wrk is not installed"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"

read -r pg_port portal_port reference_port <<<"$(free_ports 3)"
if [[ -n "${PORTAL_TEST_POSTGRES:-}" ]]; then
    server="$PORTAL_TEST_POSTGRES"
    log "Using the PostgreSQL server in PORTAL_TEST_POSTGRES"
else
    pgtmp="$(mktemp -d /tmp/portal-load-pg.XXXXXX)"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pgtmp"
    log "Starting PostgreSQL on 127.0.0.1:$pg_port"
    as_pg_owner "$pgbin/initdb" -D "$pgtmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 \
        || { cat "$work/initdb.log" >&2; die "initdb failed"; }
    pg_started=1
    as_pg_owner "$pgbin/pg_ctl" -D "$pgtmp/data" -l "$pgtmp/server.log" -w -t 30 \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pgtmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c jit=off" \
        start >/dev/null || { cat "$pgtmp/server.log" >&2; die "PostgreSQL did not start"; }
    server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
fi

# A key's value in the server's connection string (Host, Port, Username, Password), for psql.
server_field() { tr ';' '\n' <<<"$server" | awk -F= -v key="$1" 'tolower($1) == tolower(key) { sub(/^[^=]*=/, ""); print; exit }'; }
psql_server() {
    PGPASSWORD="$(server_field Password)" "$pgbin/psql" -h "$(server_field Host)" -p "$(server_field Port)" \
        -U "$(server_field Username)" -d postgres -v ON_ERROR_STOP=1 -q "$@"
}
database() { echo "$server;Database=$1"; }

# ---------------------------------------------------------------------------------------------
# Build, seed, publish, start
# ---------------------------------------------------------------------------------------------
log "Building the seed command and publishing the portal and the reference (Release)"
dotnet build "$root/bench/MentoringPortal.Bench" -c Release -nologo -v q -tl:off >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "the build failed"; }
dotnet publish "$root/src/MentoringPortal.Web" -c Release -o "$work/portal" -nologo -v q -tl:off >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "publishing the portal failed"; }
dotnet publish "$root/bench/MentoringPortal.DirectoryReference" -c Release -o "$work/reference" -nologo -v q -tl:off >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "publishing the reference failed"; }

suffix="$(date +%s)_$$"
seed() { # mentors database
    databases+=("$2")
    log "Seeding $(printf "%'d" "$1") mentors into $2"
    dotnet run -c Release --no-build --project "$root/bench/MentoringPortal.Bench" -- seed "$1" "$(database "$2")" >&2
}

# Production refuses to start without a certificate that encrypts the data-protection keys at rest (as bench/lighthouse/run.sh).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=directory-load" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/keys.pfx" -passout pass:directory-load
mkdir -p "$work/data" "$work/mail"

wait_ready() { # name pid url log
    for _ in $(seq 1 240); do
        curl -fsS -H "$proxy_header" "$3" >/dev/null 2>&1 && return 0
        kill -0 "$2" 2>/dev/null || { cat "$4" >&2; die "$1 exited before it was ready"; }
        sleep 0.5
    done
    cat "$4" >&2; die "$1 was not ready in 2 minutes"
}

start_portal() { # database
    stop_pid "$portal_pid"
    (
        cd "$work/portal"
        ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$portal_port" \
        Database__Provider=PostgreSql ConnectionStrings__Portal="$(database "$1")" \
        Portal__BaseUrl="https://localhost" Portal__DataDirectory="$work/data" Email__PickupDirectory="$work/mail" \
        DataProtection__Certificate__Path="$work/keys.pfx" DataProtection__Certificate__Password=directory-load \
        ForwardedHeaders__KnownProxies="127.0.0.1,::1" \
        Serilog__MinimumLevel__Default=Warning \
        exec dotnet MentoringPortal.Web.dll >>"$work/portal.log" 2>&1
    ) &
    portal_pid=$!
    wait_ready "The portal" "$portal_pid" "http://127.0.0.1:$portal_port/mentors" "$work/portal.log"
}

start_reference() { # database
    stop_pid "$reference_pid"
    (
        cd "$work/reference"
        # Npgsql's defaults (no automatic preparation), as every run of the reference since issue 13 was filed; see
        # docs/performance.md for the run in which it prepared its statements as the portal does.
        ASPNETCORE_URLS="http://127.0.0.1:$reference_port" ConnectionStrings__Portal="$(database "$1")" \
        exec dotnet MentoringPortal.DirectoryReference.dll >>"$work/reference.log" 2>&1
    ) &
    reference_pid=$!
    wait_ready "The reference" "$reference_pid" "http://127.0.0.1:$reference_port/mentors" "$work/reference.log"
}

# ---------------------------------------------------------------------------------------------
# Load: wrk on each URL, portal and reference alternately
# ---------------------------------------------------------------------------------------------
to_ms() { # wrk's "1.23ms" / "850.00us" / "1.02s"
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

run_wrk() { # base url seconds -> "requests/s p50 p99 errors"
    local out
    out="$(wrk -t2 -c32 -d"$3s" --latency -H "$proxy_header" "$1$2")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 3; i <= NF; i++) { gsub(/,/, "", $(i+1)); if ($i ~ /^(connect|read|write|timeout)$/) n += $(i+1) } } END { print n + 0 }' <<<"$out")"
    echo "$rps $p50 $p99 $errors"
}

portal="http://127.0.0.1:$portal_port"
reference="http://127.0.0.1:$reference_port"
db10k="portal_load_10k_$suffix"
seed 10000 "$db10k"
start_portal "$db10k"
start_reference "$db10k"

# Two passes under the full load, so that the JIT's tiered and profile-guided recompilation of every URL's code has
# finished before anything is measured (the first pass alone still ran partly unoptimised code).
log "Warming both (two passes of $warm_seconds s a URL each, 32 connections)"
for _ in 1 2; do
    for url in "${load_urls[@]}"; do
        wrk -t2 -c32 -d"${warm_seconds}s" -H "$proxy_header" "$portal$url" >/dev/null
        wrk -t2 -c32 -d"${warm_seconds}s" -H "$proxy_header" "$reference$url" >/dev/null
    done
done

declare -A results
log "Load: wrk -t2 -c32 -d${seconds}s --latency, $rounds rounds, portal and reference alternately"
for round in $(seq 1 "$rounds"); do
    for url in "${load_urls[@]}"; do
        for side in portal reference; do
            base="$portal"; [[ $side == reference ]] && base="$reference"
            results["$url|$side|$round"]="$(run_wrk "$base" "$url" "$seconds")"
            echo "  round $round $side $url: ${results["$url|$side|$round"]}" >&2
        done
    done
done
peak_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$portal_pid/status")"

summary() { # url side -> "mean-rps mean-p50 max-p99 errors"
    local lines=()
    for round in $(seq 1 "$rounds"); do lines+=("${results["$1|$2|$round"]}"); done
    printf '%s\n' "${lines[@]}" | awk '{ rps += $1; p50 += $2; if ($3 > p99) p99 = $3; errors += $4 } END { printf "%.0f %.1f %.1f %d", rps / NR, p50 / NR, p99, errors }'
}

echo
echo "Directory under load: 10,000 mentors, wrk -t2 -c32 -d${seconds}s, $rounds rounds alternating; req/s and p50 are the rounds' mean, p99 the worst round"
printf '%-60s %10s %8s %8s %10s %8s %8s %7s\n' URL "portal r/s" "p50 ms" "p99 ms" "ref r/s" "p50 ms" "p99 ms" ratio
errors_total=0
for url in "${load_urls[@]}"; do
    read -r p_rps p_p50 p_p99 p_err <<<"$(summary "$url" portal)"
    read -r r_rps r_p50 r_p99 r_err <<<"$(summary "$url" reference)"
    errors_total=$((errors_total + p_err + r_err))
    printf '%-60s %10s %8s %8s %10s %8s %8s %7s\n' "$url" "$p_rps" "$p_p50" "$p_p99" "$r_rps" "$r_p50" "$r_p99" \
        "$(awk -v p="$p_rps" -v r="$r_rps" 'BEGIN { printf "%.2f", (r > 0 ? p / r : 0) }')"
done
echo "Portal peak working set (VmHWM) after the load: $((peak_kb / 1024)) MB"
((errors_total == 0)) || echo "WARNING: $errors_total responses were errors (non-2xx/3xx or socket errors): the figures above count them."

# ---------------------------------------------------------------------------------------------
# Latency: median of single sequential requests at 1,000, 10,000 and 100,000 mentors
# ---------------------------------------------------------------------------------------------
median_ms() { # url
    for _ in 1 2 3; do curl -fsS -o /dev/null -H "$proxy_header" "$portal$1"; done
    for _ in $(seq 1 "$single_requests"); do
        curl -fsS -o /dev/null -H "$proxy_header" -w '%{time_total}\n' "$portal$1"
    done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }'
}

declare -A medians
measure() { # label database
    start_portal "$2"
    for url in "${latency_urls[@]}"; do medians["$1|$url"]="$(median_ms "$url")"; done
}

stop_pid "$reference_pid"; reference_pid=""
db1k="portal_load_1k_$suffix"
seed 1000 "$db1k"
sizes=(1k 10k)
measure 1k "$db1k"
measure 10k "$db10k"
if ((!skip_100k)); then
    db100k="portal_load_100k_$suffix"
    seed 100000 "$db100k"
    measure 100k "$db100k"
    sizes+=(100k)
fi

echo
echo "Directory latency: median of $single_requests sequential single requests (curl, after 3 unmeasured), ms"
printf '%-8s' mentors
for url in "${latency_urls[@]}"; do printf ' %22s' "$url"; done
echo
for size in "${sizes[@]}"; do
    printf '%-8s' "$size"
    for url in "${latency_urls[@]}"; do printf ' %22s' "${medians["$size|$url"]}"; done
    echo
done
if ((!skip_100k)); then
    printf '%-8s' "100k/1k"
    for url in "${latency_urls[@]}"; do
        printf ' %22s' "$(awk -v a="${medians["100k|$url"]}" -v b="${medians["1k|$url"]}" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }')"
    done
    echo
fi
echo "($(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), PostgreSQL $(psql_server -Atc 'SHOW server_version' 2>/dev/null || echo '?'), $(dotnet --version) SDK, $(date -u '+%Y-%m-%d %H:%M UTC'))"
