-- wrk script for bench/serve-load: POSTs one page to /v1/extract?format=json on every connection, and
-- prints one parseable line of results. Optional pacing: each connection waits DELAY_MS on average (uniform
-- 0..2×DELAY_MS) between requests.
-- usage: wrk ... -s bench/serve-load.lua URL -- PAGE_PATH [DELAY_MS]
local delay_ms = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  local file = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.path = "/v1/extract?format=json"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "text/html"
  delay_ms = tonumber(args[2] or "0") or 0
end

-- Uniform between 0 and twice the mean: connections that all waited the same time would stay in step and
-- arrive as bursts of one request each, which measures the burst, not the load.
function delay()
  if delay_ms <= 0 then return 0 end
  return math.random(0, 2 * delay_ms)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "serve-load-result requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect=%d read=%d write=%d timeout=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
