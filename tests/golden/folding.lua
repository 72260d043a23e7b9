-- Constant folding: folded only when the result is certain; never for what
-- raises at run time (x//0, x%0, bitwise ops on non-integral floats), never
-- to -0.0 or NaN; integer overflow wraps around.
local t = {}
t[1] = 1 + 2 * 3          -- 7
t[2] = 7 // 2 + 7 % -3    -- 1
t[3] = 2 ^ 10             -- 1024.0 (LOADF)
t[4] = 9223372036854775807 + 1 -- wraps to math.mininteger
t[5] = 1 << 63 | 1
t[6] = 3.0 | 1            -- 3
t[7] = 1 // 0             -- not folded
t[8] = 1 % 0              -- not folded
t[9] = 1.5 & 1            -- not folded
t[10] = -0.0              -- not folded (would be -0.0)
t[11] = 0 / 0             -- not folded (NaN)
t[12] = 1 / 0             -- not folded
local K <const> = 10
local S <const> = "s"
t[13] = K * K + 1         -- compile-time constant: 101
t[14] = S .. K            -- strings are not folded
return t
