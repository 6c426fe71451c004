#!/usr/bin/env bash
# Compares throughput and latency of one authenticated GET straight to a service and through
# the gateway (token check, rate limit, circuit breaker, edge filters), in one run, with wrk
# (Debian package `wrk`), then the latency of both at one fixed moderate rate with hey (Debian
# package `hey`) if it is installed; ROUNDS times (3 by default), alternating the targets, since
# on a shared machine only figures from the same run, and their medians, compare.
#
#   TARGET=service (default): a practice user's account read, GET /api/accounts/{id}, on the
#     real account-service of the local platform (deploy/local/run.sh, started here from empty
#     data under a temporary CAREFIN_LOCAL_HOME, services on the JIT's C2 as in production);
#     the service checks the token again, checks tenancy and reads PostgreSQL.
#   TARGET=stub: the same path on a stand-in (StubService.java) that answers 50 bytes and does
#     nothing else, so the ratio is the gateway's cost alone against a near-empty request.
#
# Figures and how to read them: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -n 1)}"
java="${JAVA_HOME:?point JAVA_HOME at a JDK 25}/bin/java"
target="${TARGET:-service}"
threads="${THREADS:-2}" connections="${CONNECTIONS:-32}" duration="${DURATION:-20s}" warmup="${WARMUP:-60s}"
rate="${RATE:-500}" rate_connections="${RATE_CONNECTIONS:-10}" rounds="${ROUNDS:-3}"
work=$(mktemp -d)
pids=()
cleanup() {
	kill "${pids[@]}" 2>/dev/null || true
	wait "${pids[@]}" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

json_field() { # the first "name":"value" of a JSON text
	sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1
}

case "$target" in
stub)
	stub_port="${STUB_PORT:-18901}" gateway_port="${GATEWAY_PORT:-18900}"
	./mvnw -B -q -pl gateway -am package -DskipTests
	"$java" deploy/bench/StubService.java "$stub_port" > "$work/stub.log" 2>&1 &
	pids+=($!)
	until curl -sf "http://127.0.0.1:${stub_port}/token" > "$work/token"; do sleep 0.5; done
	direct="http://127.0.0.1:${stub_port}"
	"$java" -jar gateway/target/gateway-*-SNAPSHOT.jar --server.address=127.0.0.1 --server.port="$gateway_port" \
		--carefin.security.issuers[0].kind=PROVIDER --carefin.security.issuers[0].issuer-uri="$direct" \
		--carefin.security.issuers[0].jwk-set-uri="$direct/jwks.json" \
		--carefin.gateway.services.auth-service="$direct" --carefin.gateway.services.transaction-service="$direct" \
		--carefin.gateway.services.account-service="$direct" --carefin.gateway.services.reporting-service="$direct" \
		--carefin.gateway.services.notification-service="$direct" \
		--carefin.gateway.rate-limits.per-user.requests=1000000000 > "$work/gateway.log" 2>&1 &
	pids+=($!)
	gateway="http://127.0.0.1:${gateway_port}"
	until curl -sf "$gateway/actuator/health/readiness" > /dev/null; do sleep 0.5; done
	path="/api/accounts/42"
	sign_in() { cat "$work/token"; }
	token=$(sign_in)
	;;
service)
	./mvnw -B -q -ntp -DskipTests package
	echo "== starting the local platform (deploy/local/run.sh --fresh, data in a temporary directory)"
	# the per-user budget is raised so that it counts every request but never refuses one
	CAREFIN_LOCAL_HOME="$work/local" CAREFIN_LOCAL_SERVICE_JVM_OPTIONS="${SERVICE_JVM_OPTIONS:--Xms256m -Xmx512m}" \
		CAREFIN_GATEWAY_RATELIMITS_PERUSER_REQUESTS=1000000000 \
		deploy/local/run.sh --fresh > "$work/platform.log" 2>&1 &
	pids+=($!)
	until grep -q CAREFIN-READY "$work/platform.log"; do
		kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
		sleep 2
	done
	grep -E 'CAREFIN-READY|Demo activity|Redis' "$work/platform.log" || true
	gateway="http://127.0.0.1:8080" direct="http://127.0.0.1:8083"
	sign_in() {
		curl -sf "$gateway/api/auth/login" -H 'Content-Type: application/json' \
			-d '{"userId":"demo.user","password":"Cheerful-Molars-2026"}' | json_field accessToken
	}
	token=$(sign_in)
	# Maria Lopez, a demo patient of Bright Smiles Dental (demo.user's practice)
	account=$(curl -sf "$gateway/api/accounts?lastName=Lopez&dateOfBirth=1984-03-09" \
		-H "Authorization: Bearer ${token}" | json_field accountId)
	[[ -n "$account" ]] || { echo "the demo account was not found" >&2; exit 1; }
	path="/api/accounts/${account}"
	;;
*)
	echo "TARGET is service or stub" >&2
	exit 1
	;;
esac

for base in "$direct" "$gateway"; do
	curl -sf -o /dev/null -H "Authorization: Bearer ${token}" "$base$path" ||
		{ echo "GET $base$path did not answer 2xx" >&2; exit 1; }
done
run() {
	wrk --latency -t"$threads" -c"$connections" -d"$1" -H "Authorization: Bearer ${token}" "$2$path"
}
# the JIT needs well over 10 s on two shared cores before the cost per request settles
echo "== warm-up (${warmup} through the gateway, then ${warmup} direct; not counted)"
run "$warmup" "$gateway" > /dev/null
run "$warmup" "$direct" > /dev/null
for round in $(seq "$rounds"); do
	echo "== round ${round}, direct to the ${target}: $(nproc) cores, -t${threads} -c${connections} -d${duration}"
	run "$duration" "$direct"
	echo "== round ${round}, through the gateway: same load"
	run "$duration" "$gateway"
done

command -v hey >/dev/null || { echo "== no hey (Debian: apt-get install hey): fixed-rate latency skipped"; exit 0; }
token=$(sign_in) # access tokens live 10 minutes
# hey paces each of its connections to rate/connections requests per second, so both targets get the
# same offered load; the gateway's added latency is the difference of the two distributions
fixed() {
	hey -z "$duration" -c "$rate_connections" -q $((rate / rate_connections)) -H "Authorization: Bearer ${token}" \
		"$1$path" | grep -E 'Requests/sec|(50|90|99)% in|^ +\[[0-9]{3}\]'
}
# the rounds above left both paths tuned to saturation: settle them at the fixed rate first (not counted)
echo "== warm-up at the fixed rate (${duration} direct, then ${duration} through the gateway; not counted)"
fixed "$direct" > /dev/null
fixed "$gateway" > /dev/null
for round in $(seq "$rounds"); do
	echo "== round ${round}, fixed rate, direct to the ${target}: ${rate} requests/s over ${rate_connections} connections, ${duration}"
	fixed "$direct"
	echo "== round ${round}, fixed rate, through the gateway: same rate"
	fixed "$gateway"
done
