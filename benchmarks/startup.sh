#!/usr/bin/env bash
# Start-up of the Lepton fat jar: seconds from launch to an authenticated REST answer, and the process's RSS then
# and once the demo engagement has trained (first start) or settled (restart on the same data).
# Usage (after `mvn -B -DskipTests install`): benchmarks/startup.sh [runs] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jar.sh
runs=${1:-3}
shift || true
port=18080
echo "| run | start | ready (s) | RSS at ready (MB) | RSS 20 s later (MB) |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  for start in first restart; do
    start_jar "$dir/data" "$port" "$dir/$start.log" "$@"
    ready_rss=$(rss "$pid")
    sleep 20
    printf '| %s | %s | %s | %s | %s |\n' "$run" "$start" "$ready_s" "$ready_rss" "$(rss "$pid")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
done
