-- string.dump's output starts with lua5.4's binary chunk header (the last
-- section of the official test suite's calls.lua): the header, LUAC_INT and
-- LUAC_NUM as lua5.4 writes them; any changed header byte makes load fail;
-- every truncation fails with a message that says "truncated".
local header = string.pack("c4BBc6BBB",
  "\27Lua", 0x54, 0, "\x19\x93\r\n\x1a\n", 4, string.packsize("j"), string.packsize("n"))
local c = string.dump(function ()
  local a = 1; local b = 3;
  local f = function () return a + b + _ENV.c; end    -- upvalues
  local s1 = "a constant"
  local s2 = "another constant"
  return a + b * 3
end)
print(assert(load(c))())
print(string.sub(c, 1, #header) == header)
print(string.unpack("jn", c, #header + 1))

local accepted = 0
for i = 1, #header do
  local s = string.sub(c, 1, i - 1) .. string.char(string.byte(c, i) + 1) .. string.sub(c, i + 1)
  if load(s) then accepted = accepted + 1 end
end
print("corrupted headers accepted", accepted)

local untruncated = 0
for i = 1, #c - 1 do
  local st, msg = load(string.sub(c, 1, i))
  if st or not string.find(msg, "truncated") then untruncated = untruncated + 1 end
end
print("truncations not reported as truncated", untruncated)

-- a stripped dump, a dump with upvalues, and one loaded in binary mode only
local function counter() local n = 0; return function() n = n + 1; return n end end
local d = string.dump(counter(), true)
print(string.sub(d, 1, 4) == "\27Lua", pcall(load(d, "d", "b")))
print(load(d, "d", "t"))
print(select("#", load(string.sub(d, 1, 10))), (select(2, load(string.sub(d, 1, 10))):find("truncated")) ~= nil)
-- lua5.4's header followed by something other than an image (as luac's chunks are)
print(load(string.sub(c, 1, 31) .. string.rep("\0", 40)) == nil)
