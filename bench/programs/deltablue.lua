-- deltablue (bench): the DeltaBlue incremental constraint solver, after the V8
-- benchmark suite's deltablue.js; OOP with class inheritance through metatables.
-- The chain and projection tests check their own results.
-- Usage: deltablue.lua [N]   (N = number of chain+projection rounds; default 300, small size 3)
-- bench-small-args: 3

local n = tonumber(arg and arg[1]) or 300

-- Declares a class inheriting from [super] (if any).
local function class(super)
  local c = {}
  c.__index = c
  if super then setmetatable(c, { __index = super }) end
  return c
end

-- OrderedCollection: a growable array (removeFirst takes the last element, as in V8).
local OrderedCollection = class()
function OrderedCollection.new() return setmetatable({ elms = {}, n = 0 }, OrderedCollection) end
function OrderedCollection:add(e) self.n = self.n + 1; self.elms[self.n] = e end
function OrderedCollection:at(i) return self.elms[i] end
function OrderedCollection:size() return self.n end
function OrderedCollection:removeFirst()
  local e = self.elms[self.n]
  self.elms[self.n] = nil
  self.n = self.n - 1
  return e
end
function OrderedCollection:remove(elm)
  local elms, j = self.elms, 0
  for i = 1, self.n do
    local e = elms[i]
    if e ~= elm then j = j + 1; elms[j] = e end
  end
  for i = j + 1, self.n do elms[i] = nil end
  self.n = j
end

-- Strengths: smaller values are stronger.
local Strength = class()
function Strength.new(value, name) return setmetatable({ strengthValue = value, name = name }, Strength) end
local REQUIRED = Strength.new(0, "required")
local STRONG_PREFERRED = Strength.new(1, "strongPreferred")
local PREFERRED = Strength.new(2, "preferred")
local STRONG_DEFAULT = Strength.new(3, "strongDefault")
local NORMAL = Strength.new(4, "normal")
local WEAK_DEFAULT = Strength.new(5, "weakDefault")
local WEAKEST = Strength.new(6, "weakest")
local function stronger(s1, s2) return s1.strengthValue < s2.strengthValue end
local function weaker(s1, s2) return s1.strengthValue > s2.strengthValue end
local function weakestOf(s1, s2) if weaker(s1, s2) then return s1 end return s2 end
local next_weaker = { [0] = WEAKEST, WEAK_DEFAULT, NORMAL, STRONG_DEFAULT, PREFERRED, REQUIRED }
function Strength:nextWeaker() return next_weaker[self.strengthValue] end

local planner -- the current Planner (global in the original)

-- Constraint: the abstract base class.
local Constraint = class()
function Constraint:addConstraint()
  self:addToGraph()
  planner:incrementalAdd(self)
end
function Constraint:satisfy(mark)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then error("Could not satisfy a required constraint!") end
    return nil
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden ~= nil then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("Cycle encountered") end
  out.mark = mark
  return overridden
end
function Constraint:destroyConstraint()
  if self:isSatisfied() then planner:incrementalRemove(self) else self:removeFromGraph() end
end
function Constraint:isInput() return false end

-- UnaryConstraint: a constraint on one variable.
local UnaryConstraint = class(Constraint)
function UnaryConstraint.init(self, v, strength)
  self.strength = strength
  self.myOutput = v
  self.satisfied = false
  self:addConstraint()
  return self
end
function UnaryConstraint:addToGraph()
  self.myOutput:addConstraint(self)
  self.satisfied = false
end
function UnaryConstraint:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and stronger(self.strength, self.myOutput.walkStrength)
end
function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs(mark) end
function UnaryConstraint:output() return self.myOutput end
function UnaryConstraint:recalculate()
  self.myOutput.walkStrength = self.strength
  self.myOutput.stay = not self:isInput()
  if self.myOutput.stay then self:execute() end
end
function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown() return true end
function UnaryConstraint:removeFromGraph()
  if self.myOutput ~= nil then self.myOutput:removeConstraint(self) end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, str) return UnaryConstraint.init(setmetatable({}, StayConstraint), v, str) end
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, str) return UnaryConstraint.init(setmetatable({}, EditConstraint), v, str) end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

local NONE, FORWARD, BACKWARD = 0, 1, -1

-- BinaryConstraint: a constraint between two variables, solvable either way.
local BinaryConstraint = class(Constraint)
function BinaryConstraint.init(self, var1, var2, strength)
  self.strength = strength
  self.v1 = var1
  self.v2 = var2
  self.direction = NONE
  self:addConstraint()
  return self
end
function BinaryConstraint:chooseMethod(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(self.strength, v2.walkStrength)) and FORWARD or NONE
  end
  if v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(self.strength, v1.walkStrength)) and BACKWARD or NONE
  end
  if weaker(v1.walkStrength, v2.walkStrength) then
    self.direction = stronger(self.strength, v1.walkStrength) and BACKWARD or NONE
  else
    self.direction = stronger(self.strength, v2.walkStrength) and FORWARD or BACKWARD
  end
end
function BinaryConstraint:addToGraph()
  self.v1:addConstraint(self)
  self.v2:addConstraint(self)
  self.direction = NONE
end
function BinaryConstraint:isSatisfied() return self.direction ~= NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end
function BinaryConstraint:input()
  if self.direction == FORWARD then return self.v1 end
  return self.v2
end
function BinaryConstraint:output()
  if self.direction == FORWARD then return self.v2 end
  return self.v1
end
function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end
function BinaryConstraint:markUnsatisfied() self.direction = NONE end
function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determinedBy == nil
end
function BinaryConstraint:removeFromGraph()
  if self.v1 ~= nil then self.v1:removeConstraint(self) end
  if self.v2 ~= nil then self.v2:removeConstraint(self) end
  self.direction = NONE
end

-- ScaleConstraint: dest = src * scale + offset.
local ScaleConstraint = class(BinaryConstraint)
function ScaleConstraint.new(src, scale, offset, dest, strength)
  local self = setmetatable({ direction = NONE, scale = scale, offset = offset }, ScaleConstraint)
  return BinaryConstraint.init(self, src, dest, strength)
end
function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self)
  self.offset:addConstraint(self)
end
function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  if self.scale ~= nil then self.scale:removeConstraint(self) end
  if self.offset ~= nil then self.offset:removeConstraint(self) end
end
function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end
function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    -- Floor division keeps the values integers (the original divides floats; the
    -- tests only use exact quotients).
    self.v1.value = (self.v2.value - self.offset.value) // self.scale.value
  end
end
function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

-- EqualityConstraint: the two variables are equal.
local EqualityConstraint = class(BinaryConstraint)
function EqualityConstraint.new(var1, var2, strength)
  return BinaryConstraint.init(setmetatable({}, EqualityConstraint), var1, var2, strength)
end
function EqualityConstraint:execute() self:output().value = self:input().value end

-- Variable: a value, the constraints on it and the solver's bookkeeping.
local Variable = class()
function Variable.new(name, initial)
  return setmetatable({ value = initial or 0, constraints = OrderedCollection.new(),
    determinedBy = nil, mark = 0, walkStrength = WEAKEST, stay = true, name = name }, Variable)
end
function Variable:addConstraint(c) self.constraints:add(c) end
function Variable:removeConstraint(c)
  self.constraints:remove(c)
  if self.determinedBy == c then self.determinedBy = nil end
end

-- Plan: an ordered list of constraints to execute.
local Plan = class()
function Plan.new() return setmetatable({ v = OrderedCollection.new() }, Plan) end
function Plan:addConstraint(c) self.v:add(c) end
function Plan:size() return self.v:size() end
function Plan:constraintAt(i) return self.v:at(i) end
function Plan:execute()
  for i = 1, self:size() do self:constraintAt(i):execute() end
end

-- Planner: incremental constraint satisfaction.
local Planner = class()
function Planner.new() return setmetatable({ currentMark = 0 }, Planner) end
function Planner:newMark()
  self.currentMark = self.currentMark + 1
  return self.currentMark
end
function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do overridden = overridden:satisfy(mark) end
end
function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  repeat
    for i = 1, unsatisfied:size() do
      local u = unsatisfied:at(i)
      if u.strength == strength then self:incrementalAdd(u) end
    end
    strength = strength:nextWeaker()
  until strength == WEAKEST
end
function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = Plan.new()
  local todo = sources
  while todo:size() > 0 do
    local c = todo:removeFirst()
    if c:output().mark ~= mark and c:inputsKnown(mark) then
      plan:addConstraint(c)
      c:output().mark = mark
      self:addConstraintsConsumingTo(c:output(), todo)
    end
  end
  return plan
end
function Planner:extractPlanFromConstraints(constraints)
  local sources = OrderedCollection.new()
  for i = 1, constraints:size() do
    local c = constraints:at(i)
    if c:isInput() and c:isSatisfied() then sources:add(c) end
  end
  return self:makePlan(sources)
end
function Planner:addPropagate(c, mark)
  local todo = OrderedCollection.new()
  todo:add(c)
  while todo:size() > 0 do
    local d = todo:removeFirst()
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end
function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = OrderedCollection.new()
  local todo = OrderedCollection.new()
  todo:add(out)
  while todo:size() > 0 do
    local v = todo:removeFirst()
    for i = 1, v.constraints:size() do
      local c = v.constraints:at(i)
      if not c:isSatisfied() then unsatisfied:add(c) end
    end
    local determining = v.determinedBy
    for i = 1, v.constraints:size() do
      local nxt = v.constraints:at(i)
      if nxt ~= determining and nxt:isSatisfied() then
        nxt:recalculate()
        todo:add(nxt:output())
      end
    end
  end
  return unsatisfied
end
function Planner:addConstraintsConsumingTo(v, coll)
  local determining = v.determinedBy
  local cc = v.constraints
  for i = 1, cc:size() do
    local c = cc:at(i)
    if c ~= determining and c:isSatisfied() then coll:add(c) end
  end
end

-- A long chain of equality constraints; editing the first variable must reach the last.
local function chainTest(count)
  planner = Planner.new()
  local prev, first, last
  for i = 0, count do
    local v = Variable.new("v" .. i)
    if prev ~= nil then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == count then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local edits = OrderedCollection.new()
  edits:add(edit)
  local plan = planner:extractPlanFromConstraints(edits)
  local sum = 0
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then error("Chain test failed.") end
    sum = sum + last.value
  end
  return sum
end

-- Edits [v] to [newValue] through a temporary edit constraint.
local function change(v, newValue)
  local edit = EditConstraint.new(v, PREFERRED)
  local edits = OrderedCollection.new()
  edits:add(edit)
  local plan = planner:extractPlanFromConstraints(edits)
  for _ = 1, 10 do
    v.value = newValue
    plan:execute()
  end
  edit:destroyConstraint()
end

-- Many scale constraints sharing the scale and offset variables.
local function projectionTest(count)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local src, dst
  local dests = OrderedCollection.new()
  for i = 0, count - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests:add(dst)
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  change(dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  change(scale, 5)
  for i = 0, count - 2 do
    if dests:at(i + 1).value ~= i * 5 + 1000 then error("Projection 3 failed") end
  end
  change(offset, 2000)
  local sum = 0
  for i = 0, count - 2 do
    local value = dests:at(i + 1).value
    if value ~= i * 5 + 2000 then error("Projection 4 failed") end
    sum = sum + value
  end
  return sum
end

local total = 0
for _ = 1, n do
  total = total + chainTest(100) + projectionTest(100)
end
print(string.format("deltablue(%d) checksum %d", n, total))
