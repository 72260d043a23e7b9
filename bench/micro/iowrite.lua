for i = 1, 2000000 do io.write(i, " ", i * 0.5, "\n") end
