local N = 1000000
local s=0; for i=1,N do local co = coroutine.create(function(a) return a * 2 end); local ok, v = coroutine.resume(co, i); s = s + v end; print(s)
