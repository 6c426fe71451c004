#!/usr/bin/env bash
# Measures messages/s from event to SMTP accept (GreenMail) and the p99 event-to-accept latency of sign-in codes
# at a moderate paced rate, in one run (see docs/benchmarks.md). BURST, RATE and SECONDS_AT_RATE tune it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
./mvnw -B -q -pl notification-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dtest='DeliveryBenchmark' -Djacoco.skip=true \
	-Dbench.burst="${BURST:-2000}" -Dbench.rate="${RATE:-20}" -Dbench.seconds="${SECONDS_AT_RATE:-20}" \
	> /dev/null
cat notification-service/target/deliveries-benchmark.txt
echo
