-- String comparison is byte-wise (C locale), including embedded zeros and lengths.
print("a" < "b", "a" < "ab", "ab" < "b", "" < "", "" <= "")
print("A" < "a", "Z" < "a", "10" < "9", "abc" == "abc")
print("a\0b" < "a\0c", "a\0" > "a", #"a\0b")
print("\255" > "a", "abc" >= "abc", "abd" > "abc")
local words = {"pear", "Apple", "apple", "banana", "Banana", "cherry", "", "a"}
table.sort(words)
print(table.concat(words, ","))
print(("x"):rep(3) == "xxx", "x" .. "y" == "xy")
print(pcall(function() return "a" < 1 end))
print(pcall(function() return {} < {} end))
