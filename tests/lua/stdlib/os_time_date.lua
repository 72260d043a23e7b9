-- os.time with a table and os.date with a fixed time and "!" (UTC) formats.
local t = os.time({year = 2020, month = 1, day = 1, hour = 12, min = 0, sec = 0})
print(math.type(t))
local t2 = os.time({year = 2020, month = 1, day = 2, hour = 12})
print(t2 - t, os.difftime(t2, t))
print(os.time({year = 2020, month = 3, day = 0, hour = 12}) == os.time({year = 2020, month = 2, day = 29, hour = 12}))
local fixed = 1700000000
print(os.date("!%Y-%m-%d %H:%M:%S", fixed))
print(os.date("!%A %B %d %j %p %y %a %b", fixed))
print(os.date("!%c", 0))
print(os.date("!%x %X %%", 86400 * 365))
local d = os.date("!*t", fixed)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local lt = os.date("*t", t)
print(lt.year, lt.month, lt.day, lt.hour)
print(os.time(os.date("*t", fixed)) == fixed)
print(type(os.time()), type(os.clock()), os.getenv("PICCOLO_SURELY_UNSET_VAR"))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.time, {year = 2020}))
