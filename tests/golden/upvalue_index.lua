-- An upvalue table indexed by a register key: GETTABUPR/SETTABUPR (image
-- format 1.1) at -O2, where luac emits GETUPVAL + GETTABLE/SETTABLE; a
-- constant string key keeps GETTABUP/SETTABUP and a small integer constant
-- GETUPVAL + GETI/SETI, as in Lua. In a multiple assignment that also
-- assigns the upvalue (or the key's local), the old value is copied first.
local a, n = {}, 1
local function f(i, k)
  a[i] = a[i + 1]
  a[k] = a.x
  a[1] = a[2]
  a[i], a = 5, {}
  a[n], n = 6, 2
  return a[i .. k]
end
return f
