-- A temperature conversion table: functions, floats and string formatting.
local function to_fahrenheit(c)
  return c * 9 / 5 + 32
end

local function describe(c)
  if c < 0 then
    return "freezing"
  elseif c < 15 then
    return "cold"
  elseif c < 25 then
    return "mild"
  else
    return "hot"
  end
end

for c = -10, 40, 10 do
  print(string.format("%4d C = %5.1f F  %s", c, to_fahrenheit(c), describe(c)))
end
