#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) for the public pages: /, /mentors,
# a mentor's profile and /account/login. Starts the portal itself: a Release build, Production settings
# (HTTPS as behind a TLS proxy, a data-protection certificate), SQLite with the demo data, emails to a folder.
# Uses Debian's Chromium. Usage: bench/lighthouse/run.sh [port]   (results: bench/lighthouse/reports/*.json)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${1:-5187}"
base="http://localhost:$port"
work="$(mktemp -d)"
reports="$here/reports"
portal_pid=""

cleanup() {
    if [[ -n "$portal_pid" ]]; then kill "$portal_pid" 2>/dev/null || true; wait "$portal_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

cd "$here"
[[ -x node_modules/.bin/lighthouse ]] || npm ci --no-audit --no-fund >/dev/null

echo "Publishing the portal (Release)…"
dotnet publish "$root/src/MentoringPortal.Web" -c Release -o "$work/app" -nologo -v q -tl:off >/dev/null

# Production refuses to start without a certificate that encrypts the data-protection keys at rest.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=lighthouse" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/keys.pfx" -passout pass:lighthouse

mkdir -p "$work/data" "$work/mail" "$reports"
start_portal() { # environment
    (
        cd "$work/app"
        # Lighthouse counts http://localhost as a secure origin; the portal sees HTTPS through X-Forwarded-Proto
        # from a proxy it trusts (the header is added to every request Lighthouse makes), as it would in production.
        ASPNETCORE_ENVIRONMENT="$1" ASPNETCORE_URLS="$base" \
        Portal__BaseUrl="$base" Portal__SeedDemoData=true Portal__DataDirectory="$work/data" \
        Email__PickupDirectory="$work/mail" \
        DataProtection__Certificate__Path="$work/keys.pfx" DataProtection__Certificate__Password=lighthouse \
        ForwardedHeaders__KnownProxies="127.0.0.1,::1" \
        Serilog__MinimumLevel__Default=Warning \
        exec dotnet MentoringPortal.Web.dll >>"$work/portal.log" 2>&1
    ) &
    portal_pid=$!
    for _ in $(seq 1 120); do
        curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$portal_pid" 2>/dev/null || { cat "$work/portal.log"; exit 1; }
        sleep 1
    done
    echo "The portal did not start:"; cat "$work/portal.log"; exit 1
}

# The demo data is seeded only outside Production: a first start in Development migrates and seeds the
# SQLite database, then the portal runs on it in Production.
start_portal Development
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
start_portal Production

https=(-H "X-Forwarded-Proto: https")
profile="$(curl -fsS "${https[@]}" "$base/mentors" | grep -o 'href="/mentors/[0-9]*"' | head -1 | grep -o '/mentors/[0-9]*')"
pages=("/" "/mentors" "$profile" "/account/login")

export CHROME_PATH=/usr/bin/chromium
printf '%-22s %12s %14s %15s %5s\n' page performance accessibility best-practices seo
for path in "${pages[@]}"; do
    name="$(echo "$path" | tr '/' '_' | sed 's/^_//; s/^$/home/')"
    node_modules/.bin/lighthouse "$base$path" --quiet \
        --only-categories=performance,accessibility,best-practices,seo \
        --extra-headers='{"X-Forwarded-Proto":"https"}' \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
        --output=json --output-path="$reports/${name:-home}.json" >/dev/null 2>"$work/lighthouse.log" \
        || { cat "$work/lighthouse.log"; exit 1; }
    node -e '
        const r = require(process.argv[1]);
        const s = id => Math.round(r.categories[id].score * 100);
        const below = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable").map(a => a.id);
        console.log(process.argv[2].padEnd(22), String(s("performance")).padStart(12), String(s("accessibility")).padStart(14), String(s("best-practices")).padStart(15), String(s("seo")).padStart(5));
        if (below.length) console.log("    not passed:", below.join(", "));
    ' "$reports/${name:-home}.json" "$path"
done
echo "Lighthouse $(node_modules/.bin/lighthouse --version), $(chromium --version), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
