#!/usr/bin/env bash
# With 1,000,000 purchase events loaded: summary p99 against a GROUP BY over raw events in the same run,
# and the consumer's events per second (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
./mvnw -B -q -pl reporting-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dtest='ReportingBenchmark' -Djacoco.skip=true > /dev/null
cat reporting-service/target/reporting-benchmark.txt
echo
