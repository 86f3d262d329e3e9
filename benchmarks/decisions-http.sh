#!/usr/bin/env bash
# Single decisions over HTTP against the Camunda DMN evaluation a business process would otherwise call, in the same
# run on the same jar: POST /api/decisions/churn-risk?ruleSet=churn-retention (scoring, rules, decision log) and
# POST /engine-rest/decision-definition/key/churn-offer/evaluate (a three-rule table this script deploys), both as
# the demo project manager, alternating rounds of wrk (2 threads, 4 connections). Then one batch of [batch rows]
# customers (wa_churn.csv's rows over and over) through POST /api/decisions/churn-risk/batch. Prints a table, the
# ratio of the medians of the rounds, the batch's rows per second against the median single-call rate, the RSS
# (peak and after) and the data directory's size after all of it.
# Usage (after `mvn -B -DskipTests install`):
#   benchmarks/decisions-http.sh [rounds] [seconds] [batch rows] [extra JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jar.sh
rounds=${1:-3}
seconds=${2:-20}
batch_rows=${3:-100000}
shift 3 || shift $# || true
port=18082
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
start_s=$(date +%s)
start_jar "$dir/data" "$port" "$dir/lepton.log" "$@"
echo "ready in ${ready_s} s, RSS $(rss "$pid") MB" >&2
base="http://localhost:$port"
decision="$base/api/decisions/churn-risk?ruleSet=churn-retention"
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u pm:pm -H 'Content-Type: application/json' \
  -d @docs/examples/churn-customer.json "$decision")" = 200 ]; do
  sleep 1
done
curl -sf -u demo:demo -F deployment-name=churn-offer -F deploy-changed-only=true \
  -F "churn-offer.dmn=@benchmarks/http/churn-offer.dmn" "$base/engine-rest/deployment/create" > /dev/null
curl -sf -u demo:demo -H 'Content-Type: application/json' -d '{"type": 1, "permissions": ["READ", "CREATE_INSTANCE"],
  "userId": "pm", "resourceType": 10, "resourceId": "churn-offer"}' "$base/engine-rest/authorization/create" > /dev/null
wait_idle "$pid"
echo "idle after the demo's training: $(( $(date +%s) - start_s )) s from launch" >&2
dmn="$base/engine-rest/decision-definition/key/churn-offer/evaluate"
curl -sf -u pm:pm -H 'Content-Type: application/json' -d @benchmarks/http/churn-offer-evaluate.json "$dmn" \
  | grep -q OFFER_DISCOUNT || { echo "the DMN table did not answer OFFER_DISCOUNT"; exit 1; }

auth="Basic $(printf pm:pm | base64)"
# run <name> <seconds> <url> [body]: one wrk round; prints "req/s p50 p99 errors"
run() {
  local out
  out=$(AUTH="$auth" BODY="${4:-}" wrk -t2 -c4 -d"$2s" -s benchmarks/http/decision.lua "$3")
  out=${out##*RESULT }
  echo "$out"
}
run warm-up 20 "$decision" docs/examples/churn-customer.json > /dev/null
run warm-up 20 "$dmn" benchmarks/http/churn-offer-evaluate.json > /dev/null
echo "| round | Lepton decision req/s | p50 ms | p99 ms | errors | DMN evaluate req/s | p50 ms | p99 ms | errors | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|"
ratios=()
singles=()
for round in $(seq 1 "$rounds"); do
  read -r l50 l_p50 l_p99 l_err _ <<< "$(run lepton "$seconds" "$decision" docs/examples/churn-customer.json)"
  read -r d50 d_p50 d_p99 d_err _ <<< "$(run dmn "$seconds" "$dmn" benchmarks/http/churn-offer-evaluate.json)"
  ratio=$(awk -v a="$l50" -v b="$d50" 'BEGIN {printf "%.2f", a/b}')
  ratios+=("$ratio")
  singles+=("$l50")
  echo "| $round | $l50 | $l_p50 | $l_p99 | $l_err | $d50 | $d_p50 | $d_p99 | $d_err | ${ratio}× |"
done
floor=$(AUTH="$auth" wrk -t2 -c4 -d"${seconds}s" -s benchmarks/http/decision.lua "$base/engine-rest/engine")
echo "floor of login + HTTP (GET /engine-rest/engine, same login): ${floor##*RESULT } (req/s p50 p99 errors requests)"
echo "median ratio (Lepton / DMN): $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')×"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "after the rounds: RSS $(rss "$pid") MB, data directory $(du -sm "$dir/data" | cut -f1) MB"

csv="$dir/campaign.csv"
customers=datasets/wa_churn.csv
awk -v n="$batch_rows" 'NR == 1 {print; next} {rows[++m] = $0} END {for (i = 0; i < n; i++) print rows[i % m + 1]}' \
  "$customers" > "$csv"
t0=$(date +%s%N)
curl -s -u pm:pm -H 'Content-Type: text/csv' --data-binary @"$csv" -o "$dir/answers.csv" \
  "$base/api/decisions/churn-risk/batch?ruleSet=churn-retention"
t1=$(date +%s%N)
answered=$(( $(wc -l < "$dir/answers.csv") - 1 ))
logged=$(awk -F, 'NR > 1 && $5 != "" {n++} END {print n+0}' "$dir/answers.csv")
rate=$(awk -v n="$answered" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / ((b - a) / 1e9)}')
echo "batch: $answered of $batch_rows rows answered ($logged decided and logged) in $(awk -v a="$t0" -v b="$t1" \
  'BEGIN {printf "%.1f", (b - a) / 1e9}') s = $rate rows/s, $(awk -v r="$rate" -v s="$(median "${singles[@]}")" \
  'BEGIN {printf "%.1f", r / s}')× the median single-call rate"
echo "at the end: RSS $(rss "$pid") MB (peak $(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status") MB), \
data directory $(du -sm "$dir/data" | cut -f1) MB"
