-- loadfile skips a BOM and a first '#' line before a binary chunk too (as luaL_loadfilex)
local name = os.tmpname()
local function try (prefix)
  local f = assert(io.open(name, "wb"))
  f:write(prefix, string.dump(function () return 20, "\0\0\0" end))
  f:close()
  local fn, err = loadfile(name)
  if fn then print(fn()) else print("error", (err:gsub("^.-: ", ""))) end
end
try("")
try("#this is a comment for a binary file\0\n")
try("#!/usr/bin/env piccolo\n")
os.remove(name)
