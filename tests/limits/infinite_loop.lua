-- limit-args: --fuel 5000000
-- limit-status: 3
-- limit-stderr: out of fuel
print("start")
while true do end
