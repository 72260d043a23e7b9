-- pattern matching
local function f(s, p) local i, e = string.find(s, p); if i then return string.sub(s, i, e) end end
print(string.find('', ''), string.find('alo', ''), string.find('a\0o a\0o a\0o', 'a', 1))
print(string.find('a\0o a\0o a\0o', 'a\0o', 2), string.find('a\0a\0a\0a\0\0ab', '\0ab', 2))
print(string.find('a\0a\0a\0a\0\0ab', 'b'), string.find('a\0a\0a\0a\0\0ab', 'b\0'), string.find('', '\0'))
print(string.find('alo123alo', '12'), string.find('alo123alo', '^12'))
print(f("alo xyzK", "(%w+)K"), f("254 K", "(%d*)K"), f("alo ", "(%w*)$"), f("alo ", "(%w+)$"))
print(string.find("(álo)", "%(á"), f('aaab', 'a*'), f('aaa', '^.*$'), f('aaa', 'b*'), f('aaa', 'ab*a'))
print(f('aba', 'ab*a'), f('aaab', 'a+'), f('aaa', '^.+$'), f('aaa', 'b+'), f('aaa', 'ab+a'), f('aba', 'ab+a'))
print(f('a$a', '.$'), f('a$a', '.%$'), f('a$a', '.$.'), f('a$a', '$$'), f('a$b', 'a$'), f('a$a', '$'))
print(f('', 'b*'), f('aaa', 'bb*'), f('aaab', 'a-'), f('aaa', '^.-$'), f('aabaaabaaabaaaba', 'b.*b'))
print(f('aabaaabaaabaaaba', 'b.-b'), f('alo xo', '.o$'), f(' \n isto é assim', '%S%S*'), f(' \n isto é assim', '%S*$'))
print(f(' \n isto é assim', '[a-z]*$'), f('um caracter ? extra', '[^%sa-z]'), f('', 'a?'), f('á', 'á?'), f('ábl', 'á?b?l?'))
print(f('  ábl', 'á?b?l?'), f('aa', '^aa?a?a'), f(']]]áb', '[^]]'), f("0alo alo", "%x*"), f("alo alo", "%C+"))
print(string.match("aaab", ".-b"), string.match("alo xyzK", "(%w+)K"), string.match("254 K", "(%d*)K"))
print(string.match("hello world", "(h)(e)(l)"), string.match("hello", "()ll()"))
print(string.match("  x  ", "^%s*(.-)%s*$"), string.match("key=val", "(%w+)=(%w+)"))
print(string.match("[[x]]", "%[(%b[])%]"), string.match("f(a(b)c)d", "%b()"), string.match("THE (quick) fox", "%f[%a]%a+"))
print(string.match("x", "()"), string.match("abc", "(a)(b)(c)"))
-- gsub
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "o", "0", 1))
print(string.gsub("hello", "", "-"))
print(string.gsub("abc", "%w", "%0%0"))
print(string.gsub("abc", "(%w)", "%1-"))
print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42}))
print(string.gsub("abc", "%w", {a = 1, b = false}), pcall(string.gsub, "abc", "%w", {a = 1, b = true}))
print(string.gsub("abc", "%w", function(c) if c == "b" then return false end return c .. c end))
print(string.gsub("alo alo", "()[al]", "%1"))
print(string.gsub("abc=xyz", "(%w*)(%p)(%w+)", "%3%2%1-%0"))
print(string.gsub("um (dois) tres (quatro)", "(%(%w+%))", string.upper))
print(pcall(string.gsub, "alo", "(.)", "%2"))
print(pcall(string.gsub, "alo", "(%1)", "a"))
print(pcall(string.gsub, "alo", ".", "%x"))
print(string.gsub("trocar tudo em |teste|b| é |beleza|al|", "|([^|]*)|([^|]*)|", "%2%1"))
print(string.gsub("a b c", " ", "%%"))
print(string.gsub("abc", ".", {a = "x"}, 2))
print(string.gsub("", "^", "x"), string.gsub("abc", "$", "!"), string.gsub("abc", "^a", "A"))
print(string.gsub("  a  b  ", "%s+", " "))
print(string.gsub("hello", "l+", function() end))
-- gmatch
local words = {}
for w in string.gmatch("one two  three", "%a+") do words[#words+1] = w end
print(table.concat(words, "|"))
local kv = {}
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do kv[#kv+1] = k .. v end
print(table.concat(kv, ";"))
local pos = {}
for p in string.gmatch("abc", "()") do pos[#pos+1] = p end
print(table.concat(pos, ","))
local it = {}
for a in string.gmatch("xyz", ".") do it[#it+1] = a end
print(table.concat(it))
for s in string.gmatch("abc", "^.") do io.write(s, ";") end print()
local g = string.gmatch("a1b2c3", "%a(%d)", 3)
print(g(), g())
-- character classes
local classes = {"%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%D", "%S", "%W"}
for _, c in ipairs(classes) do
  local cnt = 0
  for i = 0, 255 do if string.char(i):find(c) then cnt = cnt + 1 end end
  io.write(c, "=", cnt, " ")
end
print()
print(string.find("a.b", ".", 1, true), string.find("a.b", "%.", 1), string.find("a+b", "+", 1, true))
print(string.find("abc", "b", -1), string.find("abc", "b", -2), string.find("abc", "", 10), string.find("abc", "", 4))
print(string.find("x^2", "^", 1, true), string.find("x^2", "%^"), string.find("abc", "[b-]"), string.find("a-c", "[b-]"))
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(pcall(string.find, "a", "[a"), pcall(string.find, "a", "%"))
print(pcall(string.match, "a", "(()"), pcall(string.match, "a", "%b"))
print(pcall(string.rep, "x", -5))
print(string.find("abcabc", "(b)(c)", 3))
print(string.match("  123abc", "^%s*(%d+)"), string.match("aaa", "a-", 2), string.match("a\nb", "a.b"))
print(string.gsub("hello world from lua", "(%w+) (%w+)", "%2 %1"))
print(string.match("cat dog", "%f[%w]%w+$"), string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
print(string.match("ab", "^(a?)(b?)(c?)$"))
print(string.rep("ab", 3):find("ba", 1, true))
-- frontier with \0
print(string.find("a\0b", "%f[%z]"), string.find("a\0b", "%z"))
