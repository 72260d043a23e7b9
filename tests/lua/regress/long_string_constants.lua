-- equal long string constants of one chunk were distinct objects (lua5.4 makes them one: same %p)
local function addr (s) return string.format("%p", s) end
local s1 = "01234567890123456789012345678901234567890123456789"
local s2 <const> = "01234567890123456789012345678901234567890123456789"
local function f () return "01234567890123456789012345678901234567890123456789" end
local function g () return s1 end
print(addr(s1) == addr(s2), addr(s1) == addr(f()), addr(s1) == addr(g()))
local built = "0123456789" .. "0123456789012345678901234567890123456789"
print(built == s1, addr(built) == addr(s1))
