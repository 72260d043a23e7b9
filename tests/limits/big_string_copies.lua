-- limit-args: --fuel 30000000
-- limit-status: 3
-- limit-stderr: out of fuel
-- Making a big string writes every byte: each long string made is charged by its
-- length (string.sub here; also format, rep, concatenation, gsub results), and
-- string.byte over a range by the values it pushes.
local s = string.rep("x", 8000000)
for _ = 1, 1e7 do
  local t = s:sub(2)
  local u = select("#", s:byte(1, 100000))
end
print("not reached")
