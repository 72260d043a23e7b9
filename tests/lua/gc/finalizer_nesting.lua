-- Finalizers never run inside another finalizer, even when one allocates (and
-- so reaches safe points with other finalizers pending): each runs whole.
for _, mode in ipairs({"incremental", "generational"}) do
  collectgarbage(mode)
  local depth, maxdepth, ran = 0, 0, 0
  local log = {}
  local mt = {__gc = function(o)
    depth = depth + 1
    if depth > maxdepth then maxdepth = depth end
    ran = ran + 1
    -- allocate: tables and strings, enough for collection steps to run
    local junk = {}
    for i = 1, 50 do junk[i] = {o.id, tostring(i) .. "x"} end
    log[#log + 1] = {id = o.id, n = #junk}
    depth = depth - 1
  end}
  for i = 1, 5000 do setmetatable({id = i}, mt) end
  collectgarbage()
  collectgarbage()
  -- finalizers may also be run by later steps: allocate until all ran
  for _ = 1, 200 do local t = {} for j = 1, 100 do t[j] = {} end end
  collectgarbage()
  local seen, bad = {}, 0
  for _, e in ipairs(log) do
    if seen[e.id] or e.n ~= 50 then bad = bad + 1 end
    seen[e.id] = true
  end
  print(mode, "ran", ran, "logged", #log, "max depth", maxdepth, "bad", bad)
end
