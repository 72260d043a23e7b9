-- Yields to its host, then returns ten times the value it was resumed with.
local guard <close> = setmetatable({}, {__close = function() closed = true end})
local a = coroutine.yield(1, 2)
return a * 10
