-- s:sub(i) and s:sub(i, j), which the executor computes itself: every pair of bounds from -len-2 to len+2, empty results, long results (over 40 bytes), extreme integers, float and string bounds and numbers as subjects (the library path), a replaced string.sub, and many results kept alive through collections
local s = "hello"
for i = -7, 7 do
  local row = {}
  for j = -7, 7 do row[#row + 1] = "[" .. s:sub(i, j) .. "]" end
  print(i, s:sub(i), table.concat(row))
end
print(("x"):sub(math.mininteger, math.maxinteger), ("xyz"):sub(math.maxinteger), ("xyz"):sub(2, math.mininteger) == "")
print(("abcdef"):sub(2.0, 4), pcall(string.sub, "abc", 1.5), ("abcdef"):sub("2", "3"), string.sub(12345, 2, -2))
local long = string.rep("0123456789", 10)
print(#long:sub(5), long:sub(-45, -1), long:sub(41, 41 + 50) == long:sub(41, 91))
local keep = {}
for i = 1, 2000 do keep[i] = long:sub(i % 100 + 1, i % 100 + 45) end
collectgarbage()
local ok = true
for i = 1, 2000 do if keep[i] ~= long:sub(i % 100 + 1, i % 100 + 45) then ok = false end end
print("kept", ok, #keep[1], keep[7])
local orig = string.sub
string.sub = function(str, i, j) return "replaced" end
print(("abc"):sub(1, 2))
string.sub = orig
print(("abc"):sub(1, 2), pcall(string.sub), pcall(string.sub, "abc"))
