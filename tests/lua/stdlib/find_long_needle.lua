-- string.find with a plain or special-free needle of any length: the first
-- occurrence, none, at the end, overlapping prefixes, an init inside.
local h = ("a"):rep(100000)
print(h:find(("a"):rep(50000) .. "b", 1, true))
print((h .. "b"):find(("a"):rep(50000) .. "b", 1, true))
print((h .. "b"):find(("a"):rep(50000) .. "b"))
print(("abcabcabd"):find("abcabd", 1, true), ("abcabcabd"):find("abcabd", 5, true))
print(("xyz"):find("", 2, true), ("xyz"):find("xyzw", 1, true), ("xyz"):find("z", -1, true))
local s = ("ab"):rep(1000) .. "abc" .. ("ab"):rep(10)
print(s:find(("ab"):rep(300) .. "c", 1, true))
print(s:find("a.c"), s:find("ab.", 1, true))
