-- __call chains: followed through tables; a table whose __call is itself is
-- an error, "stack overflow" (lua5.4: the stack overflows as the arguments
-- shift up; piccolo: after 2000 links), never a hang.
local c = setmetatable({}, {})
getmetatable(c).__call = c
local ok, err = pcall(c, 1, 2)
print(ok, type(err))
print(pcall(c))
local f = function(...) return select("#", ...), select(-1, ...) end
local t = f
for _ = 1, 50 do t = setmetatable({}, {__call = t}) end
print(t("x"))
print(pcall(setmetatable({}, {__call = 42})))
