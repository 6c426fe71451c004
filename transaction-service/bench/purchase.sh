#!/usr/bin/env bash
# Measures the purchase write path through transaction-service against pgbench running the same SQL on the same
# PostgreSQL in one run, then the service's latency at a fixed rate (see docs/benchmarks.md).
# Needs pgbench on the PATH (Debian: postgresql-client): the embedded PostgreSQL binaries that the tests start do not
# include it, so the machine's pgbench client drives the embedded server that the service under test also uses.
# Options (environment): BENCH_CLIENTS=8 BENCH_ROUND_SECONDS=10 BENCH_RATE=100 BENCH_WARMUP_SECONDS=240 (the service reaches its steady rate after about 3 minutes of purchases here).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pgbench > /dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
./mvnw -B -q -pl transaction-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dtest='PurchaseBenchmark' -Djacoco.skip=true > /dev/null
cat transaction-service/target/purchase-benchmark.txt
echo
