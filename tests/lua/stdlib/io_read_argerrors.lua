-- io.read numbers its format arguments from 1 in error messages, as
-- file:read and lua5.4 do (it had counted the default input file as #1).
print(pcall(io.read, "x"))
print(pcall(io.read, {}))
print(pcall(function() io.read(1.5) end))
local f = io.tmpfile()
f:write("12 line two\nlast")
f:seek("set")
print(pcall(f.read, f, "n", "x"))
f:seek("set")
print(f:read("n", "l", "a"))
f:close()
