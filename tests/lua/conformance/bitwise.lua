-- bitwise operators
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xF0 ~ 0xFF, ~0, ~0xFF, 1 << 4, 256 >> 4)
print(-1 & 0xFF, -1 >> 60, -1 << 60, 1 << 62, 1 << 63, 1 << 64, (1 << 63) >> 63)
print(5 >> -1, 5 << -1, 1 >> 64, -1 >> 65, 1 << 100, 2 >> 1.0)
print(math.maxinteger & math.mininteger, math.maxinteger | math.mininteger, math.maxinteger ~ -1)
print(3.0 & 1, 2^32 | 0, -2^63 | 0, "0x10" + 0 & 0xFF)
print(pcall(function() return 3.5 & 1 end))
print(pcall(function() return 2^63 & 1 end))
print(pcall(function() return "a" & 1 end))
print(pcall(function() return {} << 1 end))
print(pcall(function() return 1 >> nil end))
print(pcall(function() local s = "3"; return s & 1 end))
-- bit manipulation functions
local function popcount(x) local c = 0; while x ~= 0 do c = c + (x & 1); x = x >> 1 end return c end
print(popcount(0), popcount(255), popcount(-1), popcount(math.mininteger))
local function rotl(x, n) return (x << n) | (x >> (64 - n)) end
print(string.format("%x", rotl(0x123456789ABCDEF0, 8)), string.format("%X", rotl(1, 63)))
print(string.format("%016x", -1), string.format("%x", math.mininteger))
-- xor swap
local a, b = 12345, 67890
a = a ~ b; b = a ~ b; a = a ~ b
print(a, b)
-- precedence
print(1 | 2 ~ 3 & 4, 1 << 2 + 1, 1 + 2 << 1, ~1 + 1, - ~1, ~-1, 5 & 3 == 1)
print(pcall(function() return 2 .. 3 << 1 | 0 end))
-- constants folding with bitwise
local K = 0xFF
print(K & 0x0F, K >> 4, K << 56, (K << 56) >> 56)
-- hashing
local h = 5381
for c in ("hello world"):gmatch(".") do h = ((h << 5) + h + c:byte()) & 0xFFFFFFFF end
print(h)
local fnv = 0xcbf29ce484222325
for c in ("abc"):gmatch(".") do fnv = (fnv ~ c:byte()) * 0x100000001b3 end
print(fnv, string.format("%x", fnv))
