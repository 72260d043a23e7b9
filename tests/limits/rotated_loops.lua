-- limit-args: --fuel 5000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Loops whose condition the compiler copies below the body (loop rotation)
-- jump back through that copy: the backward conditional jump must charge
-- fuel like the unconditional one it replaces, even with an empty body.
local a, b, t = 1, 2, { 1 }
local n = 0
while a < b and t[1] do n = n + 1; if n == 1000 then break end end
print(n)
while a < b do end
