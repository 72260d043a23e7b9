-- utf8.codes: leading continuation bytes are skipped (lua5.4.4), odd control values
local function codes(s, lax)
  local ok, r = pcall(function()
    local o = {}
    for p, c in utf8.codes(s, lax) do o[#o + 1] = p .. ":" .. c end
    return table.concat(o, ",")
  end)
  return tostring(ok) .. " [" .. tostring(r) .. "]"
end
for _, s in ipairs{"\x80", "\x80\x80", "\x80a", "\xbfA\xc3\xa9", "a\x80", "a\x80b", "\xc3\xa9\x80\x80x", "", "\xff", "\x80\xff"} do
  print(string.format("%q", s), codes(s), codes(s, true))
end
local f, s, i = utf8.codes("ab\xc3\xa9")
print(i, f(s, i))
print(f(s, -1))
print(f(s, -100))
print(f(s, 1))
print(f(s, 2))
print(f(s, 3))
print(f(s, 4))
print(f(s, 5))
print(f(s, math.mininteger))
print(f(s, math.maxinteger))
