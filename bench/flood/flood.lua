-- GETs the paths of paths.txt in turn, from every connection: random cursors and one-off searches.
local paths = {}
for line in io.lines("bench/out/flood-paths.txt") do paths[#paths + 1] = line end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n * 7919) % #paths + 1])
end
