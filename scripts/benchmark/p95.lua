-- For the pages, COOKIES holds the session cookies of several signed-in users (separated by
-- spaces): requests take them in turn, as concurrent users would, each thread from its own
-- place in the list. Prints the 95th percentile latency after a wrk run.
local cookies = {}
for cookie in string.gmatch(os.getenv("COOKIES") or "", "%S+") do
  table.insert(cookies, cookie)
end

local threads = 0
setup = function(thread)
  thread:set("offset", threads * 7)
  threads = threads + 1
end

local sent = 0
request = function()
  if #cookies > 0 then
    sent = sent + 1
    wrk.headers["Cookie"] = cookies[((offset or 0) + sent) % #cookies + 1]
  end
  return wrk.format()
end

done = function(summary, latency, requests)
  io.write(string.format("p95 %.1f ms, requests %d, errors %d\n", latency:percentile(95) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
