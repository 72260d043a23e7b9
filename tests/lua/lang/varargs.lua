-- Varargs: ..., select, table.pack/unpack, adjustment of multiple results.
local function f(...) return select('#', ...), ... end
print(f())
print(f(nil, nil))
print(f(1, nil, 3))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(pcall(select, 0, 1))
local function g(...) local a, b = ...; return a, b end
print(g(1), g(1, 2, 3))
local function three() return 1, 2, 3 end
print(three(), three())
print((three()))
local t = {three(), three()}
print(#t)
t = {three(), (three())}
print(#t)
local p = table.pack(three())
print(p.n, p[1], p[3])
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5))
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
print(sum(), sum(1, 2, 3, 4))
local function pass(...) return ... end
print(pass(three()), pass())
print(string.format("%s %s", pass("x", "y")))
local function vcount(...) return select("#", ...) end
print(vcount(three(), nil), vcount(nil, three()))
