-- mandelbrot_meta (bench): the Mandelbrot set computed with a complex-number
-- "class" whose arithmetic goes through the __add and __mul metamethods.
-- Checks the escape counts against the same loop on plain floats.
-- Usage: mandelbrot_meta.lua [N]   (N = image side in pixels; default 300, small size 24)
-- bench-small-args: 24

local n = tonumber(arg and arg[1]) or 300
local MAX_ITER = 50

local Complex = {}
Complex.__index = Complex

local function complex(re, im)
  return setmetatable({ re = re, im = im }, Complex)
end

Complex.__add = function(a, b) return complex(a.re + b.re, a.im + b.im) end
Complex.__mul = function(a, b)
  return complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
end
function Complex:abs2() return self.re * self.re + self.im * self.im end

-- Escape count of c under z := z*z + c, with metamethods.
local function escape_meta(c)
  local z = complex(0.0, 0.0)
  for i = 1, MAX_ITER do
    z = z * z + c
    if z:abs2() > 4.0 then return i end
  end
  return MAX_ITER + 1
end

-- The same computation on plain locals (the independent check).
local function escape_plain(cr, ci)
  local zr, zi = 0.0, 0.0
  for i = 1, MAX_ITER do
    zr, zi = zr * zr - zi * zi + cr, zr * zi + zi * zr + ci
    if zr * zr + zi * zi > 4.0 then return i end
  end
  return MAX_ITER + 1
end

local sum_meta, sum_plain, inside = 0, 0, 0
for y = 0, n - 1 do
  local ci = 2.0 * y / n - 1.0
  for x = 0, n - 1 do
    local cr = 2.5 * x / n - 2.0
    local m = escape_meta(complex(cr, ci))
    sum_meta = sum_meta + m * (x + 1)
    if m > MAX_ITER then inside = inside + 1 end
    sum_plain = sum_plain + escape_plain(cr, ci) * (x + 1)
  end
end
if sum_meta ~= sum_plain then
  error(string.format("metamethod sum %d differs from plain sum %d", sum_meta, sum_plain))
end
print(string.format("mandelbrot_meta(%d) inside %d checksum %d", n, inside, sum_meta))
