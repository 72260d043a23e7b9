-- collectgarbage parameters are kept as Lua 5.4 keeps them (a byte holding
-- a quarter of the percentage; the minor multiplier a byte): -1 gives 0,
-- 2000 gives 976; a negative generational multiplier no longer made every
-- allocation a collection.
print(collectgarbage("setpause", -1), collectgarbage("setpause", 2000), collectgarbage("setpause", 100))
print(collectgarbage("setstepmul", -5), collectgarbage("setstepmul", 5000), collectgarbage("setstepmul", 100))
print(collectgarbage("incremental", -1, -1, -1), collectgarbage("incremental", 2000, 3000, 100))
print(collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(collectgarbage("generational", -1, -1), collectgarbage("generational", 300, 2000))
print(collectgarbage("incremental"))
print(collectgarbage("setpause"), collectgarbage("setpause"))
collectgarbage("generational", -1, -1)
collectgarbage("setpause", -1)
collectgarbage("setstepmul", 0)
local t = {}
for i = 1, 20000 do t[i] = {i} end
print(#t, collectgarbage("incremental"))
