-- Bracket sets with wide byte ranges (any bytes, embedded zeros, ranges that
-- start and end anywhere in the 0..255 table), negated or not, over long
-- random subjects: find, gmatch and gsub against lua5.4. strpattern.c tests
-- the first bytes of a run directly and then through a 256-bit map whose
-- ranges are filled a byte of the map at a time.
local seed = 7
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local function esc(c) return "%" .. string.char(c) end
local function rbyte(lo, hi) return lo + rnd(hi - lo + 1) end
local out = {}
for t = 1, 1500 do
  local set = {}
  for k = 1, rnd(3) + 1 do
    local a, b = rbyte(0, 255), rbyte(0, 255)
    if a > b and rnd(4) > 0 then a, b = b, a end
    if a == 37 or a == 93 or a == 94 or a == 45 then a = 48 end
    if b == 37 or b == 93 or b == 45 then b = 57 end
    set[#set + 1] = string.char(a) .. "-" .. string.char(b)
  end
  if rnd(3) == 0 then set[#set + 1] = esc(({37, 93, 45, 94})[rnd(4) + 1]) end
  local pat = "[" .. (rnd(2) == 0 and "^" or "") .. table.concat(set) .. "]"
      .. ({"", "+", "*", "-", "?"})[rnd(5) + 1]
  local s = {}
  local n = rnd(3) == 0 and rnd(200) or rnd(40)
  for k = 1, n do s[#s + 1] = string.char(rnd(4) == 0 and rbyte(0, 255) or rbyte(40, 130)) end
  s = table.concat(s)
  local ok, a, b = pcall(string.find, s, pat, rnd(3) + 1)
  local ok2, r = pcall(function()
    local acc = {}
    for w in s:gmatch(pat) do acc[#acc + 1] = #w end
    return table.concat(acc, ",")
  end)
  local ok3, g, cnt = pcall(string.gsub, s, pat, "<%0>")
  out[#out + 1] = string.format("%q %q %s %s %s %s %s %s %s", pat, s, tostring(ok), tostring(a),
    tostring(b), tostring(r), tostring(ok3), tostring(g), tostring(cnt))
end
local h = 0
for _, l in ipairs(out) do for i = 1, #l do h = (h * 31 + l:byte(i)) % 1000000007 end end
print(#out, h)
local u = string.rep("abc\u{e9}\u{4e2d}\0x", 30)
local chars = 0
for ch in u:gmatch(utf8.charpattern) do chars = chars + 1 end
print(chars, utf8.len(u), select(2, u:gsub("[\x80-\xbf]+", "")))
print(("word, other_word; x9"):rep(5):gsub("[a-zA-Z0-9_]+", "W"))
-- every range [lo-hi] with lo, hi away from the set's special bytes, over a
-- subject with runs of 12 copies of each byte: each run is one match
local runs = {}
for c = 0, 255 do runs[#runs + 1] = string.rep(string.char(c), 12) end
runs = table.concat(runs)
local special = { [37] = true, [45] = true, [93] = true, [94] = true }
local acc = 0
for lo = 0, 255 do
  for hi = lo, math.min(255, lo + 17) do
    if not special[lo] and not special[hi] then
      local pat = "[" .. string.char(lo) .. "-" .. string.char(hi) .. "]+"
      local _, n = runs:gsub(pat, "")
      local first = runs:find(pat)
      local neg = select(2, runs:gsub("[^" .. string.char(lo) .. "-" .. string.char(hi) .. "]+", ""))
      acc = (acc * 7 + n * 1000 + (first or 0) + neg) % 1000000007
    end
  end
end
print("ranges", acc)
