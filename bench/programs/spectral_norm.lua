-- spectral_norm (bench): power iteration for the spectral norm of an infinite
-- matrix; tight float loops calling a small function for each element.
-- Usage: spectral_norm.lua [N]   (N = matrix order; default 850, small size 50)
-- bench-small-args: 50

local n = tonumber(arg and arg[1]) or 850

local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end

local function Av(x, y, N)
  for i = 1, N do
    local a = 0
    for j = 1, N do a = a + x[j] * A(i, j) end
    y[i] = a
  end
end

local function Atv(x, y, N)
  for i = 1, N do
    local a = 0
    for j = 1, N do a = a + x[j] * A(j, i) end
    y[i] = a
  end
end

local function AtAv(x, y, t, N)
  Av(x, t, N)
  Atv(t, y, N)
end

local u, v, t = {}, {}, {}
for i = 1, n do u[i] = 1 end
for _ = 1, 10 do
  AtAv(u, v, t, n)
  AtAv(v, u, t, n)
end
local vBv, vv = 0, 0
for i = 1, n do
  local ui, vi = u[i], v[i]
  vBv = vBv + ui * vi
  vv = vv + vi * vi
end
local norm = math.sqrt(vBv / vv)
-- The limit is 1.2742241528...; every order >= 50 gives it to 1e-4 or better.
if n >= 50 and math.abs(norm - 1.2742241528) > 1e-4 then error("norm " .. norm) end
print(string.format("spectral_norm(%d) %.9f", n, norm))
