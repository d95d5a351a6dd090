#!/usr/bin/env bash
# Scale benchmark: 1,000,000 published items across 100 sites (generated in PostgreSQL, then indexed
# by Hibernate Search's mass indexer), and the latency of lists and searches at that size, every
# request a cache miss. Data stays in .civitas/bench-scale between runs (BENCH_FRESH=1 starts over).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/target/scale}
SITES=${SCALE_SITES:-100} PER_SITE=${SCALE_PER_SITE:-10000} DURATION=${BENCH_DURATION:-15s}
HTTP_PORT=8780
export CIVITAS_DATA_DIR="$ROOT/.civitas/bench-scale" CIVITAS_HTTP_PORT=$HTTP_PORT CIVITAS_MANAGEMENT_PORT=10690 \
  CIVITAS_KEYCLOAK_PORT=8880 CIVITAS_DB_PORT=54359 CIVITAS_DEMO_DATA=false
CP="$ROOT/modules/dev-services/target/dev-services-0.1.0-SNAPSHOT.jar:$ROOT/modules/dev-services/target/lib/*"
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }

[ "${BENCH_FRESH:-0}" = 1 ] && rm -rf "$CIVITAS_DATA_DIR/postgres" "$CIVITAS_DATA_DIR/wildfly"
mkdir -p "$OUT" "$CIVITAS_DATA_DIR"
for kc in "$ROOT"/.civitas/keycloak-*; do
  [ -d "$kc" ] && [ ! -e "$CIVITAS_DATA_DIR/$(basename "$kc")" ] && ln -s "$kc" "$CIVITAS_DATA_DIR/$(basename "$kc")"
done
echo "==> starting Civitas on :$HTTP_PORT"
java -Xmx256m -cp "$CP" -Dcivitas.home="$ROOT" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  tw.gov.civitas.devservices.CivitasLauncher > "$OUT/civitas.log" 2>&1 &
LAUNCHER=$!
trap 'kill $LAUNCHER 2>/dev/null; wait $LAUNCHER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "Civitas is ready" "$OUT/civitas.log" && break
  kill -0 $LAUNCHER 2>/dev/null || { cat "$OUT/civitas.log"; exit 1; }
  sleep 1
done

echo "==> generating $SITES sites x $PER_SITE items"
java -cp "$CP" tw.gov.civitas.devservices.bench.ScaleGenerator "jdbc:postgresql://127.0.0.1:54359/civitas" civitas \
  civitas-dev "$SITES" "$PER_SITE"

TOKEN=$(curl -s -d grant_type=password -d client_id=civitas-cli -d username=platform-admin -d password=civitas-dev \
  http://localhost:8880/realms/civitas/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
if [ "${SCALE_REINDEX:-1}" = 1 ]; then
echo "==> rebuilding the search index"
start=$SECONDS
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  "http://localhost:$HTTP_PORT/api/v1/manage/search-index")
[ "$code" = 202 ] || { echo "rebuild refused: HTTP $code"; exit 1; }
while :; do
  sleep 10
  TOKEN=$(curl -s -d grant_type=password -d client_id=civitas-cli -d username=platform-admin -d password=civitas-dev \
    http://localhost:8880/realms/civitas/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  state=$(curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:$HTTP_PORT/api/v1/manage/search-index")
  case "$state" in *'"done"'*) break ;; *'"failed"'*) echo "$state"; exit 1 ;; esac
done
echo "    indexed in $((SECONDS - start)) s"
fi

: > "$OUT/results.txt"
measure() { # name pattern
  PATTERN="$2" SITES=$SITES wrk -t2 -c4 -d"$DURATION" --latency -s "$ROOT/bench/random.lua" \
    "http://127.0.0.1:$HTTP_PORT" > "$OUT/wrk-$1.txt"
  awk -v name="$1" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
    END {printf "    %-22s p50 %8s  p99 %8s  %8s req/s\n", name, p50, p99, rps}' "$OUT/wrk-$1.txt" | tee -a "$OUT/results.txt"
}
echo "==> latencies at $((SITES * PER_SITE)) items (wrk -t2 -c4 -d$DURATION, every request a cache miss)"
measure site-newest "/api/v1/sites/{site}/content?size=20&n={n}"
measure site-deep-page "/api/v1/sites/{site}/content?size=20&page={page}&n={n}"
measure cross-site-news "/api/v1/content?type=news&size=20&page={page}&n={n}"
measure site-search "/api/v1/sites/{site}/content?q={word}&size=20&n={n}"
measure cross-site-search "/api/v1/content?q={word}&size=20&n={n}"
