#!/usr/bin/env bash
# Measures sign-in throughput against the bare Argon2id check rate in one run (see docs/benchmarks.md): both with the
# same number of threads, production Argon2id parameters, a warm-up of sign-ins, then alternating rounds; prints the
# rates, their ratio per round and the median, and the CPU time per check and per sign-in.
# Options (environment): BENCH_THREADS=4 BENCH_WARMUP_SECONDS=180 BENCH_ROUNDS=5 BENCH_ROUND_SECONDS=10
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
log=auth-service/target/sign-in-benchmark.log
mkdir -p auth-service/target
if ! ./mvnw -B -pl auth-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dtest='SignInBenchmark' -Djacoco.skip=true > "$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "The benchmark failed; the whole build output is in $log" >&2
	exit 1
fi
cat auth-service/target/sign-in-benchmark.txt
echo
