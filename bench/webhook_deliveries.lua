-- wrk script for bench/webhook_bench: POST /webhooks/github as fast as the connections allow.
--
--   wrk ... -s webhook_deliveries.lua URL -- DELIVERIES_FILE THREADS
--
-- DELIVERIES_FILE holds one delivery per line, "id<TAB>signature<TAB>body"
-- (perfgate_webhook_deliveries). Thread i of THREADS sends the lines i, i+THREADS, ... each
-- once; a thread that runs out wraps around, and the answers (200 "repeated") show it.
--
-- done() prints one line the caller parses: "statuses 201=N 202=N 401=N other=N".

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path, count = args[1], tonumber(args[2])
  deliveries = {}
  local line = 0
  for text in io.lines(path) do
    if line % count == id then
      local delivery, signature, body = text:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      table.insert(deliveries, { delivery = delivery, signature = signature, body = body })
    end
    line = line + 1
  end
  next_delivery = 1
  created, ignored, refused, other = 0, 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-GitHub-Event"] = "push"
end

function request()
  local d = deliveries[next_delivery]
  next_delivery = next_delivery % #deliveries + 1
  wrk.headers["X-GitHub-Delivery"] = d.delivery
  wrk.headers["X-Hub-Signature-256"] = d.signature
  return wrk.format(nil, "/webhooks/github", nil, d.body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 202 then
    ignored = ignored + 1
  elseif status == 401 then
    refused = refused + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { created = 0, ignored = 0, refused = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("statuses 201=%d 202=%d 401=%d other=%d\n", totals.created,
                         totals.ignored, totals.refused, totals.other))
end
