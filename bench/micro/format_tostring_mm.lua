local t = setmetatable({}, {__tostring = function() return "obj" end}) local n = 0 for i = 1, 3000000 do n = n + #tostring(t) + #string.format("%s", t) end print(n)
