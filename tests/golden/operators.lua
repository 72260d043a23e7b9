-- Operators: immediate (ADDI, SHRI, SHLI, EQI, LTI...) and constant (ADDK,
-- EQK...) forms, MMBIN* after every arithmetic op, comparisons as test+JMP.
local a, b = ...
local r = {a + 1, a - 2, a * b, a / 2.5, a // b, a % 3, a ^ 2, -a, ~a, #a,
  a & 1, a | b, a ~ 3, a << 2, a >> 1, 1 << a, a .. b .. "c", not a}
if a == 1 then r[1] = true end
if a ~= "x" then r[2] = true end
if a < b and b <= 10 or a > 2.0 then r[3] = a >= -1 end
return r
