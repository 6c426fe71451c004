#!/usr/bin/env bash
# The portal's speed as a browser sees it, on a running local platform (deploy/local/run.sh in another terminal):
#   1. Lighthouse 12.2.3 (npm, run with npx) in Debian's Chromium on the sign-in page and on the dashboard of a
#      signed-in practice user (the session cookie handed to Lighthouse as a header): performance, accessibility
#      and best-practices scores, desktop form factor;
#   2. the sign-in page's latency through the gateway at a fixed rate with hey (Debian package `hey`), after a
#      warm-up at the same rate: p50, p95, p99.
# Figures and how to read them: docs/benchmarks.md. Options (environment): RATE=50 DURATION=30s WARMUP=20s RUNS=3
# USER_ID=demo.user PASSWORD=Cheerful-Molars-2026 PORTAL=http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v hey >/dev/null || { echo "needs hey (Debian: apt-get install hey)" >&2; exit 1; }
command -v npx >/dev/null || { echo "needs Node.js and npm (npx)" >&2; exit 1; }
chromium="${CHROME_PATH:-$(command -v chromium || true)}"
[[ -x "$chromium" ]] || { echo "needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
portal="${PORTAL:-http://localhost:8080}" rate="${RATE:-50}" duration="${DURATION:-30s}" warmup="${WARMUP:-20s}"
runs="${RUNS:-3}" user="${USER_ID:-demo.user}" password="${PASSWORD:-Cheerful-Molars-2026}"
curl -sf "$portal/actuator/health/readiness" >/dev/null || {
	echo "no platform at $portal: start deploy/local/run.sh first" >&2
	exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a signed-in session, as a browser gets one: the sign-in form's CSRF token, then the form posted
jar="$work/cookies"
csrf=$(curl -sf -c "$jar" "$portal/" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "userId=$user" \
	--data-urlencode "password=$password" "$portal/sign-in"
cookie=$(awk '$6 ~ /session/ { print $6 "=" $7 }' "$jar" | tail -n 1)
dashboard=$(curl -sf -b "$jar" "$portal/dashboard" || true)
[[ -n "$cookie" && "$dashboard" == *"Signed in as"* ]] || {
	echo "could not sign in as $user" >&2
	exit 1
}

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
lighthouse() { # name url [extra headers JSON]
	local extra=()
	[[ -n "${3:-}" ]] && extra=(--extra-headers="$3")
	for run in $(seq 1 "$runs"); do
		CHROME_PATH="$chromium" npx --yes lighthouse@12.2.3 "$2" --quiet --preset=desktop \
			--only-categories=performance,accessibility,best-practices --chrome-flags="$flags" \
			--output=json --output-path="$work/$1-$run.json" "${extra[@]}" >/dev/null 2>"$work/$1-$run.log" || {
			tail -n 20 "$work/$1-$run.log" >&2
			exit 1
		}
		node -e '
			const r = require(process.argv[1]), c = r.categories, a = r.audits;
			const s = (k) => Math.round(c[k].score * 100);
			console.log(`${process.argv[2]} run ${process.argv[3]}: performance ${s("performance")}, accessibility ${s("accessibility")}, best practices ${s("best-practices")}; FCP ${Math.round(a["first-contentful-paint"].numericValue)} ms, LCP ${Math.round(a["largest-contentful-paint"].numericValue)} ms, TBT ${Math.round(a["total-blocking-time"].numericValue)} ms, CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)}`);
		' "$work/$1-$run.json" "$1" "$run"
	done
}
echo "== Lighthouse 12.2.3, desktop, $runs runs each"
lighthouse sign-in "$portal/"
lighthouse dashboard "$portal/dashboard" "{\"Cookie\":\"$cookie\"}"

# many browsers, as in life: the gateway budgets page loads per address (300 a minute), so RATE/2 simulated
# browsers at distinct addresses (X-Forwarded-For, believed from loopback in the local mode) ask 2 pages a second
# each; every request is a first visit (no cookie), the costliest kind: it makes a session for the form's CSRF token
browsers=$((rate / 2))
load() { # seconds-or-duration output-prefix
	local pids=()
	for i in $(seq 1 "$browsers"); do
		hey -z "$1" -c 1 -q 2 -H "X-Forwarded-For: 198.18.$((i / 250)).$((i % 250 + 1))" -o csv "$portal/" \
			>"$work/$2-$i.csv" &
		pids+=($!)
	done
	wait "${pids[@]}"
}
echo "== the sign-in page through the gateway: $browsers browsers at 2 pages/s each ($rate requests/s), warm-up $warmup"
load "$warmup" warmup
load "$duration" measured
cat "$work"/measured-*.csv | python3 -c '
import sys
rows = [line.split(",") for line in sys.stdin if line[0].isdigit()]
times = sorted(float(row[0]) * 1000 for row in rows)
codes = {}
for row in rows:
    codes[row[6]] = codes.get(row[6], 0) + 1
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{len(times)} requests, statuses {codes}; p50 {pick(0.50):.1f} ms, p95 {pick(0.95):.1f} ms, p99 {pick(0.99):.1f} ms, max {times[-1]:.1f} ms")
'
