-- wrk script for bench/api_bench: POST /api/v1/jobs as fast as the connections allow.
--
--   wrk ... -s api_enqueue.lua URL -- COMMITS_FILE TOKEN THREADS MODE
--
-- MODE distinct: thread i of THREADS posts the commits on lines i, i+THREADS, ... of
-- COMMITS_FILE, each once, so that every request can make a new job; a thread that runs out
-- wraps around, and the answers (200 "duplicate") show it.
-- MODE duplicate: every request posts the first commit, so that all but the first are
-- duplicates of one queued job.
--
-- done() prints one line the caller parses: "statuses created=N duplicate=N other=N".

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path, token, count, mode = args[1], args[2], tonumber(args[3]), args[4]
  bodies = {}
  local line = 0
  for sha in io.lines(path) do
    local mine
    if mode == "duplicate" then mine = line == 0 else mine = line % count == id end
    if mine then
      table.insert(bodies, '{"commit": "' .. sha .. '", "kind": "experiment", "scenarios": ["idle"]}')
    end
    line = line + 1
  end
  next_body = 1
  created, duplicate, other = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, "/api/v1/jobs", nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    duplicate = duplicate + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local created, duplicate, other = 0, 0, 0
  for _, thread in ipairs(threads) do
    created = created + thread:get("created")
    duplicate = duplicate + thread:get("duplicate")
    other = other + thread:get("other")
  end
  io.write(string.format("statuses created=%d duplicate=%d other=%d\n", created, duplicate, other))
end
