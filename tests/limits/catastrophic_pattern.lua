-- limit-args: --fuel 20000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- A backtracking pattern over a long subject: far more work than the budget.
local s = string.rep("a", 200000)
print(string.find(s, ".-.-.-.-.-b"))
