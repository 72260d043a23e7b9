-- loadfile/dofile failures say why (the system's reason), a directory is an
-- error rather than an empty chunk, load's reader may return numbers, and the
-- deprecated debug.setcstacklimit still answers as lua5.4's does.
print(loadfile("/nonexistent/dir/chunk.lua"))
print(loadfile("/"))
print(pcall(dofile, "/nonexistent/dir/chunk.lua"))
print(pcall(dofile, "/"))

-- a number piece is accepted (converted as lua_isstring allows); whether the
-- text then loads depends on the build (the runtime takes images only)
local n = 0
local f, e = load(function()
  n = n + 1
  if n == 1 then return "return " elseif n == 2 then return 5 end
end)
print(e == nil or not e:find("reader function must return a string", 1, true))
n = 0
f, e = load(function() n = n + 1; if n == 1 then return {} end end)
print(f, (e:gsub("\n.*", "")))

print(debug.setcstacklimit(100), pcall(debug.setcstacklimit))
