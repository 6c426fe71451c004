#!/usr/bin/env bash
# Issue 19's proof of speed, on a running local platform (deploy/local/run.sh, see below for the gateway's budget):
#   1. a year of activity for one demo practice (Lakeside Family Clinic), by deploy/bench/seed_year.py: about 2,000
#      credit applications decided by transaction-service through its public API (accounts opened by the events in
#      account-service, the funnel counted by reporting-service), then dated back over two years with SQL; 20-35
#      purchases a day for the 364 past days with refunds and voids written with SQL into transaction-service's
#      (purchase, refund, credit_line) and account-service's (promotion_balance, ledger_entry, account) tables in the
#      shape the services write them; today's purchases, a refund and a void through the gateway's API; and
#      reporting-service's read models for the practice recomputed from transaction-service's rows as its listeners
#      add up the events. Its header says exactly what and how. It refuses to seed a practice twice: a rerun of this
#      script on the same platform skips the seed and measures again;
#   2. the dashboard one request at a time (SEQUENTIAL=40 in a row): its latency without queueing; then
#      the dashboard through the gateway (http://localhost:8080/dashboard) at a fixed RATE (20 requests/s) for
#      DURATION after WARMUP, from SESSIONS signed-in browser sessions of the practice's admin (signed in as a browser
#      is: the sign-in form's CSRF token, then the session cookie), each at its own address (X-Forwarded-For) since
#      the gateway budgets page loads per address (300 a minute); hey (Debian package) with 2 connections per session,
#      redirects not followed (a redirect to the sign-in page would count as a 302, not as a 200); p50/p95/p99/max,
#      the status counts, and the dashboard's body checked before and after (signed in, every section shown);
#   3. where a dashboard's time goes: the traces Zipkin sampled (1 in 10) during the measured minute, span by span
#      (the portal makes its calls side by side, so their summed times add up to more than the page's), and
#      EXPLAIN ANALYZE of the SQL behind its recent transactions (psql as transaction-service's user);
#   4. Lighthouse 12.2.3, desktop preset, RUNS runs each on the dashboard, the purchase form
#      (/purchases/new?account=…&amount=1500.00, the form with a live quote per plan) and the reports page over the
#      last 12 months (/reports?from=…&to=…).
# The gateway refuses more than 120 API calls a minute per user, and one dashboard makes ten (three summaries, three
# fundings, the newest purchases, the promotions ending, the plans, /api/auth/me): one user's 20 dashboards a second
# need the per-user budget raised, as gateway-wrk.sh does it: start the platform with
#   CAREFIN_GATEWAY_RATELIMITS_PERUSER_REQUESTS=1000000000 deploy/local/run.sh --fresh
# Figures and how to read them: docs/benchmarks.md. Options (environment): RATE=20 DURATION=60s WARMUP=30s SESSIONS=5
# RUNS=3 USER_ID=lakeside.admin PASSWORD=Lakeside-Harbor-2026 PORTAL=http://localhost:8080 ZIPKIN=http://localhost:9411
# SEED=1 (0 skips the seed) LIGHTHOUSE=1 (0 skips Lighthouse)
set -euo pipefail
cd "$(dirname "$0")/../.."

. deploy/bench/portal-common.sh
bench_require_tools
command -v psql >/dev/null || { echo "needs psql (Debian: apt-get install postgresql-client)" >&2; exit 1; }
portal="${PORTAL:-http://localhost:8080}" rate="${RATE:-20}" duration="${DURATION:-60s}" warmup="${WARMUP:-30s}"
sessions="${SESSIONS:-5}" runs="${RUNS:-3}" user="${USER_ID:-lakeside.admin}" password="${PASSWORD:-Lakeside-Harbor-2026}"
zipkin="${ZIPKIN:-http://localhost:9411}"
bench_require_platform "$portal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

if [[ "${SEED:-1}" == 1 ]]; then
	echo "== a year of activity for $user's practice (deploy/bench/seed_year.py)"
	status=0
	SEED_USER="$user" SEED_PASSWORD="$password" GATEWAY="$portal" python3 deploy/bench/seed_year.py || status=$?
	[[ $status == 0 || $status == 3 ]] || exit "$status"
fi

# SESSIONS browsers, each signed in at its own address
declare -a cookies addresses
for i in $(seq 1 "$sessions"); do
	addresses[i]="198.18.100.$i"
	cookies[i]=$(bench_sign_in "$portal" "$user" "$password" "$work/cookies-$i" "${addresses[i]}")
done
check_dashboard() { # label: the dashboard as session 1 gets it, without following redirects
	local body status
	status=$(curl -s -o "$work/dashboard.html" -w '%{http_code}' -H "Cookie: ${cookies[1]}" \
		-H "X-Forwarded-For: ${addresses[1]}" "$portal/dashboard")
	body=$(cat "$work/dashboard.html")
	local unavailable=no
	[[ "$body" == *"can't be shown"* ]] && unavailable=yes
	echo "$1: status $status, $(wc -c <"$work/dashboard.html") bytes, signed in: $([[ "$body" == *"Signed in as"* ]] && echo yes || echo NO), a section unavailable: $unavailable, recent rows: $(grep -c 'href="/purchases/[0-9a-f-]*"' "$work/dashboard.html" || true), promotions ending: $(grep -c 'href="/accounts/[0-9a-f-]*"' "$work/dashboard.html" || true)"
	[[ "$status" == 200 && "$body" == *"Signed in as"* ]] || [[ "${2:-}" == after ]] || {
		echo "not the dashboard" >&2
		exit 1
	}
}
check_dashboard "== the dashboard before the load"

breakdown() { # start-ms end-ms: the dashboards Zipkin traced between them, span by span
	sleep 3 # the services send their spans to Zipkin a second or so after the request
	curl -sf "$zipkin/api/v2/traces?serviceName=portal&endTs=$2&lookback=$(($2 - $1))&limit=10000" \
		-o "$work/traces.json" || { echo "(no traces from Zipkin)"; return 0; }
	python3 - "$work/traces.json" <<'EOF'
import json, re, statistics, sys
traces = json.load(open(sys.argv[1]))
def path(span):
    tags = span.get("tags", {})
    url = tags.get("http.url") or tags.get("uri") or tags.get("http.route") or ""
    url = re.sub(r"^https?://[^/]+", "", url)
    url = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}", url)
    return re.sub(r"\?.*", "", url)
rows, totals = {}, []
for trace in traces:
    root = [s for s in trace if s.get("kind") == "SERVER" and s["localEndpoint"]["serviceName"] == "portal"
            and "/dashboard" in (s.get("name", "") + json.dumps(s.get("tags", {})))]
    if not root:
        continue
    totals.append(root[0]["duration"] / 1000)
    per = {}
    for span in trace:
        key = (span["localEndpoint"]["serviceName"], span.get("kind", "-"), span.get("name", ""), path(span))
        per.setdefault(key, []).append(span.get("duration", 0) / 1000)
    for key, durations in per.items():
        rows.setdefault(key, []).append((len(durations), sum(durations)))
if not totals:
    print("(no sampled dashboard traces)")
    sys.exit(0)
totals.sort()
print(f"{len(totals)} traces; the portal's server span: median {statistics.median(totals):.1f} ms, "
      f"p95 {totals[min(len(totals) - 1, int(0.95 * len(totals)))]:.1f} ms, max {totals[-1]:.1f} ms")
print("per dashboard (median over traces): calls, summed ms — service kind name path")
ranked = sorted(rows.items(), key=lambda item: -statistics.median([t for _, t in item[1]]))
for (service, kind, name, url), values in ranked[:25]:
    counts = statistics.median([c for c, _ in values])
    ms = statistics.median([t for _, t in values])
    print(f"  {counts:5.1f} calls {ms:8.1f} ms  {service} {kind} {name} {url}")
EOF
}

# one dashboard at a time: the page's own latency, without queueing, and where it goes
sequential="${SEQUENTIAL:-40}"
echo "== $sequential dashboards one after another (session 1), then Zipkin's traces of them"
started=$(date +%s%3N)
for _ in $(seq 1 "$sequential"); do
	curl -s -o /dev/null -w '%{time_total},0,0,0,0,0,%{http_code}\n' -H "Cookie: ${cookies[1]}" \
		-H "X-Forwarded-For: ${addresses[1]}" "$portal/dashboard"
done | bench_percentiles
ended=$(date +%s%3N)
breakdown "$started" "$ended"

per_session=$((rate / sessions))
load() { # duration output-prefix
	local pids=()
	for i in $(seq 1 "$sessions"); do
		# 2 connections a session at half its rate each: a slow answer on one does not lower the session's rate
		hey -z "$1" -c 2 -q "$(awk -v r="$per_session" 'BEGIN { print r / 2 }')" -disable-redirects \
			-H "Cookie: ${cookies[i]}" -H "X-Forwarded-For: ${addresses[i]}" -o csv "$portal/dashboard" \
			>"$work/$2-$i.csv" &
		pids+=($!)
	done
	wait "${pids[@]}"
}
echo "== the dashboard through the gateway: $sessions sessions at $per_session requests/s each ($rate requests/s), warm-up $warmup, then $duration"
load "$warmup" warmup
started=$(date +%s%3N)
load "$duration" measured
ended=$(date +%s%3N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work"/measured-*.csv | bench_percentiles
echo "== where the measured dashboards' time went (Zipkin)"
breakdown "$started" "$ended"
# the gateway's circuit breaker may have opened: wait for the dashboard to come back (up to 2 minutes)
for _ in $(seq 1 24); do
	[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookies[1]}" -H "X-Forwarded-For: ${addresses[1]}" \
		"$portal/dashboard") == 200 ]] && break
	sleep 5
done
check_dashboard "== the dashboard after the load" after

echo "== the SQL behind the dashboard's recent transactions (transaction-service's Purchases.ofPractice), as the service runs it"
python3 - <<'EOF'
import datetime as dt, os, subprocess
from zoneinfo import ZoneInfo
def psql(sql):
    return subprocess.run(["psql", "-X", "-At", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-p",
                           os.environ.get("PGPORT", "15432"), "-U", "transaction", "-d", "transaction", "-c", sql],
                          env=dict(os.environ, PGPASSWORD="transaction"), capture_output=True, text=True,
                          check=True).stdout.strip()
practice = psql("SELECT practice_id FROM purchase GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
today = dt.datetime.now(ZoneInfo("America/New_York")).date()
start = today - dt.timedelta(days=30)
matching = psql(f"SELECT count(*) FROM purchase WHERE practice_id = '{practice}' AND business_date "
                f"BETWEEN '{start}' AND '{today}'")
print(f"the last 30 days: {start} to {today}, {matching} purchases match")
# the dashboard asks for the newest 10; the purchases page's range for up to 1,000 (the default)
for limit in (10, 1000):
    query = f"""SELECT p.*, c.account_last4 FROM purchase p JOIN credit_line c ON c.account_id = p.account_id
        WHERE p.practice_id = '{practice}' AND p.business_date >= '{start}' AND p.business_date <= '{today}'
        ORDER BY p.created_at DESC, p.id LIMIT {limit}"""
    print(f"LIMIT {limit}:")
    for line in psql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query).splitlines():
        print("    " + line)
EOF

if [[ "${LIGHTHOUSE:-1}" == 1 ]]; then
	today=$(TZ=America/New_York date +%F)
	year_ago=$(TZ=America/New_York date -d "$today - 364 days" +%F)
	account=$(grep -o 'href="/accounts/[0-9a-f-]*"' "$work/dashboard.html" | head -n 1 | sed 's|.*/accounts/\([^"]*\)"|\1|')
	[[ -n "$account" ]] || { echo "no account on the dashboard for the purchase form" >&2; exit 1; }
	echo "== Lighthouse 12.2.3, desktop, $runs runs each"
	header="{\"Cookie\":\"${cookies[1]}\",\"X-Forwarded-For\":\"${addresses[1]}\"}"
	bench_lighthouse "$work" dashboard "$portal/dashboard" "$header"
	bench_lighthouse "$work" purchase-form "$portal/purchases/new?account=$account&amount=1500.00" "$header"
	bench_lighthouse "$work" reports "$portal/reports?from=$year_ago&to=$today" "$header"
fi
