-- A real program: the binary-trees benchmark at a small depth (allocation heavy).
local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {bottom_up(depth), bottom_up(depth)}
end
local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end
local N = 8
local maxdepth = N
local long_lived = bottom_up(maxdepth)
for depth = 4, maxdepth, 2 do
  local iters = 2 ^ (maxdepth - depth + 4) // 1
  local c = 0
  for i = 1, iters do c = c + check(bottom_up(depth)) end
  print(string.format("%d trees of depth %d check: %d", iters, depth, c))
end
print(string.format("long lived tree of depth %d check: %d", maxdepth, check(long_lived)))
