-- base library details
print(tostring(nil), tostring(false), tostring(123), tostring(-0.0), tostring("x"))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(tostring(setmetatable({}, {__name = 42})):match("^table: ") ~= nil)
print(type(tostring(print)), tostring(print):match("^builtin: ") or tostring(print):match("^function: ") and "function: ...")
print(rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0), rawequal(nil, nil))
print(rawlen({1, 2, nil, 4}) >= 2, pcall(rawlen, 5))
print(select("#"), select("#", 1, 2), pcall(select, 1.5, 1))
print(select(2.0, "a", "b"))
print(next({}, nil), type(next), pcall(next))
print(tonumber(" 0x1F "), tonumber("1e1", 10), tonumber("7", 8.0))
print(pcall(tonumber, "10", 1), pcall(tonumber, "10", 37))
print(type(_G), type(_G.print), _G.nonexistent)
print(getmetatable({}), getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(setmetatable, {}, {}, 1) == true)
local t = setmetatable({}, {})
print(setmetatable(t, nil) == t, getmetatable(t))
-- print calls tostring via __tostring and __name
print(setmetatable({}, {__tostring = function() return "custom" end}))
print(pcall(print, setmetatable({}, {__tostring = function() return 42 end})))
-- ipairs/pairs return values
local f, s, i = ipairs({})
print(type(f), type(s), i)
local pf, ps, pi = pairs({})
print(pf == next, type(ps), pi)
-- assert returns all args
print(assert(1, "two", 3))
print(pcall(assert, false, nil))
print(pcall(assert, nil))
-- error with level 2 from nested function
local function check(x) if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end return x end
local ok, msg = pcall(function() check("s") end)
print(msg)
-- xpcall passing args
print(xpcall(function(...) return select('#', ...), ... end, print, 1, nil, 3))
-- collectgarbage count type
print(math.type(collectgarbage("count")))
-- string to number auto-coercion in for loops is an error
print(pcall(function() for i = "1", 2 do end end))
-- load with text chunks is not available at runtime; test dofile-free things only
print(type(load), type(require), type(package), type(package.loaded), package.loaded._G == _G, package.loaded.string == string)
print(type(package.path), type(package.cpath), type(package.preload), type(package.searchers))
print(package.config:sub(1, 1))
print(pcall(require, "nonexistent_module_xyz") == false)
-- presence of the standard Lua 5.4 names (not the LUA_COMPAT_5_3 extras Debian adds)
local std = {
  _G = {"assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load", "loadfile", "next", "pairs",
        "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable", "tonumber",
        "tostring", "type", "warn", "xpcall", "_VERSION", "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"},
  string = {"byte", "char", "dump", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper"},
  table = {"concat", "insert", "move", "pack", "remove", "sort", "unpack"},
  math = {"abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger",
          "min", "mininteger", "modf", "pi", "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult"},
  coroutine = {"close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield"},
  utf8 = {"char", "charpattern", "codepoint", "codes", "len", "offset"},
  os = {"clock", "date", "difftime", "execute", "exit", "getenv", "remove", "rename", "setlocale", "time", "tmpname"},
  io = {"close", "flush", "input", "lines", "open", "output", "popen", "read", "stderr", "stdin", "stdout", "tmpfile", "type", "write"},
  debug = {"debug", "gethook", "getinfo", "getlocal", "getmetatable", "getregistry", "getupvalue", "getuservalue", "sethook",
           "setlocal", "setmetatable", "setupvalue", "setuservalue", "traceback", "upvalueid", "upvaluejoin"},
  package = {"config", "cpath", "loaded", "loadlib", "path", "preload", "searchers", "searchpath"},
}
for _, lib in ipairs{"_G", "string", "table", "math", "coroutine", "utf8", "os", "io", "debug", "package"} do
  local t = _G[lib]
  local missing = {}
  for _, name in ipairs(std[lib]) do if t == nil or t[name] == nil then missing[#missing+1] = name end end
  print(lib, #std[lib] - #missing .. "/" .. #std[lib], table.concat(missing, " "))
end
