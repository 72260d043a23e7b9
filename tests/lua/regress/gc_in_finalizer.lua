-- collectgarbage() called by a finalizer returned 0; lua5.4's collector is not reentrant and returns false
local res = true
setmetatable({}, {__gc = function () res = collectgarbage() end})
collectgarbage()
print(res)
local steps = "unset"
setmetatable({}, {__gc = function () steps = collectgarbage("step") end})
collectgarbage()
print(steps)
print(collectgarbage("isrunning"), collectgarbage() == 0)
