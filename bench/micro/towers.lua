local Disk = {} Disk.__index = Disk
function Disk.new(size) return setmetatable({size = size, next = nil}, Disk) end
local piles, moves
local function push(disk, pile) local top = piles[pile] if top and disk.size >= top.size then error("bad") end disk.next = top piles[pile] = disk end
local function pop(pile) local top = piles[pile] piles[pile] = top.next top.next = nil return top end
local function move(from, to) push(pop(from), to) moves = moves + 1 end
local function moveDisks(n, from, to) if n == 1 then move(from, to) else local other = 6 - from - to moveDisks(n - 1, from, other) move(from, to) moveDisks(n - 1, other, to) end end
local total = 0
for r = 1, 20 do piles = {} moves = 0 for i = 13, 0, -1 do push(Disk.new(i), 1) end moveDisks(14, 1, 2) total = total + moves end
print(total)
