-- binary_trees (bench): allocates and walks many short-lived binary trees made of
-- tables, stressing table creation and the garbage collector.
-- Usage: binary_trees.lua [N]   (N = maximum depth; default 15, small size 8)
-- bench-small-args: 8

local n = tonumber(arg and arg[1]) or 15

local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottom_up(depth), bottom_up(depth) }
end

local function item_check(tree)
  if tree[1] then
    return 1 + item_check(tree[1]) + item_check(tree[2])
  end
  return 1
end

-- A perfect tree of depth d has 2^(d+1) - 1 nodes.
local function nodes(d) return (1 << (d + 1)) - 1 end

local min_depth = 4
local max_depth = math.max(min_depth + 2, n)
local total = 0

local stretch = max_depth + 1
local c = item_check(bottom_up(stretch))
if c ~= nodes(stretch) then error("stretch tree check " .. c) end
total = total + c

local long_lived = bottom_up(max_depth)

for depth = min_depth, max_depth, 2 do
  local iters = 1 << (max_depth - depth + min_depth)
  local check = 0
  for _ = 1, iters do
    check = check + item_check(bottom_up(depth))
  end
  if check ~= iters * nodes(depth) then
    error(string.format("depth %d: check %d, expected %d", depth, check, iters * nodes(depth)))
  end
  total = total + check
end

c = item_check(long_lived)
if c ~= nodes(max_depth) then error("long lived tree check " .. c) end
total = total + c
print(string.format("binary_trees(%d) checksum %d", n, total))
