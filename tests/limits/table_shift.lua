-- limit-args: --fuel 50000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- table.insert and table.remove at the front of a large table move every element:
-- that work is charged, so the loop runs out of fuel instead of running for hours.
local t = {}
for i = 1, 1000000 do t[i] = i end
for i = 1, 1000000 do
  table.insert(t, 1, i)
  table.remove(t, 1)
end
print("not reached")
