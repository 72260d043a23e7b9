-- program: tokenizer + recursive-descent expression evaluator with error reporting
local function tokenize(src)
  local toks, i = {}, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", i)
      toks[#toks+1] = {k = "num", v = tonumber(num)}; i = i + #num
    elseif c:match("%a") then
      local id = src:match("^%a%w*", i)
      toks[#toks+1] = {k = "id", v = id}; i = i + #id
    elseif c:match("[%+%-%*/%^%(%),%%]") then
      toks[#toks+1] = {k = c}; i = i + 1
    else error({pos = i, msg = "bad char '" .. c .. "'"}) end
  end
  toks[#toks+1] = {k = "eof"}
  return toks
end
local funcs = {sin = math.sin, max = math.max, min = math.min, abs = math.abs, floor = math.floor}
local vars = {pi = math.pi, x = 10, y = -3}
local function parse(toks)
  local p = 1
  local function peek() return toks[p].k end
  local function take(k) if toks[p].k ~= k then error({pos = p, msg = "expected " .. k .. " got " .. toks[p].k}) end p = p + 1; return toks[p-1] end
  local expr
  local function primary()
    local t = toks[p]
    if t.k == "num" then p = p + 1; return t.v
    elseif t.k == "id" then
      p = p + 1
      if peek() == "(" then
        p = p + 1
        local args = {}
        if peek() ~= ")" then
          args[#args+1] = expr()
          while peek() == "," do p = p + 1; args[#args+1] = expr() end
        end
        take(")")
        local fn = funcs[t.v] or error({pos = p, msg = "unknown function " .. t.v})
        return fn(table.unpack(args))
      end
      return vars[t.v] or error({pos = p, msg = "unknown var " .. t.v})
    elseif t.k == "(" then p = p + 1; local v = expr(); take(")"); return v
    elseif t.k == "-" then p = p + 1; return -primary()
    end
    error({pos = p, msg = "unexpected " .. t.k})
  end
  local function power() local b = primary(); if peek() == "^" then p = p + 1; return b ^ power() end return b end
  local function term()
    local v = power()
    while true do
      local k = peek()
      if k == "*" then p = p + 1; v = v * power()
      elseif k == "/" then p = p + 1; v = v / power()
      elseif k == "%" then p = p + 1; v = v % power()
      else return v end
    end
  end
  function expr()
    local v = term()
    while peek() == "+" or peek() == "-" do
      local k = peek(); p = p + 1
      if k == "+" then v = v + term() else v = v - term() end
    end
    return v
  end
  local v = expr()
  take("eof")
  return v
end
local cases = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x + y * 2", "max(1, x, 7) % 4", "floor(pi * 100) / 100",
  "10 / 4", "7 % 3 + 2 ^ 0.5", "abs(y) * min(4, 2, 8)", "1 +", "foo(1)", "3 $ 4", "(1 + 2", "zz * 2", "sin(0) + 1", "2 * (3 + (4 - (5 * (6 + 7))))"}
for _, c in ipairs(cases) do
  local ok, r = pcall(function() return parse(tokenize(c)) end)
  if ok then print(string.format("%-32s = %s", c, tostring(r)))
  else print(string.format("%-32s ! %s at %d", c, r.msg, r.pos)) end
end
