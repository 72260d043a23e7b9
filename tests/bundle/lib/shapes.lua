-- module lib.shapes of the bundle test; it requires a sibling module
local util = require("lib.util")
local M = {}
function M.area(s)
  if s.kind == "square" then return s.side * s.side end
  return string.format("%.4f", math.pi * s.r * s.r) .. " " .. util.greet("circle")
end
return M
