-- wrk script for bench/serve-load: POSTs one page to /v1/extract?format=json on every connection, and
-- prints one parseable line of results. Pacing is either open-loop at a fixed rate (Poisson arrivals) or a
-- think time per connection; it never changes what is sent, only when.
-- usage: wrk -t1 ... -s bench/serve-load.lua URL -- PAGE_PATH [DELAY_MS | rate=REQ_PER_S]
--   DELAY_MS: each connection waits a uniform 0..2×DELAY_MS after each answer (a closed loop: the rate
--             falls when answers are slow);
--   rate=R:   requests start at the times of one Poisson process of R per second shared by all the
--             connections (an open loop, as independent clients: the rate does not fall when answers are
--             slow, as long as a connection is free). Needs LuaJIT's ffi (wrk's) for a clock; one wrk thread.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } serve_load_timespec;
int clock_gettime(int clock_id, serve_load_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("serve_load_timespec")

local delay_ms = 0
local rate = 0        -- requests per second, open loop
local next_ms = nil   -- the next arrival of the shared schedule

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  local file = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.path = "/v1/extract?format=json"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "text/html"
  local pacing = args[2] or "0"
  if pacing:sub(1, 5) == "rate=" then
    rate = tonumber(pacing:sub(6)) or 0
  else
    delay_ms = tonumber(pacing) or 0
  end
end

-- Called before every request of a connection, its first included. Open loop: the connection takes the
-- next arrival time of the shared Poisson process and waits for it (an arrival already due starts at once).
-- Think time: uniform between 0 and twice the mean, so that connections do not stay in step.
function delay()
  if rate > 0 then
    local now = now_ms()
    if next_ms == nil then next_ms = now end
    next_ms = next_ms - math.log(1 - math.random()) * 1000 / rate
    local wait = next_ms - now
    if wait <= 0 then return 0 end
    return math.floor(wait + 0.5)
  end
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
