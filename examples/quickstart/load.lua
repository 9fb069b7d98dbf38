-- wrk script for the quickstart: cycles through the service's endpoints and paces the
-- requests to a fixed total rate, so that every measured window sends the same load.
--
--   wrk -t1 -c4 -d 5s -s load.lua http://127.0.0.1:8080 -- RATE [CONNECTIONS_PER_THREAD]
--
-- RATE is the total of requests per second over all connections of this thread (with -t1,
-- of the whole run). CONNECTIONS_PER_THREAD is -c divided by -t; it defaults to 4 (-t1 -c4).

local paths = { "/hash", "/sort", "/search" }
local requests = {}
local next_request = 0
local pause_ms = 0

function init(args)
  local rate = tonumber(args[1])
  if rate == nil or rate <= 0 then
    error("load.lua: the first argument after -- must be the rate in requests/s, e.g. 150")
  end
  local connections = tonumber(args[2]) or 4
  -- Each connection waits this long before its next request, so together the
  -- connections send `rate` requests per second (less the small time spent serving each).
  pause_ms = 1000 * connections / rate
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path)
  end
end

function delay()
  return pause_ms
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
