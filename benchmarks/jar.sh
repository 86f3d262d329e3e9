# Shared by the start-up benchmarks (sourced): the packaged jar started on a data directory and a port.
jar=app/target/lepton-app-0.1.0-SNAPSHOT.jar

# The resident memory of a process, in MB.
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# start_jar <data dir> <port> <log> [JVM options...]: starts Lepton and waits for an authenticated REST answer;
# sets pid and ready_s (seconds from launch to that answer).
start_jar() {
  local data=$1 port=$2 log=$3
  shift 3
  local t0 t1
  t0=$(date +%s%N)
  LEPTON_DATA_DIR="$data" PORT=$port java "$@" -Djava.io.tmpdir="$(dirname "$data")" -jar "$jar" > "$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u demo:demo "localhost:$port/engine-rest/engine")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "Lepton died, see $log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  ready_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}')
}

# wait_idle <pid>: waits until the process used less than a tenth of a core over 5 s (a first start trains the demo
# engagements in the background; measuring during that measures the training).
wait_idle() {
  local before after
  while true; do
    before=$(awk '{print $14 + $15}' "/proc/$1/stat")
    sleep 5
    after=$(awk '{print $14 + $15}' "/proc/$1/stat")
    [ $(( after - before )) -lt $(( 5 * $(getconf CLK_TCK) / 10 )) ] && return
  done
}
