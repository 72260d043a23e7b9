-- limit-args: --fuel 20000000
-- limit-status: 3
-- limit-stderr: out of fuel
local s = string.rep("a", 100000)
print(string.gsub(s, "a-a-a-a-a-b", ""))
