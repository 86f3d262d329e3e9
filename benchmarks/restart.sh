#!/usr/bin/env bash
# Restart of the Lepton jar on a data directory that holds many decisions: seconds from `java -jar` to an
# authenticated REST answer and RSS then, after a clean stop and after kill -9, against a fresh start measured in the
# same run. Usage (after `mvn -B -DskipTests install`): benchmarks/restart.sh [decisions] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/lepton-app-0.1.0-SNAPSHOT.jar
decisions=${1:-50000}
shift || true
port=18081
dir=$(mktemp -d)
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
start() { # $1: label
  t0=$(date +%s%N)
  LEPTON_DATA_DIR="$dir/data" PORT=$port java "$@" -Djava.io.tmpdir="$dir" -jar "$jar" > "$dir/$label.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u demo:demo localhost:$port/engine-rest/engine)" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "Lepton died, see $dir/$label.log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  printf '| %s | %s | %.1f | %s |\n' "$label" "$logged" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b-a)/1e9}')" "$(rss $pid)"
}
logged=0
echo "| start | decisions in the log | ready (s) | RSS at ready (MB) |"
echo "|---|---|---|---|"
label=fresh; start "$@"
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u pm:pm -H 'Content-Type: application/json' \
  -d @docs/examples/churn-customer.json "localhost:$port/api/decisions/churn-risk?ruleSet=churn-retention")" = 200 ]; do
  sleep 1
done
config="$dir/decisions.curl"
for _ in $(seq 1 "$decisions"); do
  printf 'url = "http://localhost:%s/api/decisions/churn-risk?ruleSet=churn-retention"\nuser = "pm:pm"\nheader = "Content-Type: application/json"\ndata = "@docs/examples/churn-customer.json"\noutput = "/dev/null"\nnext\n' "$port"
done > "$config"
d0=$(date +%s)
curl -s --parallel --parallel-max 4 -K "$config"
d1=$(date +%s)
logged=$((decisions + 1))
echo "(${decisions} decisions posted in $((d1 - d0)) s)" >&2
kill $pid; wait $pid 2>/dev/null || true
label=clean-restart; start "$@"
kill -9 $pid; wait $pid 2>/dev/null || true
label=after-kill-9; start "$@"
kill $pid; wait $pid 2>/dev/null || true
