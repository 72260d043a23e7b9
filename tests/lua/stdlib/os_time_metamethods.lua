-- os.time reads the date table's fields and writes the normalized ones back
-- through __index and __newindex, in lua5.4's order; errors name the field.
local calls = {}
local src = {year = 2020, month = 14, day = -3, hour = 7, min = 75, sec = 5}
local proxy = setmetatable({}, {
  __index = function(_, k) calls[#calls + 1] = "get " .. k; return src[k] end,
  __newindex = function(_, k, v)  -- isdst: whatever the local zone says, a boolean
    calls[#calls + 1] = "set " .. k .. "=" .. (k == "isdst" and type(v) or tostring(v)); src[k] = v
  end,
})
local t = os.time(proxy)
print(type(t), math.type(t))
print(table.concat(calls, "\n"))
print(os.date("!%Y-%m-%d", 0) == "1970-01-01")

-- __index tables are followed without calls
local d = setmetatable({}, {__index = {year = 2020, month = 1, day = 1, hour = 12}})
print(os.time(d) == os.time({year = 2020, month = 1, day = 1, hour = 12}))

-- a plain table gets the normalized fields written
local plain = {year = 2021, month = 13, day = 1, hour = 0}
os.time(plain)
print(plain.year, plain.month, plain.day, plain.hour, plain.min, plain.sec, plain.yday, plain.wday)

-- errors, in field order, before any later field is read
local seen = {}
local bad = setmetatable({}, {__index = function(_, k) seen[#seen + 1] = k; if k == "month" then return "x" end; return 1 end})
print(pcall(os.time, bad))
print(table.concat(seen, ","))
print(pcall(os.time, {month = 1, day = 1}))
print(pcall(os.time, {year = 2020, month = 1, day = 1.5}))
print(pcall(os.time, {year = 2020, month = 1, day = 2^40}))
-- an error in a metamethod propagates
print(pcall(os.time, setmetatable({}, {__index = function() error("no dates here") end})))
-- a metamethod cannot yield inside os.time
local co = coroutine.wrap(function()
  return pcall(os.time, setmetatable({}, {__index = function() coroutine.yield(1) end}))
end)
print(co())
