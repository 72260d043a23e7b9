-- string.format's %s of values with __tostring (the format loop suspends for
-- the call and resumes after it): widths and precisions, a buffer already
-- past its inline area, several calls in one format, bad results, missing args.
local A = setmetatable({}, {__tostring = function() return "A!" end})
local B = setmetatable({}, {__tostring = function() return "bee" end})
print(string.format("%s", A), string.format("[%5s|%-6s|%.2s]", A, B, B))
print(string.format(string.rep("x", 600) .. "%s-%d-%s-%q", A, 42, B, "q"):sub(595))
print(string.format("%s %s %s %s %s", A, 1, B, 2.5, A))
local n = 0
for i = 1, 1000 do n = n + #string.format("%d:%s;", i, i % 2 == 0 and A or B) end
print(n)
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return 1 end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return {} end})))
print(pcall(string.format, "%s %s", A))
