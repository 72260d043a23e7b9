local N = 10000000
x = 0; for i=1,N do x = x + 1 end; print(x)
