for i = 1, 1000000 do print(i, "x", i / 3) end
