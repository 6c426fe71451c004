#!/usr/bin/env bash
# Compares throughput and latency of one authenticated GET straight to a stand-in service
# and through the gateway (token check, rate limit, circuit breaker, edge filters), in one
# run, with wrk (Debian package `wrk`), then the latency of both at one fixed moderate rate
# with hey (Debian package `hey`) if it is installed; ROUNDS times (3 by default), alternating the targets, since
# on a shared machine only figures from the same run, and their medians, compare. Figures and how to read them:
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
java="${JAVA_HOME:?point JAVA_HOME at a JDK 25}/bin/java"
threads="${THREADS:-2}" connections="${CONNECTIONS:-32}" duration="${DURATION:-20s}" warmup="${WARMUP:-40s}"
rate="${RATE:-1000}" rate_connections="${RATE_CONNECTIONS:-10}" rounds="${ROUNDS:-3}"
stub_port="${STUB_PORT:-18901}" gateway_port="${GATEWAY_PORT:-18900}"
work=$(mktemp -d)

./mvnw -B -q -pl gateway -am package -DskipTests
"$java" deploy/bench/StubService.java "$stub_port" > "$work/stub.log" 2>&1 &
stub=$!
gateway=""
trap 'kill $stub ${gateway} 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:${stub_port}/token" > "$work/token"; do sleep 0.5; done

service="http://127.0.0.1:${stub_port}"
"$java" -jar gateway/target/gateway-*-SNAPSHOT.jar --server.address=127.0.0.1 --server.port="$gateway_port" \
	--carefin.security.issuers[0].kind=PROVIDER --carefin.security.issuers[0].issuer-uri="$service" \
	--carefin.security.issuers[0].jwk-set-uri="$service/jwks.json" \
	--carefin.gateway.services.auth-service="$service" --carefin.gateway.services.transaction-service="$service" \
	--carefin.gateway.services.account-service="$service" --carefin.gateway.services.reporting-service="$service" \
	--carefin.gateway.services.notification-service="$service" \
	--carefin.gateway.rate-limits.per-user.requests=1000000000 > "$work/gateway.log" 2>&1 &
gateway=$!
until curl -sf "http://127.0.0.1:${gateway_port}/actuator/health/readiness" > /dev/null; do sleep 0.5; done

token=$(cat "$work/token")
run() {
	wrk --latency -t"$threads" -c"$connections" -d"$1" -H "Authorization: Bearer ${token}" "$2/api/accounts/42"
}
# the JIT needs well over 10 s on two shared cores before the gateway's cost per request settles
echo "== warm-up (gateway, ${warmup}, not counted)"
run "$warmup" "http://127.0.0.1:${gateway_port}" > /dev/null
for round in $(seq "$rounds"); do
	echo "== round ${round}, direct to the service: $(nproc) cores, -t${threads} -c${connections} -d${duration}"
	run "$duration" "$service"
	echo "== round ${round}, through the gateway: same load"
	run "$duration" "http://127.0.0.1:${gateway_port}"
done

command -v hey >/dev/null || { echo "== no hey (Debian: apt-get install hey): fixed-rate latency skipped"; exit 0; }
# hey paces each of its connections to rate/connections requests per second, so both targets get the
# same offered load; the gateway's added latency is the difference of the two distributions
fixed() {
	hey -z "$duration" -c "$rate_connections" -q $((rate / rate_connections)) -H "Authorization: Bearer ${token}" \
		"$1/api/accounts/42" | grep -E 'Requests/sec|(50|90|99)% in|^ +\[[0-9]{3}\]'
}
for round in $(seq "$rounds"); do
	echo "== round ${round}, fixed rate, direct to the service: ${rate} requests/s over ${rate_connections} connections, ${duration}"
	fixed "$service"
	echo "== round ${round}, fixed rate, through the gateway: same rate"
	fixed "http://127.0.0.1:${gateway_port}"
done
