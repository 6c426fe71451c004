#!/usr/bin/env bash
# The portal's speed as a browser sees it, on a running local platform (deploy/local/run.sh in another terminal):
#   1. Lighthouse 12.2.3 (npm, run with npx) in Debian's Chromium on the sign-in page and on the dashboard of a
#      signed-in practice user (the session cookie handed to Lighthouse as a header): performance, accessibility
#      and best-practices scores, desktop form factor;
#   2. the sign-in page's latency through the gateway at a fixed rate with hey (Debian package `hey`), after a
#      warm-up at the same rate: p50, p95, p99.
# Figures and how to read them: docs/benchmarks.md. Shares its sign-in, Lighthouse and percentiles with dashboard.sh
# (portal-common.sh). Options (environment): RATE=50 DURATION=30s WARMUP=20s RUNS=3
# USER_ID=demo.user PASSWORD=Cheerful-Molars-2026 PORTAL=http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/bench/portal-common.sh
bench_require_tools
portal="${PORTAL:-http://localhost:8080}" rate="${RATE:-50}" duration="${DURATION:-30s}" warmup="${WARMUP:-20s}"
runs="${RUNS:-3}" user="${USER_ID:-demo.user}" password="${PASSWORD:-Cheerful-Molars-2026}"
bench_require_platform "$portal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cookie=$(bench_sign_in "$portal" "$user" "$password" "$work/cookies")

echo "== Lighthouse 12.2.3, desktop, $runs runs each"
bench_lighthouse "$work" sign-in "$portal/"
bench_lighthouse "$work" dashboard "$portal/dashboard" "{\"Cookie\":\"$cookie\"}"

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
cat "$work"/measured-*.csv | bench_percentiles
