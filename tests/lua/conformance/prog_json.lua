-- program: JSON encoder/decoder round trip with sorted keys
local json = {}
local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}
local function enc(v, out)
  local t = type(v)
  if t == "nil" then out[#out+1] = "null"
  elseif t == "boolean" then out[#out+1] = tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v)) end
    if math.type(v) == "integer" then out[#out+1] = tostring(v) else out[#out+1] = string.format("%.14g", v) end
  elseif t == "string" then
    out[#out+1] = '"' .. v:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
  elseif t == "table" then
    if #v > 0 or next(v) == nil then
      out[#out+1] = "["
      for i, x in ipairs(v) do if i > 1 then out[#out+1] = "," end enc(x, out) end
      out[#out+1] = "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys+1] = k end
      table.sort(keys)
      out[#out+1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out+1] = "," end
        enc(tostring(k), out); out[#out+1] = ":"; enc(v[k], out)
      end
      out[#out+1] = "}"
    end
  else error("cannot encode type " .. t) end
end
function json.encode(v) local out = {}; enc(v, out); return table.concat(out) end
function json.decode(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local function err(m) error(string.format("%s at position %d", m, pos), 0) end
  local val
  local function str()
    pos = pos + 1
    local buf = {}
    while true do
      local c = s:sub(pos, pos)
      if c == "" then err("unterminated string") end
      if c == '"' then pos = pos + 1; break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = {b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
        if e == "u" then buf[#buf+1] = utf8.char(tonumber(s:sub(pos + 2, pos + 5), 16)); pos = pos + 6
        elseif map[e] then buf[#buf+1] = map[e]; pos = pos + 2
        else err("bad escape") end
      else buf[#buf+1] = c; pos = pos + 1 end
    end
    return table.concat(buf)
  end
  function val()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      pos = pos + 1; local obj = {}
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1; return obj end
      while true do
        ws(); if s:sub(pos, pos) ~= '"' then err("expected key") end
        local k = str(); ws()
        if s:sub(pos, pos) ~= ":" then err("expected ':'") end
        pos = pos + 1
        obj[k] = val(); ws()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "}" then return obj elseif d ~= "," then err("expected ',' or '}'") end
      end
    elseif c == "[" then
      pos = pos + 1; local arr = {}
      ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1; return arr end
      while true do
        arr[#arr+1] = val(); ws()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "]" then return arr elseif d ~= "," then err("expected ',' or ']'") end
      end
    elseif c == '"' then return str()
    elseif s:find("^true", pos) then pos = pos + 4; return true
    elseif s:find("^false", pos) then pos = pos + 5; return false
    elseif s:find("^null", pos) then pos = pos + 4; return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then err("unexpected character '" .. c .. "'") end
      pos = pos + #num
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local r = val(); ws()
  if pos <= #s then err("trailing garbage") end
  return r
end
local doc = {name = "piccolo", version = 5.4, tags = {"lua", "vm", "aot"}, nested = {a = {b = {c = {1, 2.5, -3e10}}}},
  flags = {on = true, off = false}, text = "line1\nline2\t\"quoted\"\\ \1", empty = {}, int = math.maxinteger}
local s = json.encode(doc)
print(s)
local back = json.decode(s)
print(json.encode(back) == s, back.nested.a.b.c[3], math.type(back.int), back.text == doc.text)
for _, bad in ipairs{'{"a" 1}', '[1, 2', '"abc', '{"x": tru}', '[1] x', '{"a":"\\q"}'} do
  print(bad, pcall(json.decode, bad))
end
print(json.encode(json.decode('  {"k": [1, {"z": null, "y": "\\u00e9\\u4e2d"}, [], {}], "n": -0.5e2}  ')))
print(pcall(json.encode, {f = print}), pcall(json.encode, 0/0))
