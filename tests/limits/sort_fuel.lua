-- limit-args: --fuel 3000000
-- limit-status: 3
-- limit-stderr: out of fuel
local t = {}
for i = 1, 200000 do t[i] = (i * 7919) % 200003 end
table.sort(t, function(a, b) return a < b end)
print("sorted")
