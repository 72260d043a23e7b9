-- io.popen (needs PIC_CAP_PROCESS, granted by the piccolo command): read/write modes, close status
local p = io.popen("echo hello; echo world")
print(io.type(p), p:read("l"), p:read("a"))
print(p:close())
print(io.type(p))
print(io.popen("exit 3"):close())
print(io.popen("kill -9 $$"):close())
local w = io.popen("cat > /dev/null; exit 4", "w")
print(w:write("data\n") == w)
print(w:close())
w = io.popen("cat > /dev/null", "w")
print(w:read("l"))
print(w:close())
local lines = {}
for l in io.popen("printf 'a\\nb\\nc\\n'"):lines() do lines[#lines + 1] = l end
print(table.concat(lines, ","))
print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "x"))
print(pcall(io.popen))
do
  local auto <close> = io.popen("echo closed-by-tbc")
  print(auto:read("a"))
end
print(pcall(p.read, p))
