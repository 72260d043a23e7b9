-- rawget/rawset/rawequal/rawlen bypass every metamethod.
local mt = {__index = function() return "meta" end, __newindex = function() error("no") end,
            __len = function() return 99 end, __eq = function() return true end}
local t = setmetatable({}, mt)
rawset(t, "k", "raw")
print(t.k, t.other, rawget(t, "other"), #t, rawlen(t))
rawset(t, 1, "one")
print(rawlen(t), rawequal(t, setmetatable({}, mt)), t == setmetatable({}, mt))
print(rawlen("abcd"), pcall(rawlen, 5))
print(pcall(rawset, t, nil, 1))
