-- POSTs a 10 MB page to /api/extract from every connection, as fast as answers come.
local f = io.open("bench/out/flood-preview.txt", "rb")
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=UTF-8"
