#!/usr/bin/env bash
# Start-up of the Lepton fat jar: seconds from launch to an authenticated REST answer, and the process's RSS then
# and once the demo engagement has trained (first start) or settled (restart on the same data).
# Usage (after `mvn -B -DskipTests install`): benchmarks/startup.sh [runs] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=app/target/lepton-app-0.1.0-SNAPSHOT.jar
runs=${1:-3}
shift || true
port=18080
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
echo "| run | start | ready (s) | RSS at ready (MB) | RSS 20 s later (MB) |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  for start in first restart; do
    t0=$(date +%s%N)
    LEPTON_DATA_DIR="$dir" PORT=$port java "$@" -jar "$jar" > "$dir/$start.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -u demo:demo localhost:$port/engine-rest/engine)" = 200 ]; do
      kill -0 $pid 2>/dev/null || { echo "Lepton died, see $dir/$start.log"; exit 1; }
      sleep 0.1
    done
    t1=$(date +%s%N)
    ready_rss=$(rss $pid)
    sleep 20
    settled_rss=$(rss $pid)
    printf '| %s | %s | %.1f | %s | %s |\n' "$run" "$start" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b-a)/1e9}')" "$ready_rss" "$settled_rss"
    kill $pid; wait $pid 2>/dev/null || true
  done
  rm -rf "$dir"
done
