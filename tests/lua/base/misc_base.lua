-- Other base functions: _G, _VERSION, getmetatable/setmetatable, collectgarbage, print.
print(_VERSION, _G._G == _G, _G.print == print)
print(type(collectgarbage("count")), collectgarbage("step") ~= nil, collectgarbage())
print(collectgarbage("isrunning"))
print(1, nil, false, "s", 2.5)
print()
print(("x"):rep(3, ","))
print(rawequal(next, next), type(_G.string), _G["math"] == math)
