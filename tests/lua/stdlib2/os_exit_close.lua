-- os.exit(code, true) closes the state before exiting: pending finalizers run.
G = setmetatable({}, {__gc = function() print("finalized at close") end})
io.write("before exit\n")
os.exit(0, true)
print("not reached")
