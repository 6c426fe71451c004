#!/usr/bin/env bash
# One database and one role per service (and Keycloak's), each named after it, on the first start of the
# PostgreSQL volume. Every role has the password CAREFIN_DATABASE_PASSWORD from .env.
set -euo pipefail
for name in auth transaction account reporting notification portal keycloak; do
	psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
		-v name="$name" -v password="$CAREFIN_DATABASE_PASSWORD" <<-'SQL'
		CREATE ROLE :"name" LOGIN PASSWORD :'password';
		CREATE DATABASE :"name" OWNER :"name";
	SQL
done
