-- a chunk whose first byte is ESC is binary (lua5.4's rule): mode "t" refuses it as a binary chunk
print(load("\27Lua", nil, "t"))
print(load("\27", "x", "t"))
local f, m = load("\27")
print(f, type(m))
