-- wrk script of decisions-http.sh: POSTs the JSON file named by BODY (GETs without it) with the
-- Authorization header AUTH; prints one line: RESULT <requests per s> <p50 ms> <p99 ms> <errors, counting every
-- answer that is not 2xx/3xx> <requests>.
local body = os.getenv("BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = io.open(body):read("*a")
end
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, summary.requests))
end
