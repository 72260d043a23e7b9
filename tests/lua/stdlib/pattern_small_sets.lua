-- find, gmatch and gsub with small bracket sets of plain bytes (scanned by comparing members), sets with ']' first, '^' members, '-' at either end, escapes and classes, at several init positions
local subj = {"", "a", "abc\"def\\g", "   x", "\t\r\n y", "]]]", "^^a", "a-b", "xyz", string.rep("q", 30) .. '"'}
local pats = {'["\\]', '[^ \t\r\n]', '[]]', '[^]]', '[^^]', '[a-]', '[-a]', '[abcd]', '[abcde]', '[^abcd]', '[%a]', '[x]', '[^x]', '["]+', '([^ ]+)', '[\0]'}
for _, s in ipairs(subj) do
  for _, p in ipairs(pats) do
    for init = 1, 3 do
      local a, b = s:find(p, init); io.write(tostring(a), ",", tostring(b), " ")
    end
    local c = 0; for w in s:gmatch(p) do c = c + 1 end
    io.write(c, " ", (s:gsub(p, "<%0>")), "\n")
  end
end
