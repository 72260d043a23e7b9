-- type(v), which the executor answers from the type closure itself: every kind of value, extra arguments and none (the library path), open results, a type function kept under another name, and a replaced global type
local vals = {n = 11, nil, true, false, 0, 1.5, "s", {}, print, function() end, coroutine.create(function() end), io.stdout}
for i = 1, vals.n do io.write(type(vals[i]), " ") end
print()
print(type(nil), type(2^63), type(math.maxinteger), type(type))
print(type(1, 2), pcall(type))
local function two() return {}, 1 end
print(type(two()), type((two())))
local t = type
print(t("x"), select('#', type(nil)))
type = function(v) return "replaced" end
print(type(1))
type = t
print(type(1), type(setmetatable({}, {__name = "Custom", __type = "x"})))
local counts = {}
for r = 1, 1000 do
  for i = 1, vals.n do local k = type(vals[i]); counts[k] = (counts[k] or 0) + 1 end
end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", counts[k], " ") end
print()
