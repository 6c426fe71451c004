# Shared by the portal's benchmarks (portal.sh, dashboard.sh); sourced, not run. Each function says what it needs.

# hey (Debian package), npx (Node.js and npm) and Debian's Chromium, or a message and exit 1
bench_require_tools() {
	command -v hey >/dev/null || { echo "needs hey (Debian: apt-get install hey)" >&2; exit 1; }
	command -v npx >/dev/null || { echo "needs Node.js and npm (npx)" >&2; exit 1; }
	chromium="${CHROME_PATH:-$(command -v chromium || true)}"
	[[ -x "$chromium" ]] || { echo "needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
}

# portal: the gateway's address; exits unless the platform answers there
bench_require_platform() {
	curl -sf "$1/actuator/health/readiness" >/dev/null || {
		echo "no platform at $1: start deploy/local/run.sh first" >&2
		exit 1
	}
}

# A signed-in session, as a browser gets one: the sign-in form's CSRF token, then the form posted.
# bench_sign_in portal user password jar [client address]: prints "name=value" of the session cookie, or exits
bench_sign_in() {
	local portal="$1" user="$2" password="$3" jar="$4" address="${5:-}" csrf cookie dashboard
	local via=()
	[[ -n "$address" ]] && via=(-H "X-Forwarded-For: $address")
	csrf=$(curl -sf "${via[@]}" -c "$jar" "$portal/" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	curl -sf "${via[@]}" -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
		--data-urlencode "userId=$user" --data-urlencode "password=$password" "$portal/sign-in"
	cookie=$(awk '$6 ~ /session/ { print $6 "=" $7 }' "$jar" | tail -n 1)
	for _ in 1 2 3; do # a first dashboard on a cold or busy platform may time out at the gateway: ask again
		dashboard=$(curl -sf "${via[@]}" -b "$jar" "$portal/dashboard" || true)
		[[ "$dashboard" == *"Signed in as"* ]] && break
	done
	[[ -n "$cookie" && "$dashboard" == *"Signed in as"* ]] || {
		echo "could not sign in as $user" >&2
		exit 1
	}
	echo "$cookie"
}

# Lighthouse 12.2.3, desktop preset, $runs runs: one line per run with the scores, the metrics and the page Lighthouse
# ended on (a page that sent it to the sign-in form would show /).
# bench_lighthouse work-directory name url [extra headers JSON]; needs $chromium and $runs
bench_lighthouse() {
	local work="$1" name="$2" url="$3" extra=()
	[[ -n "${4:-}" ]] && extra=(--extra-headers="$4")
	local flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
	for run in $(seq 1 "$runs"); do
		CHROME_PATH="$chromium" npx --yes lighthouse@12.2.3 "$url" --quiet --preset=desktop \
			--only-categories=performance,accessibility,best-practices --chrome-flags="$flags" \
			--output=json --output-path="$work/$name-$run.json" "${extra[@]}" >/dev/null 2>"$work/$name-$run.log" || {
			# a run that failed part way (a gatherer's time-out) still writes its report: print what it has
			[[ -s "$work/$name-$run.json" ]] || {
				tail -n 20 "$work/$name-$run.log" >&2
				exit 1
			}
		}
		node -e '
			const r = require(process.argv[1]), c = r.categories, a = r.audits;
			const s = (k) => (c[k].score === null ? "n/a" : Math.round(c[k].score * 100));
			const failed = Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary").map((x) => x.id);
			console.log(`${process.argv[2]} run ${process.argv[3]}: performance ${s("performance")}, accessibility ${s("accessibility")}, best practices ${s("best-practices")}; FCP ${Math.round(a["first-contentful-paint"].numericValue)} ms, LCP ${Math.round(a["largest-contentful-paint"].numericValue)} ms, TBT ${Math.round(a["total-blocking-time"].numericValue)} ms, CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)}, server ${Math.round(a["server-response-time"].numericValue)} ms, CPU benchmark index ${Math.round(r.environment.benchmarkIndex)}; ended on ${new URL(r.finalDisplayedUrl).pathname}${failed.length ? "; failed audits: " + failed.join(" ") : ""}; DOM elements ${a["dom-size"].numericValue}${r.runtimeError ? "; Lighthouse error: " + r.runtimeError.code : ""}`);
		' "$work/$name-$run.json" "$name" "$run"
	done
}

# Percentiles and status counts of hey's CSV rows (-o csv) on standard input
bench_percentiles() {
	python3 -c '
import sys
rows = [line.strip().split(",") for line in sys.stdin if line[0].isdigit()]
times = sorted(float(row[0]) * 1000 for row in rows)
codes = {}
for row in rows:
    codes[row[6]] = codes.get(row[6], 0) + 1
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{len(times)} requests, statuses {codes}; p50 {pick(0.50):.1f} ms, p95 {pick(0.95):.1f} ms, p99 {pick(0.99):.1f} ms, max {times[-1]:.1f} ms")
'
}
