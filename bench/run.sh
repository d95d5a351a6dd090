#!/usr/bin/env bash
# Delivery benchmark (see bench/README.md): loads 1,000 published articles in 20 sites through the
# management API, then drives the delivery API with wrk (2 threads, 32 connections, 20 s) for
#   (a) one item by slug, cycling the 1,000 slugs
#   (b) the 20 newest items of one site, cycling the 20 sites
# and, in the same run, nginx serving saved copies of the very same response bytes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/target}
DURATION=${BENCH_DURATION:-20s}
HTTP_PORT=8580 NGINX_PORT=8590
export CIVITAS_DATA_DIR="$ROOT/.civitas/bench" CIVITAS_HTTP_PORT=$HTTP_PORT CIVITAS_MANAGEMENT_PORT=10490 \
  CIVITAS_KEYCLOAK_PORT=8680 CIVITAS_DB_PORT=54349 CIVITAS_DEMO_DATA=false \
  CIVITAS_RATE_LIMIT_WRITES_PER_MINUTE=1000000  # the loader is one user writing 2,000 times
CP="$ROOT/modules/dev-services/target/dev-services-0.1.0-SNAPSHOT.jar:$ROOT/modules/dev-services/target/lib/*"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk nginx >/dev/null
fi

rm -rf "$OUT" "$CIVITAS_DATA_DIR/postgres" "$CIVITAS_DATA_DIR/wildfly"
mkdir -p "$OUT" "$CIVITAS_DATA_DIR"
# Keycloak's unpacked distribution is shared with ./civitas run.
for kc in "$ROOT"/.civitas/keycloak-*; do
  [ -d "$kc" ] && [ ! -e "$CIVITAS_DATA_DIR/$(basename "$kc")" ] && ln -s "$kc" "$CIVITAS_DATA_DIR/$(basename "$kc")"
done

echo "==> starting Civitas on :$HTTP_PORT (log: $OUT/civitas.log)"
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
for _ in $(seq 1 300); do
  grep -q "Civitas is ready" "$OUT/civitas.log" && break
  kill -0 $LAUNCHER 2>/dev/null || { cat "$OUT/civitas.log"; exit 1; }
  sleep 1
done

echo "==> loading the data set"
java -cp "$CP" tw.gov.civitas.devservices.bench.BenchLoader "http://localhost:$HTTP_PORT" \
  "http://localhost:8680/realms/civitas" "$ROOT/bench/bench-articles.json" "$OUT"

cat > "$OUT/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
error_log $OUT/nginx-error.log;
pid $OUT/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type application/json;
  server { listen 127.0.0.1:$NGINX_PORT; root $OUT/nginx; }
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX_PID=$!
sleep 1

measure() { # name port urls-file
  URLS="$3" wrk -t2 -c32 -d5s -s "$ROOT/bench/cycle.lua" "http://127.0.0.1:$2" >/dev/null # warm-up
  URLS="$3" wrk -t2 -c32 -d"$DURATION" --latency -s "$ROOT/bench/cycle.lua" "http://127.0.0.1:$2" > "$OUT/wrk-$1.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$1.txt")
  echo "$1 $rps $p99" >> "$OUT/results.txt"
  printf '    %-16s %10s req/s   p99 %s\n' "$1" "$rps" "$p99"
}
echo "==> wrk -t2 -c32 -d$DURATION"
measure civitas-item $HTTP_PORT "$OUT/urls-item.txt"
measure nginx-item $NGINX_PORT "$OUT/urls-item.txt"
measure civitas-list $HTTP_PORT "$OUT/urls-list.txt"
measure nginx-list $NGINX_PORT "$OUT/urls-list-nginx.txt"

awk '{r[$1]=$2; p[$1]=$3} END {
  printf "\n(a) one item by slug:   Civitas %.0f req/s (p99 %s), nginx %.0f req/s: ratio %.2f (target >= 0.50, p99 < 10ms)\n", r["civitas-item"], p["civitas-item"], r["nginx-item"], r["civitas-item"]/r["nginx-item"];
  printf "(b) 20 newest of a site: Civitas %.0f req/s (p99 %s), nginx %.0f req/s: ratio %.2f (target >= 0.33)\n", r["civitas-list"], p["civitas-list"], r["nginx-list"], r["civitas-list"]/r["nginx-list"] }' "$OUT/results.txt" | tee "$OUT/summary.txt"
