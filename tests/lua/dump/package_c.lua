-- package.cpath, package.loadlib and the C searchers of a lua5.4 without
-- dynamic libraries (the interpreter's cpath differs: print types only).
print(type(package.cpath), #package.searchers, type(package.loadlib))
for i = 1, #package.searchers do io.write(type(package.searchers[i]), " ") end
print()
local f, msg, where = package.loadlib("./nonexistent_lib.so", "luaopen_x")
print(f, type(msg), type(where))  -- "absent" here, "open" with dynamic libraries
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
-- a file found on cpath cannot be loaded (the reason differs: print the start)
package.path = ""
print(package.searchers[4]("nodot"))
package.cpath = "./tests/lua/dump/?.lua"
local ok2, e2 = pcall(require, "package_c")
print(ok2, e2:match("^[^\n]*"))
package.cpath = 42
print(pcall(require, "zz.yy"))
package.cpath = {}
print(pcall(require, "zz.yy"))
