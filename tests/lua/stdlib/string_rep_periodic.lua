-- string.rep builds its result by doubling what it has written (strlib.c):
-- every count, separator and empty case against the table.concat definition.
for _, c in ipairs({{"ab", 1}, {"ab", 2}, {"ab", 3, ","}, {"x", 7}, {"abc", 5, "--"}, {"", 5, ","}, {"ab", 0, ","}, {"a", 1000, "bc"}, {"hello", 33}, {"", 3}, {"q", 2, ""}}) do
  local r = string.rep(c[1], c[2], c[3])
  local e = {}
  for i = 1, c[2] do e[i] = c[1] end
  local expect = table.concat(e, c[3] or "")
  print(#r, r == expect, #r < 60 and r or r:sub(1, 20) .. "..." .. r:sub(-10))
end
