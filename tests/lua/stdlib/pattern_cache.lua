-- find/match/gmatch/gsub keep the analysis of a pattern's first item in a
-- small per-state cache keyed by the pattern's contents (strpattern.c):
-- many patterns in turn (more than its 16 slots), the same pattern built at
-- run time (another string object), patterns evicted while a gsub that uses
-- one is calling its replacement function, and long ones that are not cached.
local subjects = {
  "hello world", "  lead and trail  ", 'say "hi" \\ bye', "a1b2c3d4e5",
  "\0\1\2binary\255\254", "", "x", "....----....", "MiXeD CaSe 42!",
  ("abc"):rep(40) .. "Z" .. ("xyz"):rep(30),
}
local patterns = {
  "[^ \t\r\n]", '["\\]', "[%c\"\\]", "[%d]", "[a-f]", "[^%a]", "%d", "%s",
  "%.", "%-", "[%.%-]", "[\0-\31]", "[\128-\255]", "[%u%d]", "[]]", "[^]]",
  "[a-]", "[-a]", "%a+", "[%w_]+", "x", "Z", "[xyz]+$", "^[%s]*", "()[ab]",
  "([%d])%a", "[%p]", "%W", "%S+", "[^%s%d]", ".", "%z", "[%z]",
  ("[ab]" .. ("c?"):rep(30)), ("[^q]" .. ("%d?"):rep(25)) .. "Z",
}
local out = {}
local function add(...)
  local t = table.pack(...)
  for i = 1, t.n do out[#out + 1] = tostring(t[i]) end
end
for round = 1, 2 do
  for _, p in ipairs(patterns) do
    local q = round == 2 and (p .. ""):sub(1) or p   -- the same contents, maybe another object
    for _, s in ipairs(subjects) do
      add(s:find(q), s:find(q, 3), s:match(q))
      local n = 0
      for w in s:gmatch(q) do n = n + 1 if n > 50 then break end end
      add(n, (s:gsub(q, "<%0>")))
    end
  end
end
-- a replacement function that uses other patterns, evicting the running one
local nested = ("a1 b2 c3 d4 "):rep(5):gsub("[%a]%d", function(w)
  local r = {}
  for _, p in ipairs(patterns) do r[#r + 1] = (w:find(p)) or "-" end
  return table.concat(r, ",", 1, 6)
end)
add(nested)
-- a malformed set stays an error, cached or not
for _ = 1, 2 do add(pcall(string.find, "abc", "[a")) add(pcall(string.find, "abc", "[%")) end
local h = 0
for _, v in ipairs(out) do
  for i = 1, #v do h = (h * 31 + v:byte(i)) % 1000000007 end
end
print(#out, h)
print(table.concat(out, "|", 1, 40))
