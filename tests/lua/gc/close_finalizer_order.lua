-- Finalizers run when the state closes (at the end of the script) run one
-- after the other, each marked as a finalizer: an allocation inside one does
-- not start the next (it ran nested inside print), collectgarbage answers nil,
-- and a traceback names the frame "metamethod '__gc'"; one created meanwhile
-- is not run.
print("creating 1")
setmetatable({}, {__gc = function () print(1, debug.traceback("tb")) end})
print("creating 2")
setmetatable({}, {__gc = function ()
  print("2 start")
  local t = {}
  for i = 1, 2000 do t[i] = {i} end
  print("2 end", collectgarbage("isrunning"), collectgarbage())
  setmetatable({}, {__gc = function () print(3) end})
end})
print("end of script")
