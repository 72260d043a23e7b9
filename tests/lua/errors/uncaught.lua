-- An uncaught error ends the script with a non-zero status; earlier output is kept.
print("before")
local t = nil
local function f() return t.field end
io.write("partial line\n")
f()
print("never printed")
