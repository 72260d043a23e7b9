-- indexing a non-table for a method call (OP_SELF) lost the variable name: aaa.bbb:ddd() must say (field 'bbb')
local aaa = {bbb = 1}
local ok, msg = pcall(function () aaa.bbb:ddd(9) end)
print(ok, (msg:gsub("^.-:%d+: ", "")))
local t = {x = true}
ok, msg = pcall(function () local q = t.x; q:foo() end)
print(ok, (msg:gsub("^.-:%d+: ", "")))
ok, msg = pcall(function () undefinedglobal:foo() end)
print(ok, (msg:gsub("^.-:%d+: ", "")))
local s = setmetatable({}, {__index = function (_, k) return function (self, v) return k .. v end end})
print(s:hello("!"))
print(("abc"):upper())
