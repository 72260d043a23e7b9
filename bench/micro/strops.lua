local words = {} for w in ("the quick brown fox jumps over the lazy dog "):rep(20000):gmatch("%S+") do words[#words + 1] = w end
local freq = {} for _, w in ipairs(words) do freq[w] = (freq[w] or 0) + 1 end
local keys = {} for k in pairs(freq) do keys[#keys + 1] = k end table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", freq[k], " ") end print()
local s = table.concat(words, " ") print(#s, s:sub(1, 20), s:upper():sub(-10), select(2, s:gsub("o", "")), s:reverse():sub(1, 5))
local n = 0 for i = 1, 200000 do if ("key" .. (i % 100)) == "key42" then n = n + 1 end end print(n)
