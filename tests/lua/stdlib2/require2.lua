-- require / package: preload, loaded, error messages that do not depend on paths
package.preload.mymod = function(name, extra)
  print("loading", name, extra)
  return {value = 42}
end
local m = require("mymod")
print(m.value, require("mymod") == m, package.loaded.mymod == m)
package.preload.noret = function() end
print(require("noret"), package.loaded.noret)
package.preload.setsloaded = function(name) package.loaded[name] = "custom" end
print(require("setsloaded"))
print(package.loaded.string == string, package.loaded._G == _G, package.loaded.table == table)
local ok, err = pcall(require, "surely_missing_module_xyz")
print(ok, err:match("^module 'surely_missing_module_xyz' not found:") ~= nil, err:find("no field package.preload['surely_missing_module_xyz']", 1, true) ~= nil)
package.preload.failing = function() error("load failed") end
print(pcall(require, "failing"))
print(type(package.path), type(package.searchers), type(package.preload), type(package.searchpath))
table.insert(package.searchers, 2, function(name)
  if name == "virtual" then return function() return "virtual module" end, ":virtual:" end
  return "\n\tno virtual module '" .. name .. "'"
end)
print(require("virtual"))
print(pcall(require))
