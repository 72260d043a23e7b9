-- gmatch and gsub: replacement strings, tables, functions, limits, anchors.
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, ","))
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for pos in ("abc"):gmatch("()") do io.write(pos, " ") end print()
print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("o", "0", 1))
print(("hello"):gsub("", "-"))
print(("abc"):gsub("%w", "%0%0"), ("abc"):gsub("(%w)", "[%1]"))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("$name is $age"):gsub("%$(%w+)", {name = "Bob", age = 42}))
print(("$x $y"):gsub("%$(%w+)", {x = false}))
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("abc"):gsub("%w", function(c) if c == "b" then return nil end return c:upper() end))
print(("a.b.c"):gsub("%.", "%%"))
print(pcall(string.gsub, "abc", "(a)", "%2"))
print(("  x  "):gsub("^%s+", ""), ("x"):gsub("x*", "-"))
print(("hello"):gsub("l+", function() end))
print(("abc"):gsub(".", {a = 1, b = false}))
print(pcall(string.gsub, "x", "x", {x = {}}))
local s = "one;two;;three"
local fields = {}
for f in (s .. ";"):gmatch("([^;]*);") do fields[#fields + 1] = "<" .. f .. ">" end
print(table.concat(fields))
for a, b in string.gmatch("k1=v1;k2=v2", "(%w+)=(%w+)") do io.write(a, b, ";") end print()
