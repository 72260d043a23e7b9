-- Exact integer/float comparisons near 2^53 and 2^63, NaN, and mixed equality.
local maxi, mini = math.maxinteger, math.mininteger
print(maxi < 2^63, maxi <= 2^63, maxi == 2^63, maxi + 0.0 == 2^63)
print(mini == -2^63, mini < -2^63, mini <= -2^63, -2^63 <= mini)
print(2^53 == 2^53 + 1, (2^53 | 0) + 1 == 2^53, (2^53 | 0) + 1 > 2^53)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
local nan = 0 / 0
print(nan == nan, nan ~= nan, nan < 1, nan > 1, 1 < nan, nan <= nan, nan >= 0)
print(maxi < math.huge, mini > -math.huge, 1 < math.huge)
print(3 == 3.0000000000000001, 9007199254740993 < 9007199254740992.0)
print(math.max(1, 1.0), math.type(math.max(1, 1.0)), math.min(1.0, 1), math.type(math.min(1.0, 1)))
local t = {}
t[1] = "int"; t[1.0] = "float"
print(t[1], #t)
t[2^53] = "a"
print(t[2^53 | 0], t[9007199254740992])
print(-0.0 == 0, 1/(-0.0) < 0, 1/(0 * -1) > 0)
