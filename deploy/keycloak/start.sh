#!/usr/bin/env bash
# Starts Keycloak for local development with the carefin-staff realm, from the distribution
# on Maven Central (no Docker). Listens on http://localhost:8180 (health on :9000), which is
# the staff issuer the gateway's application.yml trusts by default.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
cache=deploy/local/.cache
home="${cache}/keycloak-${version}"
if [[ ! -x "${home}/bin/kc.sh" ]]; then
	# overWriteReleases: unpack again even where an earlier unpack left its marker under target/
	./mvnw -B -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:${version}:zip" -Dmdep.overWriteReleases=true \
		-DoutputDirectory="${cache}"
fi
mkdir -p "${home}/data/import"
cp deploy/keycloak/carefin-staff-realm.json "${home}/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "${home}/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="${KC_PORT:-8180}" \
	--hostname="http://localhost:${KC_PORT:-8180}" --health-enabled=true
