-- wrk script: cycles through the paths listed in the file named by VARIED_PATHS (one per line), so that
-- each request asks a different search (different centre) and no response cache can answer it.
local paths = {}
local file = io.open(os.getenv("VARIED_PATHS"), "r")
for line in file:lines() do paths[#paths + 1] = line end
file:close()
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end
function init(args)
  position = offset or 0
end
function request()
  position = position + 1
  return wrk.format("GET", paths[(position % #paths) + 1])
end
