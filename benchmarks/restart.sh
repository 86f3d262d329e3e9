#!/usr/bin/env bash
# Restart of the Lepton jar on a data directory that holds many decisions: seconds from `java -jar` to an
# authenticated REST answer and RSS then, after a clean stop and after kill -9, against the fresh start of the same
# run. Usage (after `mvn -B -DskipTests install`): benchmarks/restart.sh [decisions] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jar.sh
decisions=${1:-50000}
shift || true
port=18081
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
logged=0
row() { printf '| %s | %s | %s | %s |\n' "$1" "$logged" "$ready_s" "$(rss "$pid")"; }
echo "| start | decisions answered 200 before it | ready (s) | RSS at ready (MB) |"
echo "|---|---|---|---|"
start_jar "$dir/data" "$port" "$dir/fresh.log" "$@"
row fresh
url="localhost:$port/api/decisions/churn-risk?ruleSet=churn-retention"
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u pm:pm -H 'Content-Type: application/json' \
  -d @docs/examples/churn-customer.json "$url")" = 200 ]; do
  sleep 1
done
for _ in $(seq 1 "$decisions"); do
  printf 'url = "http://%s"\nuser = "pm:pm"\nheader = "Content-Type: application/json"\n' "$url"
  printf 'data = "@docs/examples/churn-customer.json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n'
done > "$dir/decisions.curl"
t0=$(date +%s)
curl -s --parallel --parallel-max 4 -K "$dir/decisions.curl" 2>/dev/null > "$dir/statuses" || true
logged=$(grep -c '^200$' "$dir/statuses" || true)
echo "statuses: $(sort "$dir/statuses" | uniq -c | tr '\n' ' ')" >&2
echo "(${decisions} decisions posted in $(( $(date +%s) - t0 )) s)" >&2
kill "$pid"; wait "$pid" 2>/dev/null || true
start_jar "$dir/data" "$port" "$dir/clean-restart.log" "$@"
row "restart after a clean stop"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
start_jar "$dir/data" "$port" "$dir/kill-9.log" "$@"
row "restart after kill -9"
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=
