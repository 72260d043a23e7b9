-- if/elseif/else and truthiness: only nil and false are false.
local function classify(x)
  if x == nil then return "nil"
  elseif x == false then return "false"
  elseif type(x) == "number" and x < 0 then return "negative"
  elseif x == 0 then return "zero"
  else return "other" end
end
for _, v in ipairs({0, -1, 5, "s"}) do io.write(classify(v), " ") end
print(classify(nil), classify(false))
if 0 then print("0 is true") end
if "" then print("empty string is true") end
if not nil then print("not nil") end
local x = 5
if x > 3 then if x > 4 then print("nested") end end
print(nil == false, 0 == false)
