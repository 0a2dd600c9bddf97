#!/bin/bash
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d). The same layout as the local stack's
# DatabaseProvisioner: one database per service owned by a login role of the same name, no CONNECT for PUBLIC;
# plus one for the schema registry's storage.
set -euo pipefail
for db in bankflow_connection bankflow_token_vault bankflow_sync bankflow_reconciliation bankflow_cashflow \
  bankflow_webhook_ingest bankflow_registry; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v password="$BANKFLOW_DB_PASSWORD" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
SQL
done
