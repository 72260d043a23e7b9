-- A real program: a JSON-like serializer with sorted keys and escaping.
local function ser(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "table" then
    if #v > 0 then
      local parts = {}
      for _, x in ipairs(v) do parts[#parts + 1] = ser(x, indent .. "  ") end
      return "[" .. table.concat(parts, ", ") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    local lines = {}
    for _, k in ipairs(keys) do lines[#lines + 1] = indent .. "  " .. string.format("%q", k) .. ": " .. ser(v[k], indent .. "  ") end
    return "{\n" .. table.concat(lines, ",\n") .. "\n" .. indent .. "}"
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
  else
    return tostring(v)
  end
end
print(ser({name = "piccolo", version = 1.5, tags = {"lua", "vm", "aot"}, nested = {ok = true, n = 3, list = {1, 2.5, "x\ty"}}, quote = 'say "hi"'}))
