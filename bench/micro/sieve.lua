local total = 0
for r = 1, 60 do local flags = {} local n = 0 for i = 2, 100000 do if not flags[i] then n = n + 1 for j = i * i, 100000, i do flags[j] = true end end end total = total + n end
print(total)
