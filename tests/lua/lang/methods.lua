-- Method calls and definitions: obj:m(), function T:m(), self, chained calls.
local Account = {}
Account.__index = Account
function Account.new(balance) return setmetatable({balance = balance}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
local a = Account.new(100)
print(a:deposit(50):deposit(25):get())
print(Account.get(a), a.get(a))
local s = "hello"
print(s:upper(), ("x"):rep(3), s:sub(2, 3):upper())
local obj = {name = "o", greet = function(self, g) return g .. ", " .. self.name end}
print(obj:greet("hi"))
local ns = {inner = {v = 1}}
function ns.inner:val() return self.v end
function ns.inner.static(x) return x * 2 end
print(ns.inner:val(), ns.inner.static(4))
print(#s, s:len(), ("%d-%d"):format(1, 2))
