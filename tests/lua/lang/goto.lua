-- goto and labels: continue idiom, backward jumps, nested blocks.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 1
::top::
if i <= 3 then io.write("loop", i, " "); i = i + 1; goto top end
print()
do
  goto skip
  print("skipped")
  ::skip::
  print("landed")
end
-- closures captured before a backward goto are distinct
local fs = {}
local j = 1
::again::
do
  local v = j
  fs[j] = function() return v end
end
j = j + 1
if j <= 3 then goto again end
print(fs[1](), fs[2](), fs[3]())
for a = 1, 3 do
  for b = 1, 3 do
    if b == 2 then goto next_a end
    io.write(a, b, " ")
  end
  ::next_a::
end
print()
