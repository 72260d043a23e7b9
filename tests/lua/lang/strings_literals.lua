-- String literals: escapes, long strings, long comments.
print("tab\tend", 'q"uote', "back\\slash", "nl\\n")
print("\65\066\x43\u{48}\u{20AC}", #"\u{20AC}", #"\u{7FFFFFFF}")
print("a\z
       b", "line1\
line2")
print([[long
string]], [==[with ]] inside]==])
print([[
first newline skipped]])
--[[ a long
comment ]] print("after comment")
--[==[ another ]] one ]==] print("after level-2 comment")
print(#"\0abc", ("\0x"):byte(1, 2))
print("\'\"\a\b\f\v" == "'\"\7\8\12\11")
local s = 'single ' .. "double " .. [[long]]
print(s, #s)
print("\x41\x42", "\9x", "\100\101")
