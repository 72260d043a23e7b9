-- A bundle: piccoloc -o app.pci main.lua lib/util.lua lib/shapes.lua puts the
-- modules in the image; require finds them there (lua5.4 finds the files).
local util = require("lib.util")
local shapes = require("lib.shapes")
print(util.greet("bundle"))
print(util.sum(1, 2, 3, 4))
print(shapes.area({kind = "square", side = 3}), shapes.area({kind = "circle", r = 1}))
print(require("lib.util") == util, package.loaded["lib.shapes"] == shapes)
print(select("#", ...), ...)
