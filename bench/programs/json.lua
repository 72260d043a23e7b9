-- json (bench): serializes a generated document to JSON text, then parses it back
-- with a hand-written scanner (string.byte, string.sub, string.find). Checks that
-- the parsed value equals the original and re-serializes to the same text.
-- Usage: json.lua [N]   (N = number of records; default 20000, small size 300)
-- bench-small-args: 300

local n = tonumber(arg and arg[1]) or 20000

-- Deterministic pseudo-random integers: the MINSTD generator, whose products stay
-- below 2^53, so every implementation (even one with only float numbers) agrees.
local seed = 2024
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

local words = { "alpha", "beta", "gamma", "delta", "tab\there", "quote\"d", "back\\slash",
  "new\nline", "unicode caf\195\169", "" }

local function make_record(i)
  local tags = {}
  for k = 1, rand() % 5 do tags[k] = words[rand() % #words + 1] end
  return {
    id = i,
    name = words[rand() % #words + 1] .. i,
    score = (rand() % 100000) / 64,   -- exact in binary, so %.17g round-trips
    active = rand() % 2 == 0,
    tags = tags,
    nested = { depth = rand() % 10, ratio = -(rand() % 1000) / 8, empty = {} },
  }
end

-- Integers print as such; without math.type (Lua 5.1, for luajit) every number goes
-- through "%.17g", which prints the same digits for integral values.
local mtype = math.type or function() return "float" end

-- Serializer: keys sorted so the text is deterministic.
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t' }
local encode
local function encode_string(s, out)
  out[#out + 1] = '"' .. s:gsub('[%c"\\]', escapes) .. '"'
end
function encode(v, out)
  local t = type(v)
  if t == "table" then
    if #v > 0 or next(v) == nil then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encode(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = k end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        encode_string(k, out)
        out[#out + 1] = ":"
        encode(v[k], out)
      end
      out[#out + 1] = "}"
    end
  elseif t == "string" then
    encode_string(v, out)
  elseif t == "number" then
    if mtype(v) == "integer" then out[#out + 1] = tostring(v)
    else out[#out + 1] = string.format("%.17g", v) end
  elseif t == "boolean" then
    out[#out + 1] = v and "true" or "false"
  else
    error("cannot encode " .. t)
  end
end

-- Parser: a recursive-descent scanner over byte positions.
local B_QUOTE, B_BSLASH, B_LBRACE, B_RBRACE = 34, 92, 123, 125
local B_LBRACK, B_RBRACK, B_COMMA, B_COLON = 91, 93, 44, 58
local unescape = { n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }

local function parse(text)
  local pos = 1
  local function skip()
    pos = text:find("[^ \t\r\n]", pos) or #text + 1
  end
  local value
  local function str()
    pos = pos + 1                       -- opening quote
    local buf = {}
    while true do
      local s, e = text:find('["\\]', pos)
      if not s then error("unterminated string") end
      buf[#buf + 1] = text:sub(pos, s - 1)
      if text:byte(s) == B_QUOTE then
        pos = e + 1
        return table.concat(buf)
      end
      local c = text:sub(s + 1, s + 1)
      buf[#buf + 1] = unescape[c] or error("bad escape \\" .. c)
      pos = s + 2
    end
  end
  function value()
    skip()
    local c = text:byte(pos)
    if c == B_LBRACE then
      local obj = {}
      pos = pos + 1
      skip()
      if text:byte(pos) == B_RBRACE then pos = pos + 1; return obj end
      while true do
        skip()
        local k = str()
        skip()
        if text:byte(pos) ~= B_COLON then error("expected ':' at " .. pos) end
        pos = pos + 1
        obj[k] = value()
        skip()
        c = text:byte(pos)
        pos = pos + 1
        if c == B_RBRACE then return obj end
        if c ~= B_COMMA then error("expected ',' or '}' at " .. pos) end
      end
    elseif c == B_LBRACK then
      local arr = {}
      pos = pos + 1
      skip()
      if text:byte(pos) == B_RBRACK then pos = pos + 1; return arr end
      while true do
        arr[#arr + 1] = value()
        skip()
        c = text:byte(pos)
        pos = pos + 1
        if c == B_RBRACK then return arr end
        if c ~= B_COMMA then error("expected ',' or ']' at " .. pos) end
      end
    elseif c == B_QUOTE then
      return str()
    elseif text:sub(pos, pos + 3) == "true" then
      pos = pos + 4; return true
    elseif text:sub(pos, pos + 4) == "false" then
      pos = pos + 5; return false
    else
      local s, e = text:find("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not s then error("unexpected character at " .. pos) end
      pos = e + 1
      return tonumber(text:sub(s, e))   -- "12" -> integer, "1.5" -> float
    end
  end
  local v = value()
  skip()
  if pos <= #text then error("trailing characters at " .. pos) end
  return v
end

local function equal(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local doc = {}
for i = 1, n do doc[i] = make_record(i) end
local out = {}
encode(doc, out)
local text = table.concat(out)
local parsed = parse(text)
if not equal(doc, parsed) then error("parsed document differs from the original") end
local out2 = {}
encode(parsed, out2)
local text2 = table.concat(out2)
if text2 ~= text then error("re-serialized text differs") end
local h = 0
for i = 1, #text, 13 do h = (h * 31 + text:byte(i)) % 1000000007 end
print(string.format("json(%d) bytes %d records %d hash %d", n, #text, #parsed, h))
