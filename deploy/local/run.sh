#!/usr/bin/env bash
# Runs the whole CareFin platform on this machine, with nothing installed but a JDK 25:
#   deploy/local/run.sh            start (data kept from the last run)
#   deploy/local/run.sh --fresh    start from empty databases and topics
#   deploy/local/run.sh --build    rebuild the jars first (after pulling changes)
#   deploy/local/run.sh stop       stop a platform started elsewhere (Ctrl-C also stops it)
# Data, logs and generated keys live in deploy/local/.data (or $CAREFIN_LOCAL_HOME).
set -euo pipefail
cd "$(dirname "$0")/../.."

find_jdk25() {
	local candidate
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /opt/java/*25* \
		"$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
		if [[ -n "${candidate}" && -x "${candidate}/bin/java" ]] &&
			"${candidate}/bin/java" -version 2>&1 | grep -Eq 'version "2[5-9]'; then
			echo "${candidate}"
			return 0
		fi
	done
	return 1
}

if ! JAVA_HOME="$(find_jdk25)"; then
	echo "CareFin needs a JDK 25. Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
	exit 1
fi
export JAVA_HOME

build=false
args=()
for arg in "$@"; do
	case "${arg}" in
		--build) build=true ;;
		*) args+=("${arg}") ;;
	esac
done

launcher_cp="deploy/local/target/classes:deploy/local/target/lib/*"
if [[ " ${args[*]:-} " == *" stop "* ]]; then
	exec "${JAVA_HOME}/bin/java" -Dcarefin.root=. -cp "${launcher_cp}" io.carefin.local.LocalPlatform stop
fi

echo "CareFin portal: http://localhost:8080/ (open it once the platform says it is running)"
echo "Staff console: http://localhost:8080/staff (Keycloak asks for a password, then an authenticator code; the demo"
echo "  staff's TOTP secrets: support.agent MNQXEZLGNFXC243VOBYG64TUFVSGK3LP, ops.admin MNQXEZLGNFXC233QOMWWIZLNN4WWWZLZ,"
echo "  auditor MNQXEZLGNFXC2YLVMRUXILLEMVWW6LLL; passwords in README.md)"

missing=false
for module in gateway auth-service transaction-service account-service reporting-service notification-service portal; do
	[[ -f "${module}/target/${module}-0.1.0-SNAPSHOT.jar" ]] || missing=true
done
[[ -d deploy/local/target/lib && -f deploy/local/target/tools/greenmail-standalone.jar ]] || missing=true
if [[ "${build}" == true || "${missing}" == true ]]; then
	echo "Building CareFin (first run or --build; takes a few minutes)…"
	./mvnw -B -q -ntp -DskipTests package
fi

exec "${JAVA_HOME}/bin/java" -Xms32m -Xmx192m -XX:+UseSerialGC -Dcarefin.root=. -cp "${launcher_cp}" \
	io.carefin.local.LocalPlatform "${args[@]:-start}"
