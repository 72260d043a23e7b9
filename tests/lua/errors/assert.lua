-- assert: returns its arguments, default message, custom message values.
print(assert(1, "unused"), assert("v", 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
local t = {}
print(select(2, pcall(assert, false, t)) == t)
print(pcall(assert))
