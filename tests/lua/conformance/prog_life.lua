-- program: Conway's game of life on a torus, sieve, n-queens, and memoized partitions
local W, H = 20, 10
local grid = {}
for y = 1, H do grid[y] = {} for x = 1, W do grid[y][x] = 0 end end
local glider = {{2, 1}, {3, 2}, {1, 3}, {2, 3}, {3, 3}}
for _, p in ipairs(glider) do grid[p[2]][p[1]] = 1 end
grid[6][10], grid[6][11], grid[6][12] = 1, 1, 1
local function step(g)
  local n = {}
  for y = 1, H do
    n[y] = {}
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do for dx = -1, 1 do
        if dx ~= 0 or dy ~= 0 then c = c + g[(y + dy - 1) % H + 1][(x + dx - 1) % W + 1] end
      end end
      n[y][x] = (c == 3 or (c == 2 and g[y][x] == 1)) and 1 or 0
    end
  end
  return n
end
for i = 1, 30 do grid = step(grid) end
for y = 1, H do local row = {} for x = 1, W do row[x] = grid[y][x] == 1 and "#" or "." end print(table.concat(row)) end
-- sieve
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do if is[i] then for j = i * i, n, i do is[j] = false end end end
  local c, last = 0, 0
  for i = 2, n do if is[i] then c = c + 1; last = i end end
  return c, last
end
print(sieve(100000))
-- n-queens
local function queens(n)
  local count, cols, d1, d2 = 0, {}, {}, {}
  local function place(r)
    if r > n then count = count + 1 return end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n] = true, true, true
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return count
end
print(queens(6), queens(8))
-- memoized partitions with integer overflow check
local memo = {}
local function p(n, k)
  if n == 0 then return 1 end
  if n < 0 or k == 0 then return 0 end
  local key = n * 1000 + k
  local v = memo[key]
  if v then return v end
  v = p(n - k, k) + p(n, k - 1)
  memo[key] = v
  return v
end
print(p(100, 100), p(200, 200), math.type(p(200, 200)))
-- word frequency with sorted output
local text = [[the quick brown fox jumps over the lazy dog the fox barks and the dog runs quick quick]]
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w, c in pairs(freq) do words[#words+1] = {w = w, c = c} end
table.sort(words, function(a, b) if a.c ~= b.c then return a.c > b.c end return a.w < b.w end)
for i = 1, 5 do io.write(words[i].w, "=", words[i].c, " ") end print()
