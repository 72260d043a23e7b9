-- Hooks keep firing after an error (here a stack overflow) unwinds through the
-- machinery that runs them, as lua5.4's allowhook is restored by pcall.
local n = 0
debug.sethook(function() n = n + 1 end, "c")
local function rec(d) return rec(d + 1) + 1 end
print(pcall(rec, 1))
local before = n
local function f() end
f(); f()
debug.sethook()
print(n - before)
