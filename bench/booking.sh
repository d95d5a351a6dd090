#!/usr/bin/env bash
# Venue booking benchmark (see bench/README.md): starts its own Civitas with the demo data (venues
# with a month of bookings on the sports and cultural affairs bureaus), then drives one venue's
# availability with wrk (2 threads, 32 connections):
#   (a) cached: the same weeks of the demo venues, answered by the response cache
#   (b) uncached: every request a distinct address (?n=<random>), so every one is computed
# and, in the same run, nginx serving the very same availability bytes from files.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/target/booking}
DURATION=${BENCH_DURATION:-20s}
HTTP_PORT=8580 NGINX_PORT=8592
export CIVITAS_DATA_DIR="$ROOT/.civitas/bench-booking" CIVITAS_HTTP_PORT=$HTTP_PORT CIVITAS_MANAGEMENT_PORT=10490 \
  CIVITAS_KEYCLOAK_PORT=8680 CIVITAS_DB_PORT=54349 CIVITAS_DEMO_DATA=true
CP="$ROOT/modules/dev-services/target/dev-services-0.1.0-SNAPSHOT.jar:$ROOT/modules/dev-services/target/lib/*"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! command -v curl >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk nginx curl >/dev/null
fi

rm -rf "$OUT" "$CIVITAS_DATA_DIR/postgres" "$CIVITAS_DATA_DIR/wildfly"
mkdir -p "$OUT" "$CIVITAS_DATA_DIR"
for kc in "$ROOT"/.civitas/keycloak-*; do
  [ -d "$kc" ] && [ ! -e "$CIVITAS_DATA_DIR/$(basename "$kc")" ] && ln -s "$kc" "$CIVITAS_DATA_DIR/$(basename "$kc")"
done

echo "==> starting Civitas with the demo data on :$HTTP_PORT (log: $OUT/civitas.log)"
java -Xmx256m -cp "$CP" -Dcivitas.home="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  tw.gov.civitas.devservices.CivitasLauncher > "$OUT/civitas.log" 2>&1 &
LAUNCHER=$!
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  kill "$LAUNCHER" 2>/dev/null || true
  wait "$LAUNCHER" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  grep -q "Civitas is ready" "$OUT/civitas.log" && break
  kill -0 $LAUNCHER 2>/dev/null || { cat "$OUT/civitas.log"; exit 1; }
  sleep 1
done

BASE="http://127.0.0.1:$HTTP_PORT"
: > "$OUT/urls-cached.txt"
mkdir -p "$OUT/nginx"
TODAY=$(TZ=Asia/Taipei date +%F)
for site in sports culture; do
  for id in $(curl -fsS "$BASE/api/v1/sites/$site/booking/venues" | grep -o '"id":[0-9]*' | cut -d: -f2); do
    for week in 0 1 2 3; do
      from=$(TZ=Asia/Taipei date -d "$TODAY + $((week * 7)) days" +%F)
      to=$(TZ=Asia/Taipei date -d "$from + 6 days" +%F)
      path="/api/v1/sites/$site/booking/venues/$id/availability?from=$from&to=$to"
      echo "$path" >> "$OUT/urls-cached.txt"
      file="$OUT/nginx/$site-$id-$from.json"
      curl -fsS "$BASE$path" -o "$file"
      echo "/$site-$id-$from.json" >> "$OUT/urls-nginx.txt"
    done
  done
done
FIRST=$(head -1 "$OUT/urls-cached.txt")
echo "==> $(wc -l < "$OUT/urls-cached.txt") availability addresses, e.g. $FIRST ($(wc -c < "$(ls "$OUT"/nginx/*.json | head -1)") bytes)"

cat > "$OUT/nginx.conf" <<NGINX
worker_processes 2;
events { worker_connections 1024; }
error_log $OUT/nginx-error.log;
pid $OUT/nginx.pid;
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $OUT/nginx; default_type application/json; etag on; }
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX_PID=$!
sleep 1

measure() { # name port script [env]
  local name=$1 port=$2 script=$3
  wrk -t2 -c32 -d5s -s "$ROOT/bench/$script" "http://127.0.0.1:$port" >/dev/null # warm-up
  wrk -t2 -c32 -d"$DURATION" --latency -s "$ROOT/bench/$script" "http://127.0.0.1:$port" > "$OUT/wrk-$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$name.txt")
  echo "$name $rps $p99 $p50" >> "$OUT/results.txt"
  printf '    %-24s %10s req/s   p50 %-8s p99 %s\n' "$name" "$rps" "$p50" "$p99"
}
echo "==> wrk -t2 -c32 -d$DURATION"
URLS="$OUT/urls-nginx.txt" measure nginx-availability $NGINX_PORT cycle.lua
URLS="$OUT/urls-cached.txt" measure civitas-availability-cached $HTTP_PORT cycle.lua
PATTERN="$FIRST&n={n}" measure civitas-availability-uncached $HTTP_PORT random.lua
awk '{ r[$1] = $2 } END {
  printf "\navailability, cached:   %.0f req/s, %.2f of nginx (%.0f req/s on the same bytes)\n", r["civitas-availability-cached"], r["civitas-availability-cached"]/r["nginx-availability"], r["nginx-availability"];
  printf "availability, uncached: %.0f req/s, %.2f of nginx, %.2f of cached\n", r["civitas-availability-uncached"], r["civitas-availability-uncached"]/r["nginx-availability"], r["civitas-availability-uncached"]/r["civitas-availability-cached"] }' \
  "$OUT/results.txt" | tee "$OUT/summary.txt"
