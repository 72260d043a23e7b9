-- Bracket sets ([...], [^...]) with ranges, escapes and quantifiers, random but
-- fixed: find, gmatch and gsub against lua5.4 (strpattern.c maps escape-free sets
-- to a 256-bit table for runs and first-match scans).
local seed = 42
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local alphabet = "abc-]^%[.,xyz019 \n"
local function rchar() local i = rnd(#alphabet) + 1 return alphabet:sub(i, i) end
local items = {"a", "b", "a-c", "x-z", "0-9", "-", ",", "]", "^", ".", " ", "%a", "%d", "%s", "%]", "%-", "c-a", "\n"}
local out = {}
for t = 1, 3000 do
  local set = {}
  for k = 1, rnd(4) + 1 do set[#set + 1] = items[rnd(#items) + 1] end
  local neg = rnd(2) == 0 and "^" or ""
  local body = table.concat(set)
  if body:sub(1, 1) == "^" and neg == "" then body = "a" .. body end
  local pat = "[" .. neg .. body .. "]" .. ({"", "+", "*", "-", "?"})[rnd(5) + 1]
  local s = {}
  for k = 1, rnd(30) do s[#s + 1] = rchar() end
  s = table.concat(s)
  local ok, a, b = pcall(string.find, s, pat)
  local ok2, r = pcall(function() local acc = {} for w in s:gmatch(pat) do acc[#acc + 1] = w end return table.concat(acc, "|") end)
  local ok3, g, n = pcall(string.gsub, s, pat, "<%0>")
  out[#out + 1] = string.format("%q %q %s %s %s %s %s %s %s", pat, s, tostring(ok), tostring(a), tostring(b), tostring(r), tostring(ok3), tostring(g), tostring(n))
end
local h = 0
for _, l in ipairs(out) do for i = 1, #l do h = (h * 31 + l:byte(i)) % 1000000007 end end
print(#out, h)
print(out[1]) print(out[777]) print(out[2999])
