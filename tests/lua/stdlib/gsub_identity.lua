-- gsub returns its subject itself (the same string object, as %p shows for a
-- long string) when no replacement changed it: no match, or a function or a
-- table giving false or nil for every match; a string replacement, or any
-- true value, makes a new string even if its text is the same.
local s = string.rep("abc ", 20)
local function same(r) return string.format("%p", r) == string.format("%p", s) end
local r, n = string.gsub(s, "x", "y")              print(same(r), n)
r, n = string.gsub(s, ".", {x = "y"})               print(same(r), n)
r, n = string.gsub(s, "%w+", function() end)        print(same(r), n)
r, n = string.gsub(s, "%w+", function() return false end) print(same(r), n)
r, n = string.gsub(s, "(%w+)", "%1")                print(same(r), n, r == s)
r, n = string.gsub(s, "%w+", function(w) return w end) print(same(r), n, r == s)
r, n = string.gsub(s, "a", {a = "a"})                print(same(r), n, r == s)
r, n = string.gsub(s, "a", {b = 1}, 3)               print(same(r), n)
r, n = string.gsub(s, "c", function(c) if c == "z" then return "Z" end end) print(same(r), n)
r, n = string.gsub(s, "^abc", {abc = false})         print(same(r), n)
local mt = setmetatable({}, {__index = function(_, k) if k == "c" then return nil end return k end})
r, n = string.gsub(s, "c", mt)                        print(same(r), n)
