local count = 0
local function build(depth)
  count = count + 1
  if depth == 1 then local a = {} for i = 1, 11 do a[i] = i end return a end
  local arr = {}
  for i = 1, 4 do arr[i] = build(depth - 1) end
  return arr
end
for i = 1, 40 do count = 0 build(7) end
print(count)
