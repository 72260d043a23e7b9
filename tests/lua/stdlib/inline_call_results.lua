-- Calls the executor computes itself (s:byte, s:sub, math.floor/ceil/abs/sqrt/sin/cos, type) in every result shape: discarded, one, several (nil padded), and all results (last argument, table constructor, return, select), with byte's no-value case
local s = "hello"
local sub, byte, floor, type_ = string.sub, string.byte, math.floor, type
sub(s, 1, 1); byte(s, 1); byte(s, 99); floor(1.5); math.sqrt(4); type_(s)
print(sub(s, 2, 3), byte(s, 1), byte(s, 10), (byte(s, 10)))
print(select('#', byte(s, 10)), select('#', byte(s, 1)), select('#', sub(s, 9, 10)), select('#', s:byte()))
local a, b, c = byte(s, 2)
print(a, b, c)
local d, e, f, g = sub(s, 2, 4)
print(d, e, f, g)
local h, i2 = math.abs(-3), math.ceil(2.1)
print(h, i2)
local x, y = floor(2.5)
print(x, y, select('#', floor(1.5)), math.type(floor(-0.5)))
local u, v = type_(1)
print(u, v, select('#', type_(nil)))
local t = {byte(s, 1), byte(s, 99), sub(s, 1, 1)}
print(#t, t[1], t[2], t[3])
local t2 = {sub(s, 1, 2), byte(s, 99)}
print(#t2, t2[1], t2[2])
local t3 = {byte(s, 5), byte(s, 6)}
print(#t3, t3[1])
local function r1() return (byte(s, 3)) end
local function r2(k) local v = byte(s, k) return v end
local function r3(k) return 1, byte(s, k) end
print(r1(), r2(1), r2(9), select('#', r3(1)), select('#', r3(9)))
print(string.char(byte(s, 1), byte(s, 2), byte(s, 50)))
print(math.max(byte(s, 1), byte(s, 2)), math.max(1, floor(7.9)))
for k = 1, 6 do io.write(sub(s, k, k), ":", tostring((byte(s, k))), " ") end print()
print(pcall(tostring, byte(s, 6)))
-- many string results made while the collector runs, all results kept
local long = string.rep("abcdefghij", 10)
local keep = {}
for k = 1, 3000 do keep[#keep + 1] = select(1, sub(long, k % 50 + 1, k % 50 + 45)) end
collectgarbage()
local ok = true
for k = 1, 3000 do if keep[k] ~= long:sub(k % 50 + 1, k % 50 + 45) then ok = false end end
print("kept", ok, #keep[1], #keep)
-- finalizers still run when results are discarded
local ran = 0
for k = 1, 200 do
  setmetatable({}, {__gc = function() ran = ran + 1 end})
  sub(long, k % 40 + 1, k % 40 + 42)
end
collectgarbage(); collectgarbage()
print("finalized", ran)
