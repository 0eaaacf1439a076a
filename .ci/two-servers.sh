#!/usr/bin/env bash
# Two Wijkweb app servers on one PostgreSQL database, as behind a load balancer without sticky
# sessions. Both start at the same moment on an empty database (both migrate), then:
#   - the migrations were applied once (the advisory lock in src/lib/server/db/migrate.ts);
#   - a session made by signing in on A is valid on B;
#   - a mail queued through A is sent once (a real SMTP sink counts deliveries; both run the job workers);
#   - a mail left pending while both were down is sent once after both start again (both queue it);
#   - a per-token API rate limit counts across both, when the build has one (a RateLimit header).
# Needs DATABASE_URL of a PostgreSQL server where it may create a database, and a build (vite build).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL of a PostgreSQL server is needed}"
PORT_A=${TWO_PORT_A:-3101}
PORT_B=${TWO_PORT_B:-3102}
SINK_PORT=${TWO_SMTP_PORT:-3125}
# The public address, the same on both servers (what a load balancer in front would answer on).
ORIGIN_AB="http://localhost:$PORT_A"
NODE=./node_modules/.bin/node
WORK=$(mktemp -d /tmp/wijkweb-two.XXXXXX)
pid_a="" pid_b="" pid_sink=""
cleanup() {
	for p in $pid_a $pid_b $pid_sink; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
ran=()
skipped=()
pass() {
	ran+=("$1")
	echo "ok: $1"
}
fail() {
	echo "FAILED: $1" >&2
	for f in "$WORK"/*.log; do
		echo "--- $f" >&2
		tail -n 40 "$f" >&2
	done
	exit 1
}

# sql URL QUERY: prints the first column of the first row.
sql() {
	"$NODE" --input-type=module -e '
		import pg from "pg";
		const client = new pg.Client({ connectionString: process.argv[1] });
		await client.connect();
		const { rows } = await client.query(process.argv[2]);
		await client.end();
		if (rows.length) console.log(Object.values(rows[0])[0]);
	' "$1" "$2"
}

DB=$("$NODE" -e 'const u = new URL(process.argv[1]); u.pathname = "/wijkweb_two"; console.log(u.href)' "$DATABASE_URL")
sql "$DATABASE_URL" 'DROP DATABASE IF EXISTS wijkweb_two WITH (FORCE)'
sql "$DATABASE_URL" 'CREATE DATABASE wijkweb_two'
[ -f build/handler.js ] || "$NODE" node_modules/vite/bin/vite.js build --logLevel warn

"$NODE" .ci/smtp-sink.mjs "$SINK_PORT" "$WORK/delivered" >"$WORK/smtp-sink.log" 2>&1 &
pid_sink=$!

serve() { # serve NAME PORT: one app server in the background (Node 24 from node_modules, as .ci/run starts it)
	PORT=$2 ORIGIN=$ORIGIN_AB DATABASE_URL=$DB API_RATE_LIMIT=6 SMTP_HOST=127.0.0.1 SMTP_PORT=$SINK_PORT \
		"$NODE" --max-semi-space-size=16 scripts/serve.ts >>"$WORK/server-$1.log" 2>&1 &
}
start_both() {
	serve a "$PORT_A"
	pid_a=$!
	serve b "$PORT_B"
	pid_b=$!
	for port in "$PORT_A" "$PORT_B"; do
		for _ in $(seq 1 90); do
			curl -fsS "http://localhost:$port/healthz" 2>/dev/null | grep -q '"up"' && break
			kill -0 "$pid_a" 2>/dev/null && kill -0 "$pid_b" 2>/dev/null || fail "a server stopped while starting"
			sleep 1
		done
		curl -fsS "http://localhost:$port/healthz" | grep -q '"up"' || fail "the server on port $port did not come up"
	done
}
stop_both() {
	kill -TERM "$pid_a" "$pid_b"
	wait "$pid_a" "$pid_b" 2>/dev/null || true
	pid_a="" pid_b=""
}
# sent_once ADDRESS WHAT: the outbox holds one mail to ADDRESS, marked sent, and the SMTP sink got it once.
sent_once() {
	local rows
	for _ in $(seq 1 60); do
		[ "$(sql "$DB" "SELECT count(*) FROM mail_outbox WHERE \"to\" = '$1' AND status = 'sent'")" = 1 ] && break
		sleep 0.5
	done
	# Time for a second delivery to show, were there one.
	sleep 4
	rows=$(sql "$DB" "SELECT count(*) || ' ' || string_agg(status, ',') FROM mail_outbox WHERE \"to\" = '$1'")
	[ "$rows" = "1 sent" ] || fail "$2: outbox rows for $1: '$rows', expected '1 sent'"
	local delivered
	delivered=$(grep -c -x -F "$1" "$WORK/delivered" || true)
	[ "$delivered" = 1 ] || fail "$2: the SMTP server got $delivered deliveries to $1, expected 1"
	pass "$2: 1 outbox row, sent, 1 SMTP delivery"
}

echo "Two app servers on ports $PORT_A and $PORT_B, one database ($DB), started at the same moment"
start_both
grep -q 'Serving at' "$WORK/server-a.log" && grep -q 'Serving at' "$WORK/server-b.log" || fail "both servers serving"
files=$(find drizzle -maxdepth 1 -name '*.sql' | wc -l)
applied=$(sql "$DB" 'SELECT count(*) FROM drizzle.__drizzle_migrations')
[ "$applied" = "$files" ] || fail "migrations: $applied rows in drizzle.__drizzle_migrations, $files migration files"
pass "both migrated at once: $applied migrations applied once ($files files)"

DATABASE_URL=$DB npm run --silent seed:demo >"$WORK/seed.log" 2>&1 || fail "seed:demo"

# A session made on A, used on B.
code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$WORK/jar" -H "Origin: $ORIGIN_AB" -H "Accept: text/html" \
	--data-urlencode email=admin@example.org --data-urlencode password=wijkweb-demo "http://localhost:$PORT_A/sign-in")
[ "$code" = 303 ] && grep -q session_token "$WORK/jar" || fail "sign-in on A answered $code, or set no session cookie"
curl -sS -b "$WORK/jar" "http://localhost:$PORT_B/account" | grep -q 'admin@example.org' || fail "the session from A is not valid on B"
# Without the cookie, B does not show the account page: the check above is about the session.
if curl -sS "http://localhost:$PORT_B/account" | grep -q 'admin@example.org'; then fail "B shows the account without a session"; fi
pass "a session made on A is valid on B"

# A mail queued through A (a password reset), sent by whichever worker takes it.
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Origin: $ORIGIN_AB" -H "Accept: text/html" --data-urlencode email=resident@example.org \
	"http://localhost:$PORT_A/forgot-password")
[ "$code" = 200 ] || fail "forgot-password on A answered $code"
sent_once resident@example.org "a mail queued through A"

# The per-token API rate limit, shared through PostgreSQL: 3 calls on A, 3 on B, the 7th on either is refused.
token=$(DATABASE_URL=$DB npm run --silent token -- --email admin@example.org | tail -n 1)
api() { curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:$1/api/v1/me"; }
# Fixed one-minute windows: do not start the seven calls just before a minute ends.
second=$(date +%S)
((10#$second < 45)) || sleep $((61 - 10#$second))
headers=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$PORT_A/api/v1/me")
if grep -qiE '^ratelimit(-policy)?:' <<<"$headers"; then
	codes="$(api "$PORT_A") $(api "$PORT_A") $(api "$PORT_B") $(api "$PORT_B") $(api "$PORT_B")"
	[ "$codes" = "200 200 200 200 200" ] || fail "rate limit: calls 2-6 (A A B B B) answered $codes"
	seventh=$(api "$PORT_B")
	eighth=$(api "$PORT_A")
	[ "$seventh $eighth" = "429 429" ] || fail "rate limit: the 7th call (B) answered $seventh, the 8th (A) $eighth; expected 429"
	pass "rate limit across both (API_RATE_LIMIT=6): calls 1-6 on A and B passed, the 7th (B) and 8th (A) were 429"
else
	skipped+=("rate limit across both: the API answers without a RateLimit header (no per-token limit in this build)")
fi

# A mail left queued while both servers were down: both queue it when they start, it goes out once.
stop_both
sql "$DB" "INSERT INTO mail_outbox (\"to\", subject, text) VALUES ('pending@example.org', 'Pending', 'Queued while both servers were down.')"
start_both
sent_once pending@example.org "a mail pending while both were down, after both started again"
stop_both

echo
echo "Two servers, one database: ${#ran[@]} checks ran, ${#skipped[@]} skipped."
for c in "${ran[@]}"; do echo "  ran:     $c"; done
for c in "${skipped[@]}"; do echo "  skipped: $c"; done
