-- module lib.util of the bundle test
local M = {}
function M.greet(who) return "hello, " .. who end
function M.sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
return M
