-- Prime numbers below a limit, with trial division and a while loop.
local limit = 100
local count, line = 0, ""
local n = 2
while n < limit do
  local is_prime = true
  local d = 2
  while d * d <= n do
    if n % d == 0 then is_prime = false break end
    d = d + 1
  end
  if is_prime then
    count = count + 1
    line = line .. n .. " "
  end
  n = n + 1
end
print(line)
print(count .. " primes below " .. limit)
