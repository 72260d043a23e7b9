-- <const> and <close> attributes and a vararg function using select.
local a <const> = 10; local function f(...) local n <const> = select("#", ...); return a + n end; return f(1,2)
