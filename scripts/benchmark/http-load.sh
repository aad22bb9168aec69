#!/usr/bin/env bash
# HTTP load on the measures pages and API: 20 concurrent connections, each page warmed up
# (WARMUP, default 10 s) then measured (DURATION, default 30 s) with latency percentiles.
# Start Probity first against the benchmark database, from the packaged jar (full JIT):
#   mvn -B package -DskipTests
#   PROBITY_DATABASE_URL=jdbc:postgresql://localhost:PORT/postgres PROBITY_DATABASE_USERNAME=postgres \
#   PROBITY_ADMIN_PASSWORD=bench SERVER_PORT=18080 java -jar target/probity-*.jar
# then: bash scripts/benchmark/http-load.sh http://localhost:18080 bench 2026-10
set -euo pipefail
BASE=${1:-http://localhost:18080}
PASSWORD=${2:-bench}
PERIOD=${3:-$(date -d 'last month' +%Y-%m)}
TEAM=${TEAM:-N00R01L1T01}
AUTH="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64)"

# Signed-in sessions for the pages (form sign-in with its CSRF token), one per connection:
# a session's last access is written on each request, so twenty connections sharing one
# session would queue on its row, which twenty users do not.
JAR=$(mktemp)
COOKIES=""
for i in $(seq 1 "${USERS:-20}"); do
  rm -f "$JAR"
  TOKEN=$(curl -s -c "$JAR" "$BASE/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$TOKEN" "$BASE/sign-in"
  COOKIES="$COOKIES $(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$JAR")"
done

# run PATH HEADER COOKIES
run() {
  echo "== $1"
  # warm up (the JIT compiles the hot paths), then measure
  COOKIES="$3" wrk -t2 -c20 -d"${WARMUP:-10s}" -s "$(dirname "$0")/p95.lua" -H "$2" "$BASE$1" > /dev/null
  COOKIES="$3" wrk -t2 -c20 -d"${DURATION:-30s}" --latency -s "$(dirname "$0")/p95.lua" -H "$2" "$BASE$1" \
    | grep -E "Requests/sec|50%|99%|p95|Non-2xx"
}
ACCEPT="Accept: text/html"
run "/measures?period=$PERIOD&unit=N00" "$ACCEPT" "$COOKIES"
run "/measures/SL001R?period=$PERIOD&unit=N00" "$ACCEPT" "$COOKIES"
run "/measures/SL001R?period=$PERIOD&unit=$TEAM" "$ACCEPT" "$COOKIES"
run "/measures/AM_K/cases?period=$PERIOD&unit=$TEAM" "$ACCEPT" "$COOKIES"
run "/api/v1/measures/SL001R/results?period=$PERIOD&level=TEAM" "$AUTH" ""
run "/api/v1/measures/AM_K/cases?period=$PERIOD&unit=$TEAM" "$AUTH" ""
rm -f "$JAR"
