local s = string.rep("hello world ", 200000) local r, n = s:gsub("o", "0") print(#r, n)
local r2, n2 = s:gsub("%w+", function(w) return w:upper() end) print(#r2, n2)
local cnt = 0 for w in s:gmatch("%a+") do cnt = cnt + 1 end print(cnt)
print(#s:rep(3), s:find("xyz", 1, true), s:find("d w", 1000000, true))
