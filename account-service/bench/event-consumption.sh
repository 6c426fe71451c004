#!/usr/bin/env bash
# Measures purchase events applied per second and commit-to-visible latency (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
./mvnw -B -q -pl account-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dtest='EventConsumptionBenchmark' -Djacoco.skip=true > /dev/null
cat account-service/target/event-consumption-benchmark.txt
echo
