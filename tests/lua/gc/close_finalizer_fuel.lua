-- Finalizers run when the state closes get their whole close-time budget:
-- one that needs several fuel slices still finishes (it was stopped after one).
keep = setmetatable({}, {__gc = function()
  local s = 0
  for i = 1, 3000000 do s = s + i end
  print("big finalizer done", s)
end})
-- many pending finalizers at close: all run (their total is far below the cap)
for i = 1, 1000 do setmetatable({}, {__gc = function() if i == 1000 then print("last small") end end}) end
print("end of program")
