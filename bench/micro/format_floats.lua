local s = 0 for i = 1, 300000 do s = s + #string.format("%5d|%-8s|%08.3f|%x|%q|%g", i, "ab", i / 7, i, "q", i * 1e10) end print(s)
