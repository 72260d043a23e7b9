-- Loop rotation: a while loop whose condition is short straight-line code
-- ends its body with a copy of the condition that jumps back to the body
-- while it holds (the last test inverted, k flipped), instead of a jump back
-- to the test at the top; conditions with 'or', more than
-- PCK_MAXCONDCOPY instructions or a closure keep the jump back.
local t, n, x = ...
local i, j = 1, n
while i < j do t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
while x do x = x.next end
while not x do x = t[1] end
while i <= n and t[i] ~= nil do i = i + 1 end
while t[i + 1] == x do i = i + 2 end
while i < n or j > 0 do i = i + 1; j = j - 1 end
while t.a.b.c.d.e.f.g.h do i = i + 1 end
while (function() return x end)() do x = false end
return i
