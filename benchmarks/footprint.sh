#!/usr/bin/env bash
# Footprint under decisions: the packaged jar, started as the README starts it (its JVM options, or those given),
# takes single decisions over HTTP (wrk, 2 threads, 4 connections) until at least [decisions] are answered, then
# prints the data directory's size, the RSS now and at its peak. Usage (after `mvn -B -DskipTests install`):
#   benchmarks/footprint.sh [decisions] [JVM options...]   (default 100000 and the README's -Xmx512m -XX:TrimNativeHeapInterval=5000)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jar.sh
decisions=${1:-100000}
shift || true
[ $# -gt 0 ] || set -- -Xmx512m -XX:TrimNativeHeapInterval=5000
port=18086
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; [ -n "${KEEP_DATA:-}" ] && echo "data kept in $dir" || rm -rf "$dir"' EXIT
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
start_jar "$dir/data" "$port" "$dir/lepton.log" "$@"
decision="http://localhost:$port/api/decisions/churn-risk?ruleSet=churn-retention"
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u pm:pm -H 'Content-Type: application/json' \
  -d @docs/examples/churn-customer.json "$decision")" = 200 ]; do
  sleep 1
done
wait_idle "$pid"
echo "JVM options: $*; idle after the demo's training: RSS $(rss "$pid") MB, data directory \
$(du -sm "$dir/data" | cut -f1) MB"
answered=0
echo "| decisions answered | rate (req/s) | p99 ms | errors | data directory (MB) | RSS (MB) |"
echo "|---|---|---|---|---|---|"
while [ "$answered" -lt "$decisions" ]; do
  out=$(AUTH="Basic $(printf pm:pm | base64)" BODY=docs/examples/churn-customer.json \
    wrk -t2 -c4 -d30s -s benchmarks/http/decision.lua "$decision")
  read -r rate _ p99 errors requests _ <<< "${out##*RESULT }"
  answered=$(( answered + requests - errors ))
  echo "| $answered | $rate | $p99 | $errors | $(du -sm "$dir/data" | cut -f1) | $(rss "$pid") |"
done
sleep 5 # a housekeeping round or two
echo "after $answered decisions: data directory $(du -sm "$dir/data" | cut -f1) MB \
(lepton.mv.db $(du -m "$dir/data/lepton.mv.db" | cut -f1) MB), RSS $(rss "$pid") MB, \
peak $(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status") MB"
