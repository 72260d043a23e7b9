-- string_build (bench): builds strings piecewise with table.concat, string.format,
-- .. and string.rep, then rewrites them with gsub (pattern and function
-- replacements). Checks lengths and a checksum computed in two ways.
-- Usage: string_build.lua [N]   (N = number of records; default 300000, small size 3000)
-- bench-small-args: 3000

local n = tonumber(arg and arg[1]) or 300000

-- Polynomial hash of a string's bytes, modulo a prime.
local function hash(s)
  local h = 0
  for i = 1, #s, 7 do h = (h * 31 + s:byte(i)) % 1000000007 end
  return (h + #s) % 1000000007
end

local parts = {}
local expect_len = 0
for i = 1, n do
  local p = string.format("%d:%s=%x;", i, string.rep("ab", i % 5), i * 7)
  parts[#parts + 1] = p
  expect_len = expect_len + #p
end
local s = table.concat(parts)
if #s ~= expect_len then error("concat length " .. #s) end

-- Uppercase every "ab" run, via a pattern replacement.
local up, nup = s:gsub("ab", "AB")
if #up ~= #s then error("gsub changed the length") end

-- Double every hex number after '=', via a function replacement.
local doubled, nnum = up:gsub("=(%x+);", function(h)
  return "=" .. string.format("%x", tonumber(h, 16) * 2) .. ";"
end)
if nnum ~= n then error("replaced " .. nnum .. " numbers") end

-- Rebuild the same text directly and compare.
local direct = {}
for i = 1, n do
  direct[i] = i .. ":" .. string.rep("AB", i % 5) .. "=" .. string.format("%x", i * 14) .. ";"
end
local d = table.concat(direct)
if d ~= doubled then error("function gsub result differs from the direct construction") end

-- Split back into fields with gmatch and sum the leading numbers.
local sum = 0
for num in doubled:gmatch("(%d+):") do sum = sum + tonumber(num) end
if sum ~= n * (n + 1) // 2 then error("field sum " .. sum) end
print(string.format("string_build(%d) length %d runs %d hash %d", n, #doubled, nup, hash(doubled)))
