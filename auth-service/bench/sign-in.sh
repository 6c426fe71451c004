#!/usr/bin/env bash
# Measures sign-in throughput against the bare Argon2id check rate in one run (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)}"
./mvnw -B -q -pl auth-service -am verify -Dexcluded.test.groups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dtest='SignInBenchmark' -Djacoco.skip=true > /dev/null
cat auth-service/target/sign-in-benchmark.txt
echo
