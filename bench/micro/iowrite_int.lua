for i = 1, 3000000 do io.write(i, "\n") end
