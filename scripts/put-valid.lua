-- wrk script: valid PUTs of corpus/full-valid.json, over 100 relationship names.

local base = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/load-rg/providers/Microsoft.CustomerInsights/hubs/loadHub/relationships/"
local query = "?api-version=2017-04-26"
local statuses = {}

function init(args)
  local file = assert(io.open("examples/customer-insights/corpus/full-valid.json", "rb"))
  body = file:read("*a")
  file:close()
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.format("PUT", base .. "rel_" .. (sent % 100) .. query, { ["content-type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    error("status " .. status .. ": " .. body)
  end
end
