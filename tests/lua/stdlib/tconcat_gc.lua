-- table.concat making long results in a loop lets the collector run: memory stays bounded (the in-place path once skipped the collector's check), and floats and integers join as tostring shows them
local parts = {}
for i = 1, 200 do parts[i] = "piece" .. i end
local peak = 0
for i = 1, 20000 do
  local s = table.concat(parts, ",")
  if i % 1000 == 0 then
    local kb = collectgarbage("count")
    if kb > peak then peak = kb end
  end
end
print("bounded", peak < 16 * 1024)
local nums = {}
for i = 1, 60 do nums[i] = (i % 3 == 0) and i or i / 7 end
local joined = table.concat(nums, " ")
local want = {}
for i = 1, 60 do want[i] = tostring(nums[i]) end
print(joined == table.concat(want, " "), #joined)
print(table.concat({1.5, 2, -0.0, 1e100, 2^63, math.mininteger, 0.1}, "|"))
print(table.concat({1.25, 3}, ", "))
