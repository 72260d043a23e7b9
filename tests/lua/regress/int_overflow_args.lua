-- signed overflows (UB, caught by --config=asan): utf8.codes iterator at math.mininteger, table.unpack of INT_MAX-1 values
local f = utf8.codes("")
print(f("", math.mininteger), f("", -1), f("abc", 0))
print(pcall(table.unpack, {}, 1, (1 << 31) - 2))
print(pcall(table.unpack, {}, 0, (1 << 31) - 2))
print(select("#", table.unpack({}, 1, 3)))
