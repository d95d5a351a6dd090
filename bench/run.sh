#!/usr/bin/env bash
# Delivery benchmark (see bench/README.md): loads 1,000 published articles in 20 sites through the
# management API, then drives the delivery API with wrk (2 threads, 32 connections, 20 s) for
#   (a) one item by slug, cycling the 1,000 slugs
#   (b) the 20 newest items of one site, cycling the 20 sites
#   (c) cached HTML pages: a site's home, a list page and an item page, identity and gzip
# and, in the same run, nginx serving saved copies of the very same response bytes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/target}
DURATION=${BENCH_DURATION:-20s}
HTTP_PORT=8580 NGINX_PORT=8590 NGINX_HTML_PORT=8591
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

# (c) HTML: the same bytes Civitas sends, saved as files nginx serves, the gzip ones beside them
# (gzip_static: nginx sends the stored .gz, as Civitas sends its stored gzip; neither compresses per request).
echo "==> saving the HTML pages for nginx"
HTML="$OUT/nginx-html"
save_page() { # path file
  mkdir -p "$(dirname "$HTML/$2")"
  curl -sf -o "$HTML/$2" "http://localhost:$HTTP_PORT$1"
  curl -sf -H 'Accept-Encoding: gzip' -o "$HTML/$2.gz" "http://localhost:$HTTP_PORT$1"
}
SITES=$(sed -E 's#^/api/v1/sites/([^/]+)/.*#\1#' "$OUT/urls-item.txt" | sort -u)
: > "$OUT/urls-home.txt"
for s in $SITES; do
  save_page "/sites/$s/" "sites/$s/index.html" && echo "/sites/$s/" >> "$OUT/urls-home.txt"
done
sed -E 's#^/api/v1/sites/([^/]+)/content/#/sites/\1/#' "$OUT/urls-item.txt" > "$OUT/urls-page.txt"
while read -r p; do save_page "$p" "${p#/}"; done < "$OUT/urls-page.txt"
# The list page is the lead's (/sites/<s>/list/<type>): use the first address that answers 200.
LIST_TYPE=""
first=$(echo "$SITES" | head -1)
for t in news article; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/sites/$first/list/$t")" = 200 ]; then
    LIST_TYPE=$t; break
  fi
done
: > "$OUT/urls-listpage.txt"
if [ -n "$LIST_TYPE" ]; then
  for s in $SITES; do
    save_page "/sites/$s/list/$LIST_TYPE" "sites/$s/list/$LIST_TYPE" && echo "/sites/$s/list/$LIST_TYPE" >> "$OUT/urls-listpage.txt"
  done
else
  echo "    no list page answers 200 (/sites/$first/list/news, /list/article): the list page is skipped"
fi
echo "    page sizes (identity / gzip, bytes): home $(stat -c %s "$HTML/sites/$first/index.html") / $(stat -c %s "$HTML/sites/$first/index.html.gz"), item $(stat -c %s "$HTML$(head -1 "$OUT/urls-page.txt")") / $(stat -c %s "$HTML$(head -1 "$OUT/urls-page.txt").gz")"

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
  server { listen 127.0.0.1:$NGINX_HTML_PORT; root $HTML; default_type "text/html;charset=UTF-8";
           gzip_static on; gzip_vary on; etag on; }
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX_PID=$!
sleep 1

measure() { # name port urls-file [wrk options]
  local name=$1 port=$2 urls=$3; shift 3
  URLS="$urls" wrk -t2 -c32 -d5s "$@" -s "$ROOT/bench/cycle.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
  URLS="$urls" wrk -t2 -c32 -d"$DURATION" --latency "$@" -s "$ROOT/bench/cycle.lua" "http://127.0.0.1:$port" > "$OUT/wrk-$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$name.txt")
  echo "$name $rps $p99 $p50" >> "$OUT/results.txt"
  printf '    %-24s %10s req/s   p50 %-8s p99 %s\n' "$name" "$rps" "$p50" "$p99"
}
echo "==> wrk -t2 -c32 -d$DURATION"
measure civitas-item $HTTP_PORT "$OUT/urls-item.txt"
measure nginx-item $NGINX_PORT "$OUT/urls-item.txt"
measure civitas-list $HTTP_PORT "$OUT/urls-list.txt"
measure nginx-list $NGINX_PORT "$OUT/urls-list-nginx.txt"
GZ=(-H 'Accept-Encoding: gzip')
for page in home listpage page; do
  [ -s "$OUT/urls-$page.txt" ] || continue
  measure "civitas-html-$page" $HTTP_PORT "$OUT/urls-$page.txt"
  measure "nginx-html-$page" $NGINX_HTML_PORT "$OUT/urls-$page.txt"
  measure "civitas-html-$page-gzip" $HTTP_PORT "$OUT/urls-$page.txt" "${GZ[@]}"
  measure "nginx-html-$page-gzip" $NGINX_HTML_PORT "$OUT/urls-$page.txt" "${GZ[@]}"
done

awk '{r[$1]=$2; p[$1]=$3; m[$1]=$4} END {
  printf "\n(a) one item by slug:   Civitas %.0f req/s (p99 %s), nginx %.0f req/s: ratio %.2f (target >= 0.50, p99 < 10ms)\n", r["civitas-item"], p["civitas-item"], r["nginx-item"], r["civitas-item"]/r["nginx-item"];
  printf "(b) 20 newest of a site: Civitas %.0f req/s (p99 %s), nginx %.0f req/s: ratio %.2f (target >= 0.33)\n", r["civitas-list"], p["civitas-list"], r["nginx-list"], r["civitas-list"]/r["nginx-list"];
  split("home listpage page", pages, " "); split("site home|list page|item page", labels, "|");
  for (i = 1; i <= 3; i++) for (g = 0; g <= 1; g++) {
    k = "html-" pages[i] (g ? "-gzip" : "");
    if (!(("civitas-" k) in r)) { if (!g) printf "(c) %-16s skipped (no page answered 200)\n", labels[i]; continue }
    printf "(c) %-9s %-8s Civitas %.0f req/s (p50 %s, p99 %s), nginx %.0f req/s (p50 %s, p99 %s): ratio %.2f\n", labels[i], g ? "gzip" : "identity",
      r["civitas-" k], m["civitas-" k], p["civitas-" k], r["nginx-" k], m["nginx-" k], p["nginx-" k], r["civitas-" k]/r["nginx-" k] }
}' "$OUT/results.txt" | tee "$OUT/summary.txt"
