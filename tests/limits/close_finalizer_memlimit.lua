-- limit-args: --memory-limit 16M
-- limit-stdout: exiting
-- limit-stderr: not enough memory
-- A finalizer run when the state closes stays under the memory limit: this
-- one keeps 64 MB of strings alive and gets "not enough memory" (a warning,
-- as errors in finalizers are); the limit was once lifted while closing.
warn("@on")
X = setmetatable({}, {__gc = function()
  local t = {}
  for i = 1, 6400 do t[i] = ("x"):rep(1e4) .. i end
end})
print("exiting")
