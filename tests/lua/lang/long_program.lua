-- A small realistic program: word frequency, sorting with ties, string building.
local text = [[the quick brown fox jumps over the lazy dog the fox
and the dog sleep while the quick cat watches the brown fox]]
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b)
  if freq[a] ~= freq[b] then return freq[a] > freq[b] end
  return a < b
end)
for i = 1, 5 do print(string.format("%-6s %d", words[i], freq[words[i]])) end
-- sieve of Eratosthenes
local N, sieve, primes = 100, {}, {}
for i = 2, N do
  if not sieve[i] then
    primes[#primes + 1] = i
    for j = i * i, N, i do sieve[j] = true end
  end
end
print(#primes, table.concat(primes, " ", 1, 10))
-- queue/stack
local q = {first = 1, last = 0}
local function push(v) q.last = q.last + 1; q[q.last] = v end
local function pop() local v = q[q.first]; q[q.first] = nil; q.first = q.first + 1; return v end
for i = 1, 5 do push(i * i) end
print(pop(), pop(), q.last - q.first + 1)
-- memoized fibonacci with big integers wrapping
local memo = {}
local function fib(n) if n < 2 then return n end if memo[n] then return memo[n] end local v = fib(n-1) + fib(n-2) memo[n] = v return v end
print(fib(90), fib(100))
