#!/usr/bin/env bash
# The project manager's engagement list on many engagements: GET /api/engagements (a page of 50, and a filtered
# search) against the Camunda REST call a user would otherwise make for the same page (historic process instances of
# ai-engagement), timed alternately in the same run on the packaged jar.
# Usage (after `mvn -B -DskipTests install`): benchmarks/engagement-list.sh [engagements] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jar.sh
engagements=${1:-1000}
rounds=${2:-20}
port=18082
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
start_jar "$dir/data" "$port" "$dir/lepton.log"
for i in $(seq 1 "$engagements"); do
  printf 'url = "http://localhost:%s/api/engagements"\nuser = "pm:pm"\nheader = "Content-Type: application/json"\n' "$port"
  printf 'data = "{\\"engagementId\\":\\"ENG-BENCH-%05d\\",\\"client\\":\\"Client %d\\",\\"engagementName\\":\\"Bench %d\\"}"\n' "$i" $((i % 37)) "$i"
  printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n'
done > "$dir/seed.curl"
t0=$(date +%s)
curl -s --parallel --parallel-max 4 -K "$dir/seed.curl" 2>/dev/null > "$dir/statuses" || true
opened=$(grep -c '^201$' "$dir/statuses" || true)
echo "($opened engagements opened in $(( $(date +%s) - t0 )) s; statuses: $(sort "$dir/statuses" | uniq -c | tr '\n' ' '))" >&2
grep -h -B2 -A8 'ERROR' "$dir/lepton.log" | grep -v '^\s*at ' | head -20 >&2 || true
time_ms() { curl -s -o /dev/null -w '%{time_total}' -u pm:pm "localhost:$port$1" | awk '{printf "%.1f", $1 * 1000}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for path in "/api/engagements?size=50" "/api/engagements?q=client%207&status=active&size=50" \
    "/engine-rest/history/process-instance?processDefinitionKey=ai-engagement&maxResults=50"; do
  time_ms "$path" > /dev/null # warm
done
: > "$dir/lepton" ; : > "$dir/search" ; : > "$dir/camunda"
for _ in $(seq 1 "$rounds"); do
  time_ms "/api/engagements?size=50" >> "$dir/lepton"; echo >> "$dir/lepton"
  time_ms "/api/engagements?q=client%207&status=active&size=50" >> "$dir/search"; echo >> "$dir/search"
  time_ms "/engine-rest/history/process-instance?processDefinitionKey=ai-engagement&maxResults=50" >> "$dir/camunda"
  echo >> "$dir/camunda"
done
base=$(median < "$dir/camunda")
echo "| call ($opened engagements + the demo's, $rounds rounds, median) | ms | ratio to Camunda's page |"
echo "|---|---|---|"
for name in lepton search camunda; do
  m=$(median < "$dir/$name")
  label=$([ $name = lepton ] && echo 'GET /api/engagements?size=50 (a line per engagement, all fields)' \
    || ([ $name = search ] && echo 'GET /api/engagements?q=client 7&status=active&size=50' \
    || echo 'GET /engine-rest/history/process-instance?processDefinitionKey=ai-engagement&maxResults=50'))
  printf '| %s | %s | %.2f |\n' "$label" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print a / b}')"
done
