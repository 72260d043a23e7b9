-- string.format: every conversion, flags, widths, precisions, %q, errors
local f = string.format
print(f("%d %i %u", 42, -7, 3))
print(f("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42))
print(f("%x %X %o %#x %#o", 255, 255, 8, 255, 8))
print(f("%x", -1), f("%d", math.mininteger), f("%d", 3.0))
print(f("%c%c%c", 76, 117, 97))
print(f("%e %E %.3e", 12345.678, 0.000123, 1))
print(f("%f %.2f %10.3f %-10.1f|", 3.14159, 2.5, -1.5, 7))
print(f("%g %g %g %G %.3g", 100000, 1e20, 0.0001, 1e-10, 2/3))
print(f("%a %A", 1.0, 0.5))
print(f("%.99f", 1/3):sub(1, 20), #f("%99.99f", 1e308))
print(f("%s %s %s %s", 1, 2.5, true, nil))
print(f("%10s|%-10s|%.2s|%5.1s|", "abc", "abc", "abc", "abc"))
print(f("%s", setmetatable({}, {__tostring = function() return "OBJ" end})))
print(f("%5s|", setmetatable({}, {__tostring = function() return "ab" end})))
print(f("%s and %s", setmetatable({}, {__tostring = function() return "A" end}),
        setmetatable({}, {__tostring = function() return "B" end})))
print(f("%q", "line1\nline2\t\"q\"\\ \0 \r\0001 \127"))
print(f("%q", 42), f("%q", -0.0), f("%q", 1/0), f("%q", -1/0), f("%q", math.mininteger))
print(f("%q", 0.1), f("%q", 2^53), f("%q", true), f("%q", nil))
print(f("%%"), f("100%%"), f("%5.2f%%", 99.5))
print(f("%s", string.rep("x", 200)):len(), f("%.3s", string.rep("y", 200)))
print(f("no conversions"), f(""))
local errs = {
  {"%d", 3.5}, {"%d", "x"}, {"%z", 1}, {"%", 1}, {"%s"}, {"%10q", "x"},
  {"%123d", 1}, {"%.123f", 1}, {"%#d", 1}, {"%+s", "x"}, {"%.3c", 65}, {"%10s", "a\0b"},
  {"%q", {}}, {"%c", "x"}, {"%-+ #0-+ #0-+ #0d", 1}, {"%ld", 1}, {"%s", setmetatable({}, {__tostring = function() return {} end})},
}
for _, e in ipairs(errs) do
  print(e[1], pcall(f, e[1], e[2]))
end
print(pcall(f))
print(f("%s", 1e15), f("%s", 2^63), f("%s", -0.0), f("%d", "10"), f("%.1f", "2.25"))
