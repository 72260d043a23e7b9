-- piccoloc-args: -O1
-- The same function at -O1 (what luac emits): GETUPVAL + GETTABLE/SETTABLE,
-- no GETTABUPR/SETTABUPR, and while loops are not rotated.
local a, n = {}, 1
local function f(i, k)
  a[i] = a[i + 1]
  a[k] = a.x
  a[1] = a[2]
  a[i], a = 5, {}
  a[n], n = 6, 2
  while a[i] do i = i + 1 end
  return a[i .. k]
end
return f
