-- wrk script: a mix of valid PUTs, invalid PUTs and GETs of relationships, with the status of
-- every answer counted per thread and summed at the end.

local base = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/load-rg/providers/Microsoft.CustomerInsights/hubs/loadHub/relationships/"
local query = "?api-version=2017-04-26"
local threads = {}

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  valid = read("examples/customer-insights/corpus/full-valid.json")
  invalid = read("examples/customer-insights/corpus/broken-several.json")
  counts = {}
  sent = 0
end

function request()
  sent = sent + 1
  local name = "rel_" .. (sent % 100)
  local kind = sent % 3
  if kind == 0 then
    return wrk.format("PUT", base .. name .. query, { ["content-type"] = "application/json" }, valid)
  elseif kind == 1 then
    return wrk.format("PUT", base .. name .. query, { ["content-type"] = "application/json" }, invalid)
  else
    return wrk.format("GET", base .. "seed" .. query)
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local statuses = {}
  for status, _ in pairs(total) do table.insert(statuses, status) end
  table.sort(statuses)
  for _, status in ipairs(statuses) do
    io.write(string.format("status %d: %d\n", status, total[status]))
  end
  local errors = summary.errors
  io.write(string.format("requests: %d in %.1f s = %.0f/s\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.3f ms, p99: %.3f ms, max: %.3f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("transport errors: connect %d, read %d, write %d, timeout %d\n",
    errors.connect, errors.read, errors.write, errors.timeout))
end
